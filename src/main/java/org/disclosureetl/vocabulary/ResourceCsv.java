package org.disclosureetl.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV data file from the class path (templates, codebook texts, reference lists) the way
 * the template files are written: header row, {@code #} comment lines, blank lines ignored, values
 * stripped. Each record comes back as a map from header to value (in header order), so an optional
 * column (say a {@code years} column added to legacy-cells.csv later) is simply absent or present.
 * The one reader of the project's data files: extract's templates, the codebook's texts and region's
 * division lists all come through here.
 */
public final class ResourceCsv {

    private ResourceCsv() {
    }

    public static List<Map<String, String>> read(String resource) {
        try (InputStream in = ResourceCsv.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').setIgnoreEmptyLines(true).get();
            List<Map<String, String>> rows = new ArrayList<>();
            try (CSVParser parser = format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                List<String> header = parser.getHeaderNames();
                for (CSVRecord record : parser) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (String column : header) {
                        row.put(column, record.isSet(column) ? record.get(column).strip() : "");
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
