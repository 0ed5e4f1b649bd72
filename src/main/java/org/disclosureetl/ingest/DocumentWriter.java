package org.disclosureetl.ingest;

import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.RegionRepository;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes a chunk of processed documents in the chunk's transaction: each document's rows are replaced whole. */
class DocumentWriter implements ItemWriter<ProcessedDocument> {

    private final DocumentRepository documents;
    private final long runId;
    private final StageTimings timings;
    private final RegionRepository regions;

    DocumentWriter(DocumentRepository documents, long runId, StageTimings timings, RegionRepository regions) {
        this.documents = documents;
        this.regions = regions;
        this.runId = runId;
        this.timings = timings;
    }

    @Override
    public void write(Chunk<? extends ProcessedDocument> chunk) {
        long start = System.nanoTime();
        List<DocumentRepository.Outcome> outcomes = new ArrayList<>(chunk.size());
        List<RegionRepository.DocumentRegion> placed = new ArrayList<>(chunk.size());
        for (ProcessedDocument processed : chunk) {
            outcomes.add(new DocumentRepository.Outcome(processed.document().documentId(),
                    processed.isFailed() ? null : processed.extraction(), processed.findings()));
            placed.add(new RegionRepository.DocumentRegion(processed.document().documentId(), processed.region()));
        }
        documents.saveAll(outcomes, runId);
        regions.saveAll(placed);
        timings.addWrite(System.nanoTime() - start);
    }
}
