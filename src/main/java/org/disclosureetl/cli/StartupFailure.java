package org.disclosureetl.cli;

import java.io.PrintStream;
import java.util.Optional;

import org.disclosureetl.store.ConnectionFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure of the application's start, as one line (application.yml silences Spring Boot's own report of
 * it): a setting whose value does not bind is a usage error (exit code 2); a database that cannot be opened
 * names the cause and what to check (exit code 1); anything else its innermost cause. The stack trace is
 * logged at DEBUG ({@code --logging.level.org.disclosureetl=DEBUG}) for whoever debugs.
 */
public final class StartupFailure {

    private static final Logger log = LoggerFactory.getLogger(StartupFailure.class);

    private StartupFailure() {
    }

    /**
     * Prints the one line and gives the exit code.
     *
     * @param url the JDBC URL the application opened
     */
    public static int report(Throwable failure, String url, PrintStream err) {
        log.debug("the application did not start", failure);
        Optional<String> setting = Settings.badValue(failure);
        if (setting.isPresent()) {
            err.println(setting.get());
            return CommandSpec.USAGE_ERROR;
        }
        err.println(ConnectionFailure.describe(failure, url)
                .orElseGet(() -> "disclosure-etl did not start: " + Failures.oneLine(failure)));
        return ExitCodes.JOB_FAILED;
    }
}
