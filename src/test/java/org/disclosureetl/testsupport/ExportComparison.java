package org.disclosureetl.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.export.CsvExporter;

/** Whether an interrupted (or distributed) run ended with what an uninterrupted one exported. */
public final class ExportComparison {

    private ExportComparison() {
    }

    /** The CSV files byte for byte; failures.csv without the run and time columns. */
    public static void assertSameExport(Path expected, Path actual) throws IOException {
        for (String file : List.of("documents.csv", "observations.csv", "validation_issues.csv")) {
            assertThat(Files.readAllBytes(actual.resolve(file))).as(file).isEqualTo(Files.readAllBytes(expected.resolve(file)));
        }
        // the run that logged a failure may be the killed one or its restart, and the time differs
        assertThat(failuresWithoutRunAndTime(actual)).as("failures.csv").isEqualTo(failuresWithoutRunAndTime(expected));
    }

    /** failures.csv with its run_id and time columns blanked. */
    public static List<String> failuresWithoutRunAndTime(Path out) throws IOException {
        List<String> rows = new ArrayList<>();
        for (CSVRecord r : Fixtures.readCsv(out.resolve("failures.csv"))) {
            rows.add(String.join("|", "", r.get("source_file"), r.get("step"), r.get("error_type"), r.get("message"), "",
                    r.get("document_id")));
        }
        return rows;
    }

    /** The bytes of each of the CSV files of an output folder, by name. */
    public static Map<String, byte[]> exportBytes(Path output) throws IOException {
        Map<String, byte[]> bytes = new HashMap<>();
        for (String file : CsvExporter.FILES) {
            bytes.put(file, Files.readAllBytes(output.resolve(file)));
        }
        return bytes;
    }
}
