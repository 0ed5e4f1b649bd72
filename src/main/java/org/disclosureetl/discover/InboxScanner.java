package org.disclosureetl.discover;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.store.SourceFileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The discover stage: walks the input folder, hashes every new or touched file and registers new or
 * changed content as pending documents. A file whose size and modification time are those stored
 * when it was last hashed is taken as unchanged without reading it, so a nightly run over an
 * unchanged inbox reads no file. An unchanged file is not parsed again; a changed file's old rows are
 * dropped (unless the same old content still lives at another path); a deleted file's rows are kept
 * and its document marked absent.
 */
@Component
public class InboxScanner {

    private static final Logger log = LoggerFactory.getLogger(InboxScanner.class);

    private final SourceFileRepository sourceFiles;
    private final DocumentRepository documents;
    private final EtlProperties properties;

    public InboxScanner(SourceFileRepository sourceFiles, DocumentRepository documents, EtlProperties properties) {
        this.sourceFiles = sourceFiles;
        this.documents = documents;
        this.properties = properties;
    }

    public Discovery scan(Path input, long runId) throws IOException {
        return scan(input, runId, files -> { });
    }

    /**
     * As {@link #scan(Path, long)}; {@code aboutToRead} is told the new and touched files before they are hashed,
     * so that the parse stage can get ready for them meanwhile.
     */
    public Discovery scan(Path input, long runId, Consumer<List<Path>> aboutToRead) throws IOException {
        if (!Files.isDirectory(input)) {
            throw new IOException("input folder " + input.toAbsolutePath() + " does not exist or is not a folder");
        }
        Path root = input.toAbsolutePath().normalize();
        List<Discovery.Unreadable> unreadable = new ArrayList<>();
        int files = 0;
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        Map<String, SourceFileRepository.SourceFile> knownFiles = sourceFiles.all();
        // every path listed, readable or not: a known file that is not among them was deleted. Kept here rather
        // than stamped on each row, so that a run over an unchanged inbox writes nothing per file
        Set<String> listed = new HashSet<>();
        List<Candidate> toHash = new ArrayList<>();
        for (Found found : listFiles(root, unreadable)) {
            Path file = found.file();
            files++;
            String path = FileNames.relativeName(root, file);
            listed.add(path);
            Optional<SourceFileRepository.SourceFile> known = Optional.ofNullable(knownFiles.get(path));
            try {
                // size and time before the bytes: a file written while it is hashed gets a newer time
                BasicFileAttributes attributes = found.attributes() != null ? found.attributes()
                        : Files.readAttributes(file, BasicFileAttributes.class);
                long size = attributes.size();
                long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                if (known.isPresent() && known.get().present() && known.get().size() == size
                        && Long.valueOf(modified).equals(known.get().modifiedNanos())) {
                    unchanged++;
                    continue;
                }
                toHash.add(new Candidate(file, path, known, size, modified));
            } catch (IOException e) {
                unreadable(unreadable, path, file, e);
            }
        }
        // hashing is most of the stage on new files: the reads and digests run side by side, the registration
        // below stays on this thread (one transaction). New files are registered first, in a few batched statements
        // (a new inbox of 300 files spent 0.55 s on three statements a file); then known files one at a time, in
        // path order, so a changed file whose old content a new file now holds keeps that document
        aboutToRead.accept(toHash.stream().map(Candidate::file).toList());
        List<Hashed> hashed = hashAll(toHash);
        List<SourceFileRepository.NewFile> newFiles = new ArrayList<>();
        List<Hashed> rehashed = new ArrayList<>();
        for (Hashed result : hashed) {
            Candidate candidate = result.candidate();
            if (result.error() != null) {
                unreadable(unreadable, candidate.path(), candidate.file(), result.error());
            } else if (candidate.known().isEmpty()) {
                newFiles.add(new SourceFileRepository.NewFile(candidate.path(), result.sha256(), candidate.size(),
                        settled(candidate.modified()), documentId(result.sha256())));
            } else {
                rehashed.add(result);
            }
        }
        sourceFiles.insertAll(newFiles, runId);
        documents.registerAllIfAbsent(newFiles.stream()
                .map(file -> new DocumentRepository.Registration(file.documentId(), file.sha256(), file.path())).toList(), runId);
        added = newFiles.size();
        for (Hashed result : rehashed) {
            Candidate candidate = result.candidate();
            String path = candidate.path();
            String sha256 = result.sha256();
            long size = candidate.size();
            long modified = settled(candidate.modified());
            SourceFileRepository.SourceFile known = candidate.known().orElseThrow();
            String documentId = documentId(sha256);
            if (known.sha256().equals(sha256)) {
                sourceFiles.update(path, sha256, size, modified, documentId, runId);
                if (!known.present()) {
                    documents.setPresent(documentId, true, path);
                }
                unchanged++;
            } else {
                String oldDocument = known.documentId();
                sourceFiles.update(path, sha256, size, modified, documentId, runId);
                retireIfOrphaned(oldDocument);
                documents.registerIfAbsent(documentId, sha256, path, runId);
                documents.setPresent(documentId, true, null);
                changed++;
                log.info("{} changed: its rows will be replaced", path);
            }
        }
        int deleted = 0;
        List<SourceFileRepository.SourceFile> gone = knownFiles.values().stream()
                .filter(known -> known.present() && !listed.contains(known.path()))
                .sorted(Comparator.comparing(SourceFileRepository.SourceFile::path))
                .toList();
        for (SourceFileRepository.SourceFile file : gone) {
            sourceFiles.markAbsent(file.path());
            Optional<String> elsewhere = sourceFiles.presentPathOf(file.documentId());
            documents.setPresent(file.documentId(), elsewhere.isPresent(), elsewhere.orElse(null));
            deleted++;
            log.info("{} was deleted: its rows are kept and marked absent", file.path());
        }
        return new Discovery(files, added, changed, unchanged, deleted, unreadable);
    }

    /**
     * This file's problem, not the run's: it gets a failure row and the others go on. A known file that turned
     * unreadable is not "deleted" (it was listed), and its row keeps the content last hashed.
     */
    private static void unreadable(List<Discovery.Unreadable> unreadable, String path, Path file, IOException e) {
        unreadable.add(new Discovery.Unreadable(path, errorType(e), readError(e, file)));
    }

    /** A file whose content must be hashed: new, or its size or time moved. */
    private record Candidate(Path file, String path, Optional<SourceFileRepository.SourceFile> known, long size,
                             long modified) {
    }

    /** A candidate's hash, or the I/O error that kept it from being read. */
    private record Hashed(Candidate candidate, String sha256, IOException error) {
    }

    /** The candidates' hashes in their order, computed on up to {@code etl.threads} threads. */
    private List<Hashed> hashAll(List<Candidate> candidates) throws IOException {
        int threads = Math.min(properties.effectiveThreads(), candidates.size());
        if (threads <= 1) {
            return candidates.stream().map(InboxScanner::hash).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "discover-hash");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Hashed>> futures = new ArrayList<>(candidates.size());
            for (Candidate candidate : candidates) {
                futures.add(pool.submit(() -> hash(candidate)));
            }
            List<Hashed> hashed = new ArrayList<>(candidates.size());
            for (Future<Hashed> future : futures) {
                hashed.add(future.get());
            }
            return hashed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing the inbox");
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Hashed hash(Candidate candidate) {
        try {
            return new Hashed(candidate, sha256(candidate.file()), null);
        } catch (IOException e) {
            return new Hashed(candidate, null, e);
        }
    }

    /**
     * File times are coarse (a clock tick, 2 s on FAT): a file written again within the tick of the
     * time just read would keep size and time with other bytes. So a time that recent is not stored
     * (it is kept as "unknown", {@link #UNSETTLED}) and the file is hashed again at the next run.
     */
    private static long settled(long modifiedNanos) {
        long now = System.currentTimeMillis() * 1_000_000L;
        return now - modifiedNanos < SETTLE_NANOS ? UNSETTLED : modifiedNanos;
    }

    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** Stored as the time of a file too recent to trust: no file has it, so the next run hashes it. */
    static final long UNSETTLED = Long.MIN_VALUE;

    private static ErrorType errorType(IOException e) {
        return e instanceof AccessDeniedException ? ErrorType.ACCESS_DENIED
                : e instanceof NoSuchFileException ? ErrorType.FILE_MISSING : ErrorType.READ_ERROR;
    }

    /** The operating system's reason, without the path (the failure row names the file). */
    private static String readError(IOException e, Path file) {
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        if (reason == null) {
            reason = e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
        }
        return "the file cannot be read: " + reason.replace(file.toString(), "").strip();
    }

    private void retireIfOrphaned(String documentId) {
        Optional<String> elsewhere = sourceFiles.presentPathOf(documentId);
        if (elsewhere.isEmpty()) {
            documents.delete(documentId);
        } else {
            documents.setPresent(documentId, true, elsewhere.get());
        }
    }

    /**
     * Regular files (or links to them) below the root, hidden ones left out, in byte order of their
     * paths. A folder that cannot be listed is reported as unreadable; the walk goes on.
     */
    private static List<Found> listFiles(Path root, List<Discovery.Unreadable> unreadable) throws IOException {
        List<Found> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root) || !isHidden(root.relativize(dir)) ? FileVisitResult.CONTINUE
                        : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!isHidden(root.relativize(file))) {
                    if (attrs.isRegularFile()) {
                        files.add(new Found(file, attrs));
                    } else if (Files.isRegularFile(file)) {
                        files.add(new Found(file, null)); // a link: its target's attributes are read later
                    } else {
                        // never opened (a FIFO would block the run), but said: a failure row and the skipped count
                        unreadable.add(notARegularFile(root, file, attrs));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (!file.equals(root) && !isHidden(root.relativize(file))) {
                    unreadable.add(new Discovery.Unreadable(FileNames.relativeName(root, file), errorType(e),
                            readError(e, file)));
                    return FileVisitResult.CONTINUE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                if (e != null && !dir.equals(root)) {
                    unreadable.add(new Discovery.Unreadable(FileNames.relativeName(root, dir), errorType(e),
                            readError(e, dir)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(Found::file)); // byte order of the paths: the same in every locale
        return files;
    }

    /**
     * What a path of the inbox that is not a regular file (nor a link to one) is, as its failure row says it:
     * a link to nothing or round in a loop, a link to a folder (not followed, so a link back up the tree cannot
     * make the walk endless), a named pipe, a socket or a device. Step discover, like an unreadable file.
     */
    static Discovery.Unreadable notARegularFile(Path root, Path file, BasicFileAttributes attrs) {
        String path = FileNames.relativeName(root, file);
        if (attrs.isSymbolicLink()) {
            BasicFileAttributes target;
            try {
                target = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return new Discovery.Unreadable(path, ErrorType.FILE_MISSING,
                        "a link to " + linkTarget(file) + ", which does not exist: skipped");
            } catch (IOException e) {
                String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                        : e.getClass().getSimpleName();
                // ELOOP: the JDK says "Too many levels of symbolic links or unable to access attributes of symbolic link"
                return new Discovery.Unreadable(path, ErrorType.READ_ERROR, reason.startsWith("Too many levels")
                        ? "a link that leads round in a loop of links: skipped"
                        : "a link that cannot be followed (" + reason + "): skipped");
            }
            if (target.isDirectory()) {
                return new Discovery.Unreadable(path, ErrorType.UNSUPPORTED_TYPE,
                        "a link to a folder: links to folders are not followed, skipped");
            }
        }
        return new Discovery.Unreadable(path, ErrorType.UNSUPPORTED_TYPE,
                "not a regular file but " + kindOf(file) + ": skipped, never opened");
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a path";
        }
    }

    /** A special file's kind, from its Unix mode (a link's target's): FIFO, socket, device. */
    private static String kindOf(Path file) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
        return switch (mode & 0170000) {
            case 0010000 -> "a named pipe (FIFO)";
            case 0140000 -> "a socket";
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            default -> "a special file";
        };
    }

    /** A file of the walk, with its attributes when the walk has them (not for a link). */
    private record Found(Path file, BasicFileAttributes attributes) {
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Stable id of a document: the first 16 hex digits of its SHA-256. */
    public static String documentId(String sha256) {
        return sha256.substring(0, 16);
    }

    /**
     * Stable id of the document of one record of a crawler export: the first 16 hex digits of the SHA-256 of the
     * file's SHA-256, {@code :} and the record's number. Derived from the file's content rather than from the
     * record's own text, so that a record belongs to one export's document and lives and dies with it (a changed
     * export drops its old records, a deleted one marks them absent) and a re-run over the same bytes gets the same
     * ids; the hashed text is never a file's bytes of the same hash, so it does not meet a file's id.
     */
    public static String recordDocumentId(String fileSha256, int record) {
        MessageDigest digest = sha256Digest();
        byte[] hash = digest.digest((fileSha256 + ":" + record).getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(hash).substring(0, 16);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
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
