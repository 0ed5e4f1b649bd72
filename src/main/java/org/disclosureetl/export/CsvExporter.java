package org.disclosureetl.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.codebook.Codebook;
import org.disclosureetl.extract.TemplateCatalog;
import org.disclosureetl.store.ExportQueries.DocumentKey;
import org.disclosureetl.store.ExportQueries;
import org.disclosureetl.store.ReportingQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The export stage: writes the four CSV files of the output contract (docs/OUTPUT.md "CSV files") from the database
 * ({@link ExportQueries}, rows rendered by {@link CsvRows}). Each file is written to a temporary file
 * beside it and then renamed, so a reader never sees a half-written file and a failed export leaves
 * the previous one intact. Rows come in a fixed order so the same database always gives the same bytes.
 *
 * <p>The work is spread over {@code etl.threads} workers ({@link ExportWorkers}). documents.csv and
 * failures.csv are one task each. The cell and issue files are cut into contiguous slices of the
 * ordered document list; each slice is written by one worker to its own hidden part file, and the
 * parts are then concatenated in order after the header, so the bytes are the same whatever the
 * thread count. A document's rows are taken from its {@link FragmentCache fragment} when an earlier
 * export rendered them, so the cost of an export follows what changed, not the database.
 */
@Component
public class CsvExporter {

    public static final List<String> FILES = List.of(CsvRows.DOCUMENTS, CsvRows.OBSERVATIONS, CsvRows.ISSUES,
            CsvRows.FAILURES, PanelFile.FILE);

    /** Most documents in one slice: a few hundred keeps per-part overhead (a file, a statement) negligible. */
    static final int MAX_SLICE = 250;

    /**
     * Slices per worker and file when the export is small enough that slices come out below
     * {@link #MAX_SLICE}: several per worker, so a slow slice at the end does not leave a core idle.
     */
    private static final int SLICES_PER_THREAD = 4;

    private final ExportQueries queries;
    private final Codebook codebook;
    private final int threads;
    private final int maxSlice;
    private final boolean useFragments;
    private final PerDocumentFile<ExportQueries.CellLine> observations;
    private final PerDocumentFile<ExportQueries.IssueLine> issues;

    /**
     * Connections: each worker holds at most one pooled connection at a time (a slice keeps one for its
     * statement), and the calling thread may hold one more (the export step's transaction); the pool is
     * sized for that (store/ConnectionPoolSizing).
     */
    @Autowired
    public CsvExporter(ExportQueries queries, EtlProperties properties, Codebook codebook) {
        this(queries, codebook, properties.effectiveThreads(), MAX_SLICE, true);
    }

    /** With a given number of workers and slice size, every row read from the database (tests use tiny slices). */
    CsvExporter(JdbcTemplate jdbcTemplate, int threads, int maxSlice) {
        this(new ExportQueries(jdbcTemplate, new TemplateCatalog()), new Codebook(), threads, maxSlice, false);
    }

    CsvExporter(ExportQueries queries, Codebook codebook, int threads, int maxSlice, boolean useFragments) {
        if (threads < 1 || maxSlice < 1) {
            throw new IllegalArgumentException("threads and slice size must be positive");
        }
        this.queries = queries;
        this.codebook = codebook;
        this.threads = threads;
        this.maxSlice = maxSlice;
        this.useFragments = useFragments;
        this.observations = new PerDocumentFile<>(CsvRows.OBSERVATIONS, OutputSchema.OBSERVATIONS,
                DocumentKey::cells, queries::withCells, CsvRows::cell, FragmentCache::ofCells);
        this.issues = new PerDocumentFile<>(CsvRows.ISSUES, OutputSchema.ISSUES, DocumentKey::issues,
                queries::withIssues, CsvRows::issue, FragmentCache::withSeries);
    }

    /** Rows written per file. */
    public record ExportResult(Path folder, Map<String, Long> rows) {
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
        ExportFilter f = filter == null ? ExportFilter.ALL : filter;
        ReportingQueries.Selection selection = new ReportingQueries.Selection(f.year(), f.agency(), f.region(), f.table());
        // a table filter changes a document's rows; the other filters only choose documents
        FragmentCache cache = useFragments && f.table() == null ? FragmentCache.in(folder) : null;
        try (ExportWorkers run = new ExportWorkers(folder, threads, bom)) {
            // Single-task files first, so they overlap with the document list query and the slices.
            Path documentsTemp = run.tempFile(CsvRows.DOCUMENTS);
            Future<Long> documents = run.submit(() -> writeDocuments(documentsTemp, selection, run));
            Path failuresTemp = run.tempFile(CsvRows.FAILURES);
            Future<Long> failures = run.submit(() -> writeFailures(failuresTemp, run));
            PanelFile panelFile = new PanelFile(codebook, f.table());
            Path panelTemp = run.tempFile(PanelFile.FILE);
            Future<Long> panel = run.submit(() -> writePanel(panelTemp, selection, panelFile, f.table(), run, cache,
                    f.equals(ExportFilter.ALL)));

            List<List<DocumentKey>> slices = slices(queries.documentKeys(selection));
            ExportWorkers.SlicedFile cells = submitSlices(run, observations, f.table(), slices, cache);
            ExportWorkers.SlicedFile findings = submitSlices(run, issues, f.table(), slices, cache);
            run.awaitAll();

            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put(CsvRows.DOCUMENTS, ExportWorkers.finished(documents));
            rows.put(CsvRows.OBSERVATIONS, cells.assemble());
            rows.put(CsvRows.ISSUES, findings.assemble());
            rows.put(CsvRows.FAILURES, ExportWorkers.finished(failures));
            rows.put(PanelFile.FILE, ExportWorkers.finished(panel));
            // Only now that every file is complete is any previous one replaced.
            OutputFiles.moveIntoPlace(documentsTemp, folder.resolve(CsvRows.DOCUMENTS));
            OutputFiles.moveIntoPlace(cells.temp(), folder.resolve(CsvRows.OBSERVATIONS));
            OutputFiles.moveIntoPlace(findings.temp(), folder.resolve(CsvRows.ISSUES));
            OutputFiles.moveIntoPlace(failuresTemp, folder.resolve(CsvRows.FAILURES));
            OutputFiles.moveIntoPlace(panelTemp, folder.resolve(PanelFile.FILE));
            if (cache != null && f.equals(ExportFilter.ALL)) {
                for (PerDocumentFile<?> file : List.of(observations, issues)) {
                    cache.keepOnly(file.name(), fragmentNames(file, slices));
                }
                cache.deleteOtherVersions();
            }
            return new ExportResult(folder, rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        }
    }

    /**
     * An export killed midway (kill -9, power loss) cannot clean up after itself: its scratch files are
     * removed by the next export to the folder (only one process can hold the database at a time).
     */
    private static void removeStrayScratchFiles(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                entry -> OutputFiles.SCRATCH.matcher(entry.getFileName().toString()).matches()
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS))) {
            for (Path stray : entries) {
                Files.deleteIfExists(stray);
            }
        }
    }

    private long writeDocuments(Path temp, ReportingQueries.Selection selection, ExportWorkers run) throws IOException {
        try (ExportWorkers.CsvOut out = ExportWorkers.CsvOut.open(temp, run, run.bom())) {
            out.header(OutputSchema.DOCUMENTS);
            Map<String, List<String>> paths = queries.pathsByContent();
            queries.forEachDocument(selection, d -> out.print(CsvRows.document(d, paths.get(d.sha256()))));
            return out.rows();
        }
    }

    private long writeFailures(Path temp, ExportWorkers run) throws IOException {
        try (ExportWorkers.CsvOut out = ExportWorkers.CsvOut.open(temp, run, run.bom())) {
            out.header(OutputSchema.FAILURES);
            queries.forEachFailureByFile(failure -> out.print(CsvRows.failure(failure)));
            return out.rows();
        }
    }

    /**
     * panel.csv: the series' copy of each agency and year, one row each. A document's row is taken from its fragment
     * (named by document, processed run and series revision, as its cells) when an earlier export rendered it, else rendered from its
     * cells on the one connection this task holds.
     */
    private long writePanel(Path temp, ReportingQueries.Selection selection, PanelFile panel, String table,
                            ExportWorkers run, FragmentCache cache, boolean everyDocument) throws IOException {
        List<ExportQueries.PanelDocument> documents = queries.panelDocuments(selection);
        String folder = panel.fragmentFolder();
        Set<String> used = new HashSet<>();
        try (ExportWorkers.CsvOut out = ExportWorkers.CsvOut.open(temp, run, run.bom())) {
            out.header(panel.header());
            queries.withCells(table, rows -> {
                for (ExportQueries.PanelDocument d : documents) {
                    run.checkNotCancelled();
                    String name = FragmentCache.ofCells(d.documentId(), d.processedRun(), d.cellsRevision(),
                            d.correctionsRevision());
                    byte[] bytes = cache == null || name == null ? null : cache.read(folder, name);
                    if (bytes == null) {
                        BigDecimal[] values = new BigDecimal[panel.width()];
                        rows.forEach(d.documentId(), cell -> {
                            Integer column = panel.column(cell.tableCode(), cell.rowCode(), cell.columnCode());
                            if (column != null) {
                                values[column] = cell.value();
                            }
                        });
                        Fragment fragment = new Fragment();
                        fragment.add(panel.record(d, values));
                        bytes = fragment.bytes();
                        if (cache != null && name != null) {
                            cache.write(folder, name, bytes);
                        }
                    }
                    if (name != null) {
                        used.add(name);
                    }
                    out.append(bytes, 1);
                }
                return 0L;
            });
            if (cache != null && everyDocument) {
                cache.keepOnly(folder, used);
            }
            return out.rows();
        }
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

    private <T> ExportWorkers.SlicedFile submitSlices(ExportWorkers run, PerDocumentFile<T> file, String table,
                                                      List<List<DocumentKey>> slices, FragmentCache cache)
            throws IOException {
        Path temp = run.tempFile(file.name());
        List<Path> parts = new ArrayList<>();
        List<Future<Long>> rows = new ArrayList<>();
        for (List<DocumentKey> slice : slices) {
            Path part = run.partFile(file.name(), parts.size());
            parts.add(part);
            rows.add(run.submit(() -> cache == null ? writeSlice(file, table, slice, part, run)
                    : writeSliceFromFragments(file, slice, part, run, cache)));
        }
        return new ExportWorkers.SlicedFile(file.name(), file.header(), temp, parts, rows, run.bom());
    }

    /** One slice on one connection: the statement is prepared once and run per document. */
    private <T> long writeSlice(PerDocumentFile<T> file, String table, List<DocumentKey> slice, Path part,
                                ExportWorkers run) throws IOException {
        try (ExportWorkers.CsvOut out = ExportWorkers.CsvOut.open(part, run, false)) {
            file.reader().with(table, rows -> {
                for (DocumentKey d : slice) {
                    run.checkNotCancelled();
                    rows.forEach(d.documentId(), line -> out.print(file.row().apply(d, line)));
                }
                return 0L;
            });
            return out.rows();
        }
    }

    /**
     * One slice from the documents' fragments; the documents without one (processed since the last
     * export) are rendered from the database, on one connection taken only when there are any.
     */
    private <T> long writeSliceFromFragments(PerDocumentFile<T> file, List<DocumentKey> slice, Path part,
                                             ExportWorkers run, FragmentCache cache) throws IOException {
        List<byte[]> cached = new ArrayList<>(slice.size());
        boolean complete = true;
        for (DocumentKey d : slice) {
            run.checkNotCancelled();
            String name = file.fragment().apply(d);
            byte[] bytes = file.count().applyAsInt(d) == 0 ? EMPTY : name == null ? null : cache.read(file.name(), name);
            cached.add(bytes);
            complete &= bytes != null;
        }
        try (ExportWorkers.CsvOut out = ExportWorkers.CsvOut.open(part, run, false)) {
            ExportQueries.RowsWork<T> work = rows -> {
                for (int i = 0; i < slice.size(); i++) {
                    DocumentKey d = slice.get(i);
                    byte[] bytes = cached.get(i);
                    long count = file.count().applyAsInt(d);
                    if (bytes == null) {
                        Fragment fragment = new Fragment();
                        rows.forEach(d.documentId(), line -> {
                            run.checkNotCancelled();
                            fragment.add(file.row().apply(d, line));
                        });
                        bytes = fragment.bytes();
                        count = fragment.rows;
                        String name = file.fragment().apply(d);
                        if (name != null) {
                            cache.write(file.name(), name, bytes);
                        }
                    }
                    out.append(bytes, count);
                }
                return 0L;
            };
            if (complete) {
                work.run(null);
            } else {
                file.reader().with(null, work);
            }
            return out.rows();
        }
    }

    private static final byte[] EMPTY = new byte[0];

    /** One document's rows of a per-document file, rendered as the export writes them. */
    private static final class Fragment {
        private final StringBuilder text = new StringBuilder();
        private long rows;

        void add(List<String> record) {
            try {
                CsvRows.CSV.printRecord(text, record.toArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringBuilder does not fail
            }
            rows++;
        }

        byte[] bytes() {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * A document its run has just stored, with its rows as the database now holds them
     * (store/DocumentRepository#storedCells), for {@link #keepFragments}.
     */
    public record StoredRows(DocumentKey document, List<ExportQueries.CellLine> cells,
                             List<ExportQueries.IssueLine> issues) {
    }

    /**
     * Renders the rows of documents whose results were just committed into the fragments of the export to
     * {@code folder}, named as the export names them (document and processed run). The run's export then copies
     * them instead of reading four million cells back from the database at 20,000 documents (bench/README.md);
     * a fragment that is missing (the process died between the commit and this) is rendered by the export.
     */
    public void keepFragments(Path folder, List<StoredRows> documents) throws IOException {
        if (!useFragments || documents.isEmpty()) {
            return;
        }
        FragmentCache cache = FragmentCache.in(folder);
        for (StoredRows stored : documents) {
            keep(cache, observations, stored.document(), stored.cells());
            keep(cache, issues, stored.document(), stored.issues());
        }
    }

    private static <T> void keep(FragmentCache cache, PerDocumentFile<T> file, DocumentKey document, List<T> lines)
            throws IOException {
        String name = file.fragment().apply(document);
        if (name == null || lines.isEmpty()) {
            return; // the export writes nothing for a document without rows in the file
        }
        Fragment fragment = new Fragment();
        lines.forEach(line -> fragment.add(file.row().apply(document, line)));
        cache.write(file.name(), name, fragment.bytes());
    }

    /** The fragments an export of every document used (those of documents with rows). */
    private static Set<String> fragmentNames(PerDocumentFile<?> file, List<List<DocumentKey>> slices) {
        Set<String> names = new HashSet<>();
        for (List<DocumentKey> slice : slices) {
            for (DocumentKey d : slice) {
                String name = file.fragment().apply(d);
                if (name != null && file.count().applyAsInt(d) > 0) {
                    names.add(name);
                }
            }
        }
        return names;
    }


    /** Reads the rows of documents of a table (null: all) on one connection. */
    private interface RowsReader<T> {
        long with(String table, ExportQueries.RowsWork<T> work) throws IOException;
    }

    /**
     * A file written document by document: its name and header, how many rows a document has in it,
     * where they are read, how each becomes a record and what names a document's rows in the fragment cache.
     */
    private record PerDocumentFile<T>(String name, List<String> header, ToIntFunction<DocumentKey> count,
                                      RowsReader<T> reader, BiFunction<DocumentKey, T, List<String>> row,
                                      Function<DocumentKey, String> fragment) {
    }
}
