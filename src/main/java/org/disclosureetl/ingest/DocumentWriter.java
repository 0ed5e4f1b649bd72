package org.disclosureetl.ingest;

import java.util.ArrayList;
import java.util.List;

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
        List<DocumentRepository.Outcome> outcomes = new ArrayList<>(chunk.size());
        for (ProcessedDocument processed : chunk) {
            outcomes.add(new DocumentRepository.Outcome(processed.document().documentId(),
                    processed.isFailed() ? null : processed.extraction(), processed.findings()));
        }
        documents.saveAll(outcomes, runId);
        timings.addWrite(System.nanoTime() - start);
    }
}
