package org.disclosureetl.cli;

import org.disclosureetl.store.FailureLog;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * A log message as the console shows it ({@code %plainMsg} in {@code logback-spring.xml}): without object
 * identities ({@code PDFParser}, not {@code PDFParser@5f8edcc5}), as {@link FailureLog} writes the same failure,
 * so a console line and its failure row read alike and the same run prints the same lines.
 */
public class ConsoleMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return FailureLog.withoutObjectIdentities(super.convert(event));
    }
}
