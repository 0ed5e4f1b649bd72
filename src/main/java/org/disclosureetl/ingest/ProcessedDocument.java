package org.disclosureetl.ingest;

import java.util.List;

import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.region.Placement;
import org.disclosureetl.store.StoredDocument;

/**
 * A document after the processor chain: either its extraction with all findings and where its agency
 * sits (null when it names none), or the reason it failed (already in the failure log).
 */
public record ProcessedDocument(StoredDocument document, Extraction extraction, List<Finding> findings,
                                Placement region, String failure) {

    static ProcessedDocument extracted(StoredDocument document, Extraction extraction, List<Finding> findings,
                                       Placement region) {
        return new ProcessedDocument(document, extraction, List.copyOf(findings), region, null);
    }

    static ProcessedDocument failed(StoredDocument document, String failure) {
        return new ProcessedDocument(document, null, List.of(), null, failure);
    }

    boolean isFailed() {
        return failure != null;
    }
}
