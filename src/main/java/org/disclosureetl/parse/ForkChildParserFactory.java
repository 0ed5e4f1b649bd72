package org.disclosureetl.parse;

import java.util.Map;

import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserFactory;

/**
 * Builds the {@link ForkChildParser} inside a child JVM that loads the application's jar itself
 * ({@link ChildJvm#applicationFolder()}). Tika's ForkServer creates it by name, so it is public.
 */
public final class ForkChildParserFactory extends ParserFactory {

    /** The argument that carries the character limit. */
    static final String MAX_CHARS = "maxChars";

    /** The argument that carries the number of OCR threads. */
    static final String OCR_THREADS = "ocrThreads";

    private final long maxChars;
    private final int ocrThreads;

    public ForkChildParserFactory(Map<String, String> args) {
        super(args);
        this.maxChars = Long.parseLong(args.get(MAX_CHARS));
        this.ocrThreads = Integer.parseInt(args.getOrDefault(OCR_THREADS, "1"));
    }

    @Override
    public Parser build() {
        return new ForkChildParser(maxChars, ocrThreads);
    }
}
