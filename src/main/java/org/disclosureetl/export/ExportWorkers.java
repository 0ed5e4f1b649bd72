package org.disclosureetl.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVPrinter;

/**
 * The workers and scratch files of one export: tasks run on {@code etl.threads} threads, each writing
 * its own hidden temp or part file; parts are concatenated in order after the header. Closing it
 * stops the workers, waits for them and deletes every temp and part file left (after a success only
 * parts of an empty export, if any).
 *
 * <p>Workers are cancelled through a flag they check per document and per row, never by
 * {@link Thread#interrupt()}: an interrupt during H2's file I/O closes its FileChannel and with it
 * the embedded database for every connection (h2database issues 227, 1076).
 */
final class ExportWorkers implements Closeable {

    private final Path folder;
    private final ExecutorService pool;
    private final CompletionService<Long> completion;
    private final List<Future<Long>> tasks = new ArrayList<>();
    private final List<Path> scratch = new ArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final boolean bom;

    ExportWorkers(Path folder, int threads, boolean bom) {
        this.folder = folder;
        this.bom = bom;
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "csv-export-" + number.incrementAndGet());
            thread.setDaemon(true); // close() ends them; this only keeps a bug from holding the JVM open
            return thread;
        });
        this.completion = new ExecutorCompletionService<>(pool);
    }

    /** Tasks run in submission order as workers become free. */
    Future<Long> submit(Callable<Long> task) {
        Future<Long> future = completion.submit(task);
        tasks.add(future);
        return future;
    }

    /**
     * A new hidden temp file beside {@code name}, created with the umask's permissions (not
     * createTempFile's owner-only ones): it becomes the CSV file that analysts of the group read.
     */
    Path tempFile(String name) throws IOException {
        Path temp = OutputFiles.newScratch(folder, name);
        scratch.add(temp);
        return temp;
    }

    /** The hidden part file {@code index} of {@code name}; the worker writing the part creates it. */
    Path partFile(String name, int index) {
        Path part = folder.resolve(String.format(Locale.ROOT, ".%s.part%05d.tmp", name, index));
        scratch.add(part);
        return part;
    }

    /** Whether whole files (documents, failures, the header of sliced files) start with a BOM; parts never do. */
    boolean bom() {
        return bom;
    }

    void checkNotCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("export cancelled");
        }
    }

    /** Waits for every task; the first to fail (in time) fails the export, with its own exception. */
    void awaitAll() throws IOException, InterruptedException {
        for (int i = 0; i < tasks.size(); i++) {
            try {
                completion.take().get();
            } catch (ExecutionException e) {
                throw rethrow(e.getCause());
            }
        }
    }

    /** The row count of a task that {@link #awaitAll} has seen succeed. */
    static long finished(Future<Long> task) {
        try {
            return task.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("a finished export task has no result", e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) throws IOException {
        if (cause instanceof UncheckedIOException unchecked) {
            throw unchecked.getCause();
        }
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime; // SQL failures arrive as Spring's DataAccessException, as before
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    @Override
    public void close() throws IOException {
        cancelled.set(true);
        tasks.forEach(task -> task.cancel(false));
        pool.shutdown();
        awaitWorkers();
        IOException failure = null;
        for (Path file : scratch) {
            try {
                // A directory at a part path is not ours (it made the part fail): leave it.
                if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Parts may only be deleted once no worker can still write them. Workers stop at their next
     * document or row, so this is short; an interrupt of the caller is kept for after.
     */
    private void awaitWorkers() {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A file written document by document as parts: its temp target, its parts in order and their row counts. */
    record SlicedFile(String name, List<String> header, Path temp, List<Path> parts, List<Future<Long>> rows,
                      boolean bom) {

        /** Header, then the parts in order, into the temp target; each part is deleted once copied. */
        long assemble() throws IOException {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "");
                CsvRows.CSV.printRecord(text, header.toArray());
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                for (Path part : parts) {
                    try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
                        long size = in.size();
                        for (long copied = 0; copied < size; ) {
                            copied += in.transferTo(copied, size - copied, out);
                        }
                    }
                    Files.delete(part);
                }
            }
            long total = 0;
            for (Future<Long> sliceRows : rows) {
                total += finished(sliceRows);
            }
            return total;
        }
    }

    /** A CSV file being written by one task, counting its records; raw bytes (a cached fragment) may go between them. */
    static final class CsvOut implements Closeable {
        private final OutputStream stream;
        private final BufferedWriter writer;
        private final CSVPrinter printer;
        private final ExportWorkers workers;
        private long rows;

        private CsvOut(OutputStream stream, BufferedWriter writer, ExportWorkers workers) throws IOException {
            this.stream = stream;
            this.writer = writer;
            this.printer = new CSVPrinter(writer, CsvRows.CSV);
            this.workers = workers;
        }

        static CsvOut open(Path file, ExportWorkers workers, boolean bom) throws IOException {
            // NOFOLLOW_LINKS: part names are predictable, so never write through a link planted at one.
            OutputStream stream = Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            if (bom) {
                writer.write('\uFEFF');
            }
            return new CsvOut(stream, writer, workers);
        }

        void header(List<String> header) throws IOException {
            printer.printRecord(header);
        }

        /** Unchecked, as it is called from JDBC callbacks; {@link ExportWorkers#awaitAll} unwraps it. */
        void print(List<String> row) {
            workers.checkNotCancelled();
            try {
                printer.printRecord(row);
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Records rendered before (a cached fragment), as they are. */
        void append(byte[] records, long count) throws IOException {
            workers.checkNotCancelled();
            writer.flush();
            stream.write(records);
            rows += count;
        }

        long rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }
}
