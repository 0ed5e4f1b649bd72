package org.disclosureetl.ingest;

import java.util.List;

import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.region.Placement;
import org.disclosureetl.store.ErrorType;
import org.disclosureetl.store.StoredDocument;

/**
 * A document after the processor chain: either its extraction with all findings and where its agency
 * sits (null when it names none), or why it failed. The writer logs the failure in the chunk's transaction.
 */
public record ProcessedDocument(StoredDocument document, Extraction extraction, List<Finding> findings,
                                Placement region, ErrorType errorType, String failureMessage) {

    static ProcessedDocument extracted(StoredDocument document, Extraction extraction, List<Finding> findings,
                                       Placement region) {
        return new ProcessedDocument(document, extraction, List.copyOf(findings), region, null, null);
    }

    static ProcessedDocument failed(StoredDocument document, ErrorType errorType, String message) {
        return new ProcessedDocument(document, null, List.of(), null, errorType, message);
    }

    boolean isFailed() {
        return errorType != null;
    }

    /** This attempt's number: attempts are counted when the chunk commits. */
    int attempt() {
        return document.attempts() + 1;
    }
}
