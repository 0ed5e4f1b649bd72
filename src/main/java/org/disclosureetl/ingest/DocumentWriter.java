package org.disclosureetl.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.discover.InboxScanner;
import org.disclosureetl.export.CsvExporter;
import org.disclosureetl.extract.Extraction;
import org.disclosureetl.store.DatabaseFault;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.store.ExportQueries;
import org.disclosureetl.store.FailureLog;
import org.disclosureetl.vocabulary.FailureStep;
import org.disclosureetl.store.StoredDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a chunk of processed documents in the chunk's transaction: each document's rows are replaced
 * whole, and failed (and not-a-report) documents get their failure log entry in the same transaction,
 * so the entry commits exactly when the document's status does.
 *
 * <p>A document whose results the database refuses (a value too long, say) would roll back its whole
 * chunk on every restart. So the chunk is written under a savepoint; when it is refused, the
 * documents are written one by one and the one refused is stored as failed ({@code store_error}).
 *
 * <p>A crawler export that was split is written as its own document (status {@code split}) followed by its records,
 * each registered as a document of its own and stored like any other: one refused record fails alone.
 *
 * <p>Once the chunk has committed, the rows of its stored documents are rendered into the export's fragments
 * ({@link CsvExporter#keepFragments}), so that the export does not read them back from the database.
 */
class DocumentWriter implements ItemWriter<ProcessedDocument> {

    private static final Logger log = LoggerFactory.getLogger(DocumentWriter.class);
    static final String NOT_A_REPORT = "neither the title of an annual report nor any of its tables was found";

    private final DocumentRepository documents;
    private final FailureRecorder failures;
    private final Path outputFolder;
    private final long runId;
    private final TransactionTemplate savepoint;
    private final DatabaseFault databaseFault;
    private final CsvExporter exporter;

    DocumentWriter(DocumentRepository documents, FailureRecorder failures, Path outputFolder, long runId,
                   PlatformTransactionManager transactionManager, DatabaseFault databaseFault,
                   CsvExporter exporter) {
        this.exporter = exporter;
        this.databaseFault = databaseFault;
        this.documents = documents;
        this.failures = failures;
        this.outputFolder = outputFolder;
        this.runId = runId;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void write(Chunk<? extends ProcessedDocument> chunk) {
        try {
            writeChunk(chunk);
        } catch (RuntimeException e) {
            databaseFault.report(e);
            throw e;
        }
    }

    private void writeChunk(Chunk<? extends ProcessedDocument> chunk) {
        List<ProcessedDocument> items = flatten(chunk.getItems());
        List<ProcessedDocument> stored = new ArrayList<>(items.size());
        try {
            savepoint.executeWithoutResult(status -> store(items));
            stored.addAll(items);
        } catch (DataIntegrityViolationException refused) {
            for (ProcessedDocument item : items) {
                try {
                    savepoint.executeWithoutResult(status -> store(List.of(item)));
                    stored.add(item);
                } catch (DataIntegrityViolationException e) {
                    log.warn("{}: the database refused its results", item.document().sourceFile(), e);
                    String message = "the database refused the results: " + rootMessage(e);
                    store(List.of(ProcessedDocument.failed(item.document(), ErrorType.STORE_ERROR, message)));
                }
            }
        }
        renderAfterCommit(stored);
    }

    /** The chunk's documents, each split export followed by its records' documents. */
    private static List<ProcessedDocument> flatten(List<? extends ProcessedDocument> items) {
        List<ProcessedDocument> flat = new ArrayList<>(items.size());
        for (ProcessedDocument item : items) {
            flat.add(item);
            flat.addAll(item.records());
        }
        return flat;
    }

    /**
     * Renders the stored documents' rows for the export once the chunk's transaction has committed (never for
     * rows a rollback takes back). A failure to write them costs only speed: the export renders what is missing.
     */
    private void renderAfterCommit(List<ProcessedDocument> stored) {
        List<CsvExporter.StoredRows> rows = new ArrayList<>(stored.size());
        for (ProcessedDocument processed : stored) {
            if (!processed.isFailed() && !processed.isSplit()) {
                rows.add(storedRows(processed));
            }
        }
        if (rows.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    exporter.keepFragments(outputFolder, rows);
                } catch (IOException | RuntimeException e) {
                    log.warn("the export will read these documents' rows from the database: {}", e.toString());
                }
            }
        });
    }

    /** The document's rows as {@link DocumentRepository#saveAll} stored them, under the key the export reads. */
    private CsvExporter.StoredRows storedRows(ProcessedDocument processed) {
        Extraction e = processed.extraction();
        ExportQueries.DocumentKey key = new ExportQueries.DocumentKey(processed.document().documentId(),
                e.identity().reportYear(), e.identity().agency(), e.formatVersion(), runId, e.observations().size(),
                processed.findings().size(), null, null);
        return new CsvExporter.StoredRows(key, DocumentRepository.storedCells(e.observations()),
                DocumentRepository.storedIssues(processed.findings()));
    }

    private void store(List<? extends ProcessedDocument> items) {
        List<DocumentRepository.Outcome> outcomes = new ArrayList<>(items.size());
        List<FailureLog.FailureEntry> entries = new ArrayList<>();
        List<DocumentRepository.RecordRegistration> records = new ArrayList<>();
        List<DocumentRepository.Split> splits = new ArrayList<>();
        for (ProcessedDocument processed : items) {
            StoredDocument document = processed.document();
            if (processed.isSplit()) {
                splits.add(new DocumentRepository.Split(document.documentId(), processed.contentType()));
                continue;
            }
            if (document.sourceRecord() != null) {
                // the export's document is the one discover registered for the file's content
                records.add(new DocumentRepository.RecordRegistration(document.documentId(),
                        InboxScanner.documentId(document.sha256()), document.sha256(), document.sourceFile(),
                        document.sourceRecord()));
            }
            outcomes.add(new DocumentRepository.Outcome(processed.document().documentId(),
                    processed.isFailed() ? null : processed.extraction(), processed.findings(),
                    processed.isFailed() ? null : processed.region(), processed.isFailed() ? null : processed.ocrPages()));
            if (processed.isFailed()) {
                entries.add(entry(processed, processed.errorType(), processed.failureMessage()));
            } else if (processed.extraction().status() == DocumentStatus.NOT_A_REPORT) {
                entries.add(entry(processed, ErrorType.NOT_A_REPORT, NOT_A_REPORT));
            }
        }
        if (!records.isEmpty()) {
            documents.registerRecords(records, runId);
        }
        if (!splits.isEmpty()) {
            documents.markSplit(splits, runId);
        }
        documents.saveAll(outcomes, runId);
        failures.record(outputFolder, entries);
    }

    /** The failure log's entry; a record of a crawler export is named in the message, its file is the source file. */
    private FailureLog.FailureEntry entry(ProcessedDocument processed, ErrorType type, String message) {
        Integer record = processed.document().sourceRecord();
        return new FailureLog.FailureEntry(runId, processed.document().sourceFile(), processed.document().documentId(),
                processed.attempt(), FailureStep.EXTRACT, type, record == null ? message : "record " + record + ": " + message);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int sql = message.indexOf("; SQL statement:");
        return sql > 0 ? message.substring(0, sql) : message;
    }
}
