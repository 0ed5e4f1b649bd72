package org.disclosureetl.export;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

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

    /** Bump when the rendering of a row changes: older fragments are then never read. */
    static final String VERSION = "fragments-v1";

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

    /** The name of a document's fragment of its cells: they change with the series only where it settled some. */
    static String ofCells(ExportQueries.DocumentKey document) {
        return withSeries(document.documentId(), document.processedRun(), document.cellsRevision());
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
