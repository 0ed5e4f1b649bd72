package org.disclosureetl.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A larger inbox made of copies of the sample reports, each copy a distinct document (a line, an HTML
 * comment or a PDF comment after %%EOF makes its bytes differ), so runs take long enough to interrupt.
 */
public final class Corpus {

    private Corpus() {
    }

    /** Writes {@code copies} copies of every TXT, HTML and PDF of {@link Fixtures#sampleInbox()}; returns the file count. */
    public static int build(Path target, int copies) throws IOException {
        Map<String, Path> sources = new TreeMap<>(Fixtures.sampleInbox());
        sources.keySet().removeIf(p -> !(p.endsWith(".txt") || p.endsWith(".html") || p.endsWith(".pdf")));
        int files = 0;
        for (int copy = 0; copy < copies; copy++) {
            Path folder = target.resolve(String.format("batch-%03d", copy));
            Files.createDirectories(folder);
            for (Map.Entry<String, Path> source : sources.entrySet()) {
                String name = source.getKey();
                byte[] bytes = Files.readAllBytes(source.getValue());
                String marker = name.endsWith(".pdf") ? "\n%copy " + copy + "\n"
                        : name.endsWith(".html") ? "\n<!-- copy " + copy + " -->\n" : "\n副本 " + copy + "\n";
                Path file = folder.resolve(name.replace('/', '-'));
                Files.write(file, bytes);
                Files.writeString(file, marker, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
                files++;
            }
        }
        return files;
    }

    /**
     * Adds {@code pairs} truncated PDFs and {@code pairs} DOC files of random bytes under {@code corrupt/}: each
     * fails to parse, so a run must log its failure exactly once.
     */
    public static void addCorruptFiles(Path inbox, int pairs, long seed) throws IOException {
        Path corrupt = Files.createDirectories(inbox.resolve("corrupt"));
        Random random = new Random(seed);
        for (int i = 0; i < pairs; i++) {
            Files.writeString(corrupt.resolve("broken-" + i + ".pdf"), "%PDF-1.7 junk " + i);
            byte[] noise = new byte[2000];
            random.nextBytes(noise);
            Files.write(corrupt.resolve("noise-" + i + ".doc"), noise);
        }
    }
}
