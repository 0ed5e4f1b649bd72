package org.disclosureetl.discover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.SourceFileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The discover stage: walks the input folder, hashes every file and registers new or changed
 * content as pending documents. An unchanged file is not parsed again; a changed file's old rows are
 * dropped (unless the same old content still lives at another path); a deleted file's rows are kept
 * and its document marked absent.
 */
@Component
public class InboxScanner {

    private static final Logger log = LoggerFactory.getLogger(InboxScanner.class);

    private final SourceFileRepository sourceFiles;
    private final DocumentRepository documents;

    public InboxScanner(SourceFileRepository sourceFiles, DocumentRepository documents) {
        this.sourceFiles = sourceFiles;
        this.documents = documents;
    }

    public Discovery scan(Path input, long runId) throws IOException {
        if (!Files.isDirectory(input)) {
            throw new IOException("input folder " + input.toAbsolutePath() + " does not exist or is not a folder");
        }
        Path root = input.toAbsolutePath().normalize();
        int files = 0;
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (Path file : listFiles(root)) {
            files++;
            String path = relativePath(root, file);
            String sha256 = sha256(file);
            String documentId = documentId(sha256);
            long size = Files.size(file);
            Optional<SourceFileRepository.SourceFile> known = sourceFiles.find(path);
            if (known.isEmpty()) {
                sourceFiles.insert(path, sha256, size, documentId, runId);
                documents.registerIfAbsent(documentId, sha256, path, runId);
                documents.setPresent(documentId, true, null);
                added++;
            } else if (known.get().sha256().equals(sha256)) {
                sourceFiles.update(path, sha256, size, documentId, runId);
                if (!known.get().present()) {
                    documents.setPresent(documentId, true, path);
                }
                unchanged++;
            } else {
                String oldDocument = known.get().documentId();
                sourceFiles.update(path, sha256, size, documentId, runId);
                retireIfOrphaned(oldDocument);
                documents.registerIfAbsent(documentId, sha256, path, runId);
                documents.setPresent(documentId, true, null);
                changed++;
                log.info("{} changed: its rows will be replaced", path);
            }
        }
        int deleted = 0;
        for (SourceFileRepository.SourceFile gone : sourceFiles.presentNotSeenIn(runId)) {
            sourceFiles.markAbsent(gone.path());
            Optional<String> elsewhere = sourceFiles.presentPathOf(gone.documentId());
            documents.setPresent(gone.documentId(), elsewhere.isPresent(), elsewhere.orElse(null));
            deleted++;
            log.info("{} was deleted: its rows are kept and marked absent", gone.path());
        }
        return new Discovery(files, added, changed, unchanged, deleted);
    }

    private void retireIfOrphaned(String documentId) {
        Optional<String> elsewhere = sourceFiles.presentPathOf(documentId);
        if (elsewhere.isEmpty()) {
            documents.delete(documentId);
        } else {
            documents.setPresent(documentId, true, elsewhere.get());
        }
    }

    private static List<Path> listFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(root.relativize(p)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static String relativePath(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Stable id of a document: the first 16 hex digits of its SHA-256. */
    public static String documentId(String sha256) {
        return sha256.substring(0, 16);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
