package org.disclosureetl.cli;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;

/** The values of a command's options (checked by {@link CommandSpec} before the application started). */
final class Options {

    private Options() {
    }

    static Long longOption(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : Long.valueOf(values.get(0));
    }

    static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the folder was named on the command line or in the environment (not left to the default). */
    static boolean given(ApplicationArguments args, String folder) {
        return args.containsOption(folder) || args.containsOption("etl." + folder)
                || System.getenv("ETL_" + folder.toUpperCase(Locale.ROOT)) != null;
    }
}
