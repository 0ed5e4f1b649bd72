package org.disclosureetl.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.export.ExportFilter;
import org.disclosureetl.export.ExportOptions;
import org.disclosureetl.export.Exports;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code export}: writes the output files from the database again, optionally filtered. */
@Component
class ExportCommand {

    /** The values of --format: the CSV files, or one workbook. */
    static final String CSV = "csv";
    static final String XLSX = "xlsx";

    private final Exports exporter;
    private final EtlProperties properties;
    private final PrintStream out = System.out;

    ExportCommand(Exports exporter, EtlProperties properties) {
        this.exporter = exporter;
        this.properties = properties;
    }

    int run(ApplicationArguments args) throws Exception {
        ExportOptions options = exportOptions(args);
        if (options == null) {
            return ExitCodes.USAGE;
        }
        ExportFilter filter = filter(args);
        Exports.Result result = exporter.export(properties.output(), filter, options);
        result.rows().forEach((file, rows) -> out.printf("export: %-22s %d rows%n", file, rows));
        out.println("export: written to " + result.folder().toAbsolutePath());
        if (!ExportFilter.ALL.equals(filter) && result.documents() == 0) {
            System.err.println("export: no document matches " + describe(filter)
                    + "; the files hold their headers only");
        }
        return ExitCodes.OK;
    }

    private static String describe(ExportFilter filter) {
        List<String> options = new ArrayList<>();
        if (filter.year() != null) {
            options.add("--year=" + filter.year());
        }
        if (filter.agency() != null) {
            options.add("--agency=" + filter.agency());
        }
        if (filter.region() != null) {
            options.add("--region=" + filter.region());
        }
        if (filter.table() != null) {
            options.add("--table=" + filter.table());
        }
        return String.join(" ", options);
    }

    static ExportFilter filter(ApplicationArguments args) {
        Long year = Options.longOption(args, "year");
        return new ExportFilter(year == null ? null : year.intValue(), Options.option(args, "agency"),
                Options.option(args, "region"), Options.option(args, "table"));
    }

    /** --format=xlsx writes the workbook instead of the CSV files; --excel puts a BOM before the CSV files. */
    private static ExportOptions exportOptions(ApplicationArguments args) {
        String format = Options.option(args, "format");
        if (format != null && !format.equals(CSV) && !format.equals(XLSX)) {
            System.err.println("export: --format is " + CSV + " or " + XLSX + ", not " + format);
            return null;
        }
        return new ExportOptions(args.containsOption("excel"), XLSX.equals(format));
    }
}
