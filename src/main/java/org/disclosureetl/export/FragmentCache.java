package org.disclosureetl.export;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import org.disclosureetl.store.ExportQueries;

/**
 * Each document's rendered rows of a per-document file (observations, validation issues), kept
 * under {@code <output>/.export/} so that an export after a few documents changed renders only
 * those and copies the others' bytes. A fragment is named by document, processed run and series revision: the rows
 * are written when a document is processed or when the link step changes its series issues or settled cells
 * (document.series_revision, a new number each time), so that triple names one set of rows. Fragments are
 * written to a temp file and renamed, so a killed export leaves whole fragments or none.
 */
final class FragmentCache {

    /**
     * The folder of this build's fragments: named by the output's schema ({@link OutputSchema#VERSION}), so a
     * build with other columns never reads older fragments.
     */
    static final String VERSION = "fragments-" + OutputSchema.VERSION;

    private final Path root;

    private FragmentCache(Path root) {
        this.root = root;
    }

    static FragmentCache in(Path outputFolder) {
        return new FragmentCache(ExportManifest.stateFolder(outputFolder).resolve(VERSION));
    }

    /**
     * The name of a document's fragment of a file that its series' link changes without the document being
     * processed (its series issues; cells it settled): by document, processed run and series revision; null when
     * the document's rows cannot be named (never processed).
     */
    static String withSeries(ExportQueries.DocumentKey document) {
        return withSeries(document.documentId(), document.processedRun(), document.seriesRevision());
    }

    /**
     * The name of a document's fragment of its cells: they change with the series only where it settled some, and
     * with the analyst's corrections (a fragment a run rendered as it stored the document has no corrections in its
     * name, so it is not taken for a document that has some).
     */
    static String ofCells(ExportQueries.DocumentKey document) {
        return ofCells(document.documentId(), document.processedRun(), document.cellsRevision(),
                document.correctionsRevision());
    }

    static String ofCells(String documentId, Long processedRun, Long cellsRevision, Long correctionsRevision) {
        String name = withSeries(documentId, processedRun, cellsRevision);
        return name == null || correctionsRevision == null ? name
                : name.substring(0, name.length() - ".csv".length()) + ".c" + correctionsRevision + ".csv";
    }

    static String withSeries(String documentId, Long processedRun, Long seriesRevision) {
        if (processedRun == null) {
            return null;
        }
        return documentId + "." + processedRun + (seriesRevision == null ? "" : ".s" + seriesRevision) + ".csv";
    }

    /** The fragment's bytes, or null when there is none. */
    byte[] read(String file, String name) throws IOException {
        try {
            return Files.readAllBytes(root.resolve(file).resolve(name));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    void write(String file, String name, byte[] bytes) throws IOException {
        OutputFiles.writeAtomically(Files.createDirectories(root.resolve(file)), name, bytes);
    }

    /**
     * Deletes the fragments of other builds' output schemas: a full export has rendered everything again, and
     * they would never be read.
     */
    void deleteOtherVersions() throws IOException {
        Path state = root.getParent();
        if (!Files.isDirectory(state, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String current = root.getFileName().toString();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(state, "fragments-*")) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().equals(current)
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(entry);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Deletes the fragments (and stray temp files) of {@code file} that the export did not use. */
    void keepOnly(String file, Set<String> used) throws IOException {
        Path folder = root.resolve(file);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!used.contains(entry.getFileName().toString())) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }
}
