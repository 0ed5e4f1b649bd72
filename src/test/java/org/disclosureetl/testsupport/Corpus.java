package org.disclosureetl.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A larger inbox made of copies of the sample reports, each copy a distinct document (a line, an HTML
 * comment or a PDF comment after %%EOF makes its bytes differ), so runs take long enough to interrupt.
 */
public final class Corpus {

    private Corpus() {
    }

    /** Writes {@code copies} copies of every TXT, HTML and PDF under {@code data/inbox}; returns the file count. */
    public static int build(Path target, int copies) throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(Path.of("data/inbox"))) {
            sources = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".html") || p.toString().endsWith(".pdf"))
                    .sorted().toList();
        }
        int files = 0;
        for (int copy = 0; copy < copies; copy++) {
            Path folder = target.resolve(String.format("batch-%03d", copy));
            Files.createDirectories(folder);
            for (Path source : sources) {
                String name = source.getFileName().toString();
                byte[] bytes = Files.readAllBytes(source);
                String marker = name.endsWith(".pdf") ? "\n%copy " + copy + "\n"
                        : name.endsWith(".html") ? "\n<!-- copy " + copy + " -->\n" : "\n副本 " + copy + "\n";
                Path file = folder.resolve(source.getParent().getFileName() + "-" + name);
                Files.write(file, bytes);
                Files.writeString(file, marker, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
                files++;
            }
        }
        return files;
    }
}
