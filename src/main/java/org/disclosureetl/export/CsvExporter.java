package org.disclosureetl.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.disclosureetl.EtlProperties;
import org.disclosureetl.extract.CellValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The export stage: writes the four CSV files of the output contract (docs/OUTPUT.md "CSV files") from the database.
 * Each file is written to a temporary file beside it and then renamed, so a reader never sees a
 * half-written file and a failed export leaves the previous one intact. Rows come in a fixed order so
 * the same database always gives the same bytes: documents by source file; cells and issues document
 * by document (in id order), each document's rows read by primary key in template order, so a large
 * export streams without H2 sorting the whole table.
 *
 * <p>The work is spread over {@code etl.threads} workers. documents.csv and failures.csv are one task
 * each. The cell and issue files are cut into contiguous slices of the ordered document list; each
 * slice is written by one worker to its own hidden part file, and the parts are then concatenated in
 * order after the header, so the bytes are the same whatever the thread count.
 */
@Component
public class CsvExporter {

    public static final List<String> FILES = List.of("documents.csv", "observations.csv", "validation_issues.csv",
            "failures.csv");

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    /** Most documents in one slice: a few hundred keeps per-part overhead (a file, a statement) negligible. */
    static final int MAX_SLICE = 250;

    /**
     * Slices per worker and file when the export is small enough that slices come out below
     * {@link #MAX_SLICE}: several per worker, so a slow slice at the end does not leave a core idle.
     */
    private static final int SLICES_PER_THREAD = 4;

    private static final PerDocumentFile OBSERVATIONS = new PerDocumentFile("observations.csv",
            List.of("document_id", "report_year", "agency", "format_version", "table_code", "row_code",
                    "column_code", "value", "raw_value", "row_label", "column_label", "unit", "source_location"),
            "SELECT table_code, row_code, column_code, value_number, raw_value, row_label, column_label, unit,"
                    + " source_location FROM observation WHERE document_id = ?",
            (d, rs) -> List.of(d.documentId(), d.reportYear(), d.agency(), d.formatVersion(), rs.getString(1),
                    rs.getString(2), rs.getString(3), plain(rs.getBigDecimal(4)), text(rs.getString(5)),
                    text(rs.getString(6)), text(rs.getString(7)), nullToEmpty(rs.getString(8)),
                    nullToEmpty(rs.getString(9))));

    private static final PerDocumentFile ISSUES = new PerDocumentFile("validation_issues.csv",
            List.of("document_id", "rule", "table_code", "row_code", "column_code", "expected", "actual", "message"),
            "SELECT rule, table_code, row_code, column_code, expected, actual, message"
                    + " FROM validation_issue WHERE document_id = ?",
            (d, rs) -> List.of(d.documentId(), rs.getString(1), nullToEmpty(rs.getString(2)),
                    nullToEmpty(rs.getString(3)), nullToEmpty(rs.getString(4)), text(rs.getString(5)),
                    text(rs.getString(6)), text(rs.getString(7))));

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final int threads;
    private final int maxSlice;

    /**
     * Connections: each worker holds at most one pooled connection at a time (a slice keeps one for its
     * statement), and the calling thread may hold one more (the export step's transaction). So an
     * export needs {@code etl.threads + 1} connections; Hikari's default pool of 10 is enough up to
     * 9 threads. Above that, workers wait for a connection while another finishes its slice (no
     * deadlock: no thread waits for a second connection), and spring.datasource.hikari.maximum-pool-size
     * should be raised (the extract step, too, holds a connection per partition).
     */
    @Autowired
    public CsvExporter(JdbcTemplate jdbcTemplate, EtlProperties properties) {
        this(jdbcTemplate, properties.effectiveThreads(), MAX_SLICE);
    }

    /** With a given number of workers and slice size (tests use tiny slices to get many parts). */
    CsvExporter(JdbcTemplate jdbcTemplate, int threads, int maxSlice) {
        if (threads < 1 || maxSlice < 1) {
            throw new IllegalArgumentException("threads and slice size must be positive");
        }
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.threads = threads;
        this.maxSlice = maxSlice;
    }

    /** Rows written per file. */
    public record ExportResult(Path folder, Map<String, Long> rows) {
    }

    /** The document columns repeated on every cell row. */
    private record DocumentKey(String documentId, String reportYear, String agency, String formatVersion) {
    }

    public ExportResult export(Path folder, ExportFilter filter) throws IOException {
        return export(folder, filter, false);
    }

    /**
     * @param bom start each file with a UTF-8 byte-order mark ({@code export --excel}): Excel reads a
     *            CSV without one in the Windows code page (GBK on a Chinese system) and garbles it
     */
    public ExportResult export(Path folder, ExportFilter filter, boolean bom) throws IOException {
        Files.createDirectories(folder);
        removeStrayScratchFiles(folder);
        Where where = Where.of(filter);
        try (ExportRun run = new ExportRun(folder, threads, bom)) {
            // Single-task files first, so they overlap with the document list query and the slices.
            Path documentsTemp = run.tempFile("documents.csv");
            Future<Long> documents = run.submit(() -> writeDocuments(documentsTemp, where, run));
            Path failuresTemp = run.tempFile("failures.csv");
            Future<Long> failures = run.submit(() -> writeFailures(failuresTemp, run));

            List<List<DocumentKey>> slices = slices(documentKeys(where));
            SlicedFile observations = submitSlices(run, OBSERVATIONS, where, slices);
            SlicedFile issues = submitSlices(run, ISSUES, where, slices);
            run.awaitAll();

            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put("documents.csv", finished(documents));
            rows.put(OBSERVATIONS.name(), observations.assemble());
            rows.put(ISSUES.name(), issues.assemble());
            rows.put("failures.csv", finished(failures));
            // Only now that every file is complete is any previous one replaced.
            moveIntoPlace(documentsTemp, folder.resolve("documents.csv"));
            moveIntoPlace(observations.temp(), folder.resolve(OBSERVATIONS.name()));
            moveIntoPlace(issues.temp(), folder.resolve(ISSUES.name()));
            moveIntoPlace(failuresTemp, folder.resolve("failures.csv"));
            return new ExportResult(folder, rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        }
    }

    /** Temp and part files of one of our CSVs: {@code .observations.csv.part00003.tmp}, {@code .documents.csv.1f3a.tmp}. */
    private static final Pattern SCRATCH = OutputFiles.SCRATCH;

    /**
     * An export killed midway (kill -9, power loss) cannot clean up after itself: its scratch files are
     * removed by the next export to the folder (only one process can hold the database at a time).
     */
    private static void removeStrayScratchFiles(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                entry -> SCRATCH.matcher(entry.getFileName().toString()).matches()
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS))) {
            for (Path stray : entries) {
                Files.deleteIfExists(stray);
            }
        }
    }

    /** The row count of a task that {@link ExportRun#awaitAll} has seen succeed. */
    private static long finished(Future<Long> task) {
        try {
            return task.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("a finished export task has no result", e);
        }
    }

    private long writeDocuments(Path temp, Where where, ExportRun run) throws IOException {
        try (CsvOut out = CsvOut.open(temp, run, run.bom())) {
            out.header(List.of("document_id", "source_file", "sha256", "content_type", "script", "agency",
                    "report_year", "format_version", "status", "tables_found", "cells", "issues", "present",
                    "region_code", "region_level", "province", "prefecture", "county", "agency_key"));
            jdbc.sql("SELECT d.document_id, d.source_file, d.sha256, d.content_type, d.script, d.agency,"
                            + " d.report_year, d.format_version, d.status, d.tables_found, d.cells, d.issues, d.present,"
                            + " d.region_code, d.region_level, d.province, d.prefecture, d.county, d.agency_key"
                            + " FROM document d" + where.documents() + " ORDER BY d.source_file, d.document_id")
                    .params(where.documentParams())
                    .query((RowCallbackHandler) rs -> out.print(List.of(rs.getString(1), text(rs.getString(2)),
                            rs.getString(3), nullToEmpty(rs.getString(4)), nullToEmpty(rs.getString(5)),
                            text(rs.getString(6)), intOrEmpty(rs, 7), nullToEmpty(rs.getString(8)), rs.getString(9),
                            intOrEmpty(rs, 10), intOrEmpty(rs, 11), intOrEmpty(rs, 12),
                            String.valueOf(rs.getBoolean(13)), nullToEmpty(rs.getString(14)),
                            nullToEmpty(rs.getString(15)), text(rs.getString(16)), text(rs.getString(17)),
                            text(rs.getString(18)), text(rs.getString(19)))));
            return out.rows();
        }
    }

    private long writeFailures(Path temp, ExportRun run) throws IOException {
        try (CsvOut out = CsvOut.open(temp, run, run.bom())) {
            out.header(List.of("run_id", "source_file", "step", "error_type", "message", "time", "document_id"));
            jdbc.sql("SELECT run_id, source_file, step, error_type, message, failed_at, document_id"
                            // by file and attempt, not by log order: partitions log in a racy order, and a
                            // run resumed after a crash must export what an uninterrupted one does
                            + " FROM failure ORDER BY source_file, document_id NULLS FIRST, attempt NULLS FIRST, step, failure_id")
                    .query((RowCallbackHandler) rs -> out.print(List.of(nullToEmpty(rs.getString(1)),
                            text(rs.getString(2)), rs.getString(3), rs.getString(4), text(rs.getString(5)),
                            rs.getTimestamp(6).toLocalDateTime().toString(), nullToEmpty(rs.getString(7)))));
            return out.rows();
        }
    }

    private List<DocumentKey> documentKeys(Where where) {
        return jdbc.sql("SELECT d.document_id, d.report_year, d.agency, d.format_version"
                        + " FROM document d" + where.documents() + " ORDER BY d.document_id")
                .params(where.documentParams())
                .query((rs, n) -> new DocumentKey(rs.getString(1), intOrEmpty(rs, 2), text(rs.getString(3)),
                        nullToEmpty(rs.getString(4))))
                .list();
    }

    /** Contiguous runs of the ordered documents, at most {@link #maxSlice} each, several per worker. */
    private List<List<DocumentKey>> slices(List<DocumentKey> documents) {
        int wanted = threads * SLICES_PER_THREAD;
        int size = Math.max(1, Math.min(maxSlice, (documents.size() + wanted - 1) / wanted));
        List<List<DocumentKey>> slices = new ArrayList<>();
        for (int from = 0; from < documents.size(); from += size) {
            slices.add(documents.subList(from, Math.min(documents.size(), from + size)));
        }
        return slices;
    }

    private SlicedFile submitSlices(ExportRun run, PerDocumentFile file, Where where, List<List<DocumentKey>> slices)
            throws IOException {
        Path temp = run.tempFile(file.name());
        List<Path> parts = new ArrayList<>();
        List<Future<Long>> rows = new ArrayList<>();
        for (List<DocumentKey> slice : slices) {
            Path part = run.partFile(file.name(), parts.size());
            parts.add(part);
            rows.add(run.submit(() -> writeSlice(file, where, slice, part, run)));
        }
        return new SlicedFile(file, temp, parts, rows, run.bom());
    }

    /** One slice on one connection: the statement is prepared once and run per document. */
    private long writeSlice(PerDocumentFile file, Where where, List<DocumentKey> slice, Path part, ExportRun run)
            throws IOException {
        String sql = file.select() + where.table() + " ORDER BY ordinal";
        try (CsvOut out = CsvOut.open(part, run, false)) {
            jdbcTemplate.execute((ConnectionCallback<Void>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (DocumentKey d : slice) {
                        run.checkNotCancelled();
                        List<Object> params = where.cellParams(d.documentId());
                        for (int i = 0; i < params.size(); i++) {
                            statement.setObject(i + 1, params.get(i));
                        }
                        try (ResultSet rs = statement.executeQuery()) {
                            while (rs.next()) {
                                out.print(file.row().map(d, rs));
                            }
                        }
                    }
                }
                return null;
            });
            return out.rows();
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String text(String value) {
        return value == null ? "" : SpreadsheetSafe.text(value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String intOrEmpty(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? "" : String.valueOf(value);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : CellValue.plain(value);
    }

    /** Turns one result row of a document into a CSV record. */
    private interface DocumentRowMapper {
        List<String> map(DocumentKey document, ResultSet rs) throws SQLException;
    }

    /** A file written document by document: one query per document, rows in ordinal order. */
    private record PerDocumentFile(String name, List<String> header, String select, DocumentRowMapper row) {
    }

    /** A per-document file being written as parts: its temp target, its parts in order and their row counts. */
    private record SlicedFile(PerDocumentFile file, Path temp, List<Path> parts, List<Future<Long>> rows,
                              boolean bom) {

        /** Header, then the parts in order, into the temp target; each part is deleted once copied. */
        long assemble() throws IOException {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                StringBuilder header = new StringBuilder(bom ? "\uFEFF" : "");
                CSV.printRecord(header, file.header().toArray());
                ByteBuffer bytes = ByteBuffer.wrap(header.toString().getBytes(StandardCharsets.UTF_8));
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

    /** A CSV file being written by one task, counting its records. */
    private static final class CsvOut implements Closeable {
        private final CSVPrinter printer;
        private final ExportRun run;
        private long rows;

        private CsvOut(CSVPrinter printer, ExportRun run) {
            this.printer = printer;
            this.run = run;
        }

        static CsvOut open(Path file, ExportRun run, boolean bom) throws IOException {
            // NOFOLLOW_LINKS: part names are predictable, so never write through a link planted at one.
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), StandardCharsets.UTF_8), 1 << 16);
            if (bom) {
                writer.write('\uFEFF');
            }
            return new CsvOut(new CSVPrinter(writer, CSV), run);
        }

        void header(List<String> header) throws IOException {
            printer.printRecord(header);
        }

        /** Unchecked, as it is called from JDBC callbacks; {@link ExportRun#awaitAll} unwraps it. */
        void print(List<String> row) {
            run.checkNotCancelled();
            try {
                printer.printRecord(row);
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }

    /**
     * The workers and scratch files of one export. Closing it stops the workers, waits for them and
     * deletes every temp and part file left (after a success only parts of an empty export, if any).
     *
     * <p>Workers are cancelled through a flag they check per document and per row, never by
     * {@link Thread#interrupt()}: an interrupt during H2's file I/O closes its FileChannel and with it
     * the embedded database for every connection (h2database issues 227, 1076).
     */
    private static final class ExportRun implements Closeable {
        private final Path folder;
        private final ExecutorService pool;
        private final CompletionService<Long> completion;
        private final List<Future<Long>> tasks = new ArrayList<>();
        private final List<Path> scratch = new ArrayList<>();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final boolean bom;

        ExportRun(Path folder, int threads, boolean bom) {
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
    }

    /** SQL conditions of a filter, always with bind parameters. */
    private record Where(ExportFilter filter) {
        static Where of(ExportFilter filter) {
            return new Where(filter == null ? ExportFilter.ALL : filter);
        }

        String documents() {
            List<String> conditions = new ArrayList<>();
            if (filter.year() != null) {
                conditions.add("d.report_year = ?");
            }
            if (filter.agency() != null) {
                conditions.add("d.agency LIKE ?");
            }
            if (filter.region() != null) {
                // a place name or code: the agency's own name, or where it was placed (3208, 淮安, 江苏省)
                conditions.add("(d.agency LIKE ? OR d.region_code LIKE ? OR d.province LIKE ? OR d.prefecture LIKE ?"
                        + " OR d.county LIKE ?)");
            }
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        String table() {
            return filter.table() == null ? "" : " AND table_code = ?";
        }

        List<Object> documentParams() {
            List<Object> params = new ArrayList<>();
            if (filter.year() != null) {
                params.add(filter.year());
            }
            if (filter.agency() != null) {
                params.add("%" + filter.agency() + "%");
            }
            if (filter.region() != null) {
                for (int i = 0; i < 5; i++) {
                    params.add(filter.region() + "%");
                }
            }
            return params;
        }

        List<Object> cellParams(String documentId) {
            return filter.table() == null ? List.of(documentId) : List.of(documentId, filter.table());
        }
    }
}
