package org.disclosureetl.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One real report from {@code classpath:bench/<format>/} that copies are made from.
 * For TXT and HTML {@code text} is the UTF-8 source, for DOCX it is {@code word/document.xml};
 * {@code cells} and {@code layout} say where its table numbers are. PDFs have neither.
 *
 * @param seed        the report's id, e.g. {@code 002} (the same report exists in every format)
 * @param traditional whether the report is in Traditional script (the Big5 copies use those)
 */
record SeedTemplate(String seed, SourceFormat format, byte[] bytes, String text, List<NumberCell> cells,
                    TableLayout layout, boolean traditional) {

    private static final String ROOT = "bench/";

    /** All seeds of a format on the classpath, by name; fails when a seed's tables cannot be located. */
    static List<SeedTemplate> load(SourceFormat format) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + ROOT + format.extension() + "/*." + format.extension());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        List<SeedTemplate> templates = new ArrayList<>();
        for (Resource resource : resources) {
            templates.add(of(format, resource.getFilename(), read(resource)));
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no benchmark seeds under classpath:" + ROOT + format.extension());
        }
        return List.copyOf(templates);
    }

    static SeedTemplate of(SourceFormat format, String fileName, byte[] bytes) {
        String seed = fileName.replaceFirst("[_.].*$", "");
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

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long[] originalValues() {
        return cells.stream().mapToLong(NumberCell::value).toArray();
    }
}
