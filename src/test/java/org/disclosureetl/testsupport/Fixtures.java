package org.disclosureetl.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The test fixtures: the five seed reports with their hand-checked cells
 * ({@code seeds/expected-cells.csv}), and the same reports in other formats, encodings and scripts
 * ({@code fixtures/MANIFEST.csv}). The reports of the sample inbox {@code data/inbox} (the default input and
 * the README's sample) are the one copy: pom.xml puts its {@code txt/} on the test class path as {@code seeds/}
 * and its other formats as {@code fixtures/formats/}; the keys, encodings and scripts are in src/test/resources.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fixture file and the seed whose cells it must yield. */
    public record Fixture(String path, String seed, String format) {
        @Override
        public String toString() {
            return path;
        }
    }

    /** What a seed must come out as. */
    public record Expected(String agency, int reportYear, String formatVersion, Map<String, String> cells) {
    }

    public static Path resource(String name) {
        try {
            var url = Fixtures.class.getClassLoader().getResource(name);
            if (url == null) {
                throw new IllegalArgumentException("test resource " + name + " is missing");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every fixture: the five seeds as text, then every MANIFEST.csv entry. */
    public static List<Fixture> all() {
        List<Fixture> fixtures = new ArrayList<>();
        for (String seed : seedNames()) {
            fixtures.add(new Fixture("seeds/" + seed, seed, "txt"));
        }
        for (CSVRecord r : csv("fixtures/MANIFEST.csv")) {
            fixtures.add(new Fixture("fixtures/" + r.get("path"), r.get("source_file"), r.get("format")));
        }
        return fixtures;
    }

    public static List<String> seedNames() {
        try (Stream<Path> files = Files.list(resource("seeds"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Expected agency, year, format and cells (key {@code table/row/column}, value as in the contract) per seed. */
    public static Map<String, Expected> expected() {
        Map<String, Expected> bySeed = new LinkedHashMap<>();
        for (CSVRecord r : csv("seeds/expected-cells.csv")) {
            Expected e = bySeed.computeIfAbsent(r.get("source_file"), k -> new Expected(r.get("agency"),
                    Integer.parseInt(r.get("report_year")), r.get("format_version"), new LinkedHashMap<>()));
            e.cells().put(r.get("table_code") + "/" + r.get("row_code") + "/" + r.get("column_code"), r.get("value"));
        }
        return bySeed;
    }

    public static List<CSVRecord> csv(String resource) {
        return readCsv(resource(resource));
    }

    /** The records of a CSV file with a header row (a test resource or a file the job exported). */
    public static List<CSVRecord> readCsv(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').get();
            return format.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample inbox as tests see it: relative path ({@code txt/<seed>.txt}, {@code <format>/<file>})
     * to the fixture, sorted: the five seeds and the reports of {@code fixtures/formats}.
     */
    public static Map<String, Path> sampleInbox() {
        Map<String, Path> files = new java.util.TreeMap<>();
        for (Fixture fixture : all()) {
            if (fixture.path().startsWith("seeds/")) {
                files.put("txt/" + fixture.seed(), resource(fixture.path()));
            } else if (fixture.path().startsWith("fixtures/formats/")) {
                files.put(fixture.path().substring("fixtures/formats/".length()), resource(fixture.path()));
            }
        }
        return files;
    }

    /** Copies {@link #sampleInbox()} into {@code folder}, the layout of {@code data/inbox}. */
    public static void copySampleInbox(Path folder) throws IOException {
        for (Map.Entry<String, Path> file : sampleInbox().entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.copy(file.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Copies every fixture into {@code folder}, keeping the sub-folders (seeds/, fixtures/formats/...). */
    public static void copyAllTo(Path folder) throws IOException {
        for (Fixture fixture : all()) {
            Path target = folder.resolve(fixture.path());
            Files.createDirectories(target.getParent());
            Files.copy(resource(fixture.path()), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** CSV records by the value of one column (the last record of a value wins). */
    public static Map<String, CSVRecord> byKey(List<CSVRecord> records, String column) {
        Map<String, CSVRecord> map = new java.util.LinkedHashMap<>();
        records.forEach(r -> map.put(r.get(column), r));
        return map;
    }
}
