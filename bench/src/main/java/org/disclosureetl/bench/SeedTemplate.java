package org.disclosureetl.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One real report of the sample inbox that copies are made from.
 * For TXT and HTML {@code text} is the UTF-8 source, for DOCX it is {@code word/document.xml};
 * {@code cells} and {@code layout} say where its table numbers are. PDFs have neither.
 *
 * @param seed        the report's id, e.g. {@code 002} (the same report exists in every format)
 * @param traditional whether the report is in Traditional script (the Big5 copies use those)
 */
record SeedTemplate(String seed, SourceFormat format, byte[] bytes, String text, List<NumberCell> cells,
                    TableLayout layout, boolean traditional) {

    /**
     * The seeds of a format in {@code folder/<extension>/}, by name: the sample inbox {@code data/inbox} of the
     * repository holds each report in every format, so the benchmark needs no copies of its own.
     *
     * @param seeds the report ids to take (a report missing in one format would skew the mix)
     */
    static List<SeedTemplate> load(Path folder, SourceFormat format, Set<String> seeds) {
        List<SeedTemplate> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder.resolve(format.extension()))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith("." + format.extension()) && seeds.contains(seedOf(name))) {
                    templates.add(of(format, name, Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no benchmark seeds in " + folder.resolve(format.extension()));
        }
        return List.copyOf(templates);
    }

    static String seedOf(String fileName) {
        return fileName.replaceFirst("[_.].*$", "");
    }

    static SeedTemplate of(SourceFormat format, String fileName, byte[] bytes) {
        String seed = seedOf(fileName);
        try {
            String text = switch (format) {
                case TXT, HTML -> new String(bytes, StandardCharsets.UTF_8);
                case DOCX -> DocxPackage.documentXml(bytes);
                case PDF -> null;
            };
            if (text == null) {
                return new SeedTemplate(seed, format, bytes, null, List.of(), null, false);
            }
            List<NumberCell> cells = NumberCells.scan(format, text);
            TableLayout layout = TableLayout.of(cells, text);
            return new SeedTemplate(seed, format, bytes, text, cells, layout, text.contains("年度報告"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("benchmark seed " + format + " " + fileName + ": " + e.getMessage(), e);
        }
    }

    long[] originalValues() {
        return cells.stream().mapToLong(NumberCell::value).toArray();
    }
}
