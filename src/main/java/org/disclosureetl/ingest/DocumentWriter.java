package org.disclosureetl.ingest;

import org.disclosureetl.store.DocumentRepository;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes a chunk of processed documents in the chunk's transaction: each document's rows are replaced whole. */
class DocumentWriter implements ItemWriter<ProcessedDocument> {

    private final DocumentRepository documents;
    private final long runId;
    private final StageTimings timings;

    DocumentWriter(DocumentRepository documents, long runId, StageTimings timings) {
        this.documents = documents;
        this.runId = runId;
        this.timings = timings;
    }

    @Override
    public void write(Chunk<? extends ProcessedDocument> chunk) {
        long start = System.nanoTime();
        for (ProcessedDocument processed : chunk) {
            String id = processed.document().documentId();
            if (processed.isFailed()) {
                documents.markFailed(id, runId);
            } else {
                documents.saveExtraction(id, processed.extraction(), processed.findings(), runId);
            }
        }
        timings.addWrite(System.nanoTime() - start);
    }
}
