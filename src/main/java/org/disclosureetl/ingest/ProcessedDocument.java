package org.disclosureetl.ingest;

import java.util.List;

import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.region.Placement;
import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.store.StoredDocument;

/**
 * A document after the processor chain: either its extraction with all findings and where its agency
 * sits (null when it names none), or why it failed, or (a crawler export) the documents of its records.
 * The writer logs the failure in the chunk's transaction.
 *
 * @param records for a crawler export that was split, each record's own result, in the file's order; else empty
 * @param contentType a split export's media type (its records' results have their own); else null
 * @param ocrPages the pages read by OCR as page ranges ({@code 1-3,5}); null when none was
 */
public record ProcessedDocument(StoredDocument document, Extraction extraction, List<Finding> findings,
                                Placement region, ErrorType errorType, String failureMessage,
                                List<ProcessedDocument> records, String contentType, String ocrPages) {

    public ProcessedDocument {
        findings = List.copyOf(findings);
        records = List.copyOf(records);
    }

    static ProcessedDocument extracted(StoredDocument document, Extraction extraction, List<Finding> findings,
                                       Placement region) {
        return new ProcessedDocument(document, extraction, findings, region, null, null, List.of(), null, null);
    }

    /** This result with the pages its parse read by OCR. */
    ProcessedDocument withOcrPages(String pages) {
        return new ProcessedDocument(document, extraction, findings, region, errorType, failureMessage, records,
                contentType, pages);
    }

    static ProcessedDocument failed(StoredDocument document, ErrorType errorType, String message) {
        return new ProcessedDocument(document, null, List.of(), null, errorType, message, List.of(), null, null);
    }

    /** A crawler export read as {@code contentType}, and what became of each of its records. */
    static ProcessedDocument split(StoredDocument document, String contentType, List<ProcessedDocument> records) {
        return new ProcessedDocument(document, null, List.of(), null, null, null, records, contentType, null);
    }

    boolean isFailed() {
        return errorType != null;
    }

    /** A crawler export's own document: its records are stored as documents of their own. */
    boolean isSplit() {
        return contentType != null;
    }

    /** This attempt's number: attempts are counted when the chunk commits. */
    int attempt() {
        return document.attempts() + 1;
    }
}
