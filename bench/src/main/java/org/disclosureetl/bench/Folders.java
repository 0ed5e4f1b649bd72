package org.disclosureetl.bench;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File helpers of the benchmark. */
final class Folders {

    private Folders() {
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A folder holding the given files (hard links where the file system allows, copies otherwise). */
    static Path linkInto(Path folder, List<CorpusFile> files) throws IOException {
        deleteRecursively(folder);
        Files.createDirectories(folder);
        for (CorpusFile file : files) {
            Path target = folder.resolve(file.path().getFileName());
            try {
                Files.createLink(target, file.path());
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.copy(file.path(), target);
            }
        }
        return folder;
    }
}
