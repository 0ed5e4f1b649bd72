package org.disclosureetl.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.disclosureetl.series.Ambiguity;
import org.disclosureetl.series.CellKey;
import org.disclosureetl.series.SeriesDocument;
import org.disclosureetl.series.SeriesLinker;
import org.disclosureetl.series.SeriesRule;
import org.disclosureetl.store.CorrectionRepository;
import org.disclosureetl.store.SeriesRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The link step: links every stored extracted document into its agency's series (series/SeriesLinker), not only
 * this run's, and stores what changed since the last link (duplicate_of, the series issues) in the step's
 * transaction. Idempotent: a link over the same documents finds the same links and writes nothing; a failed step
 * rolls back and its restart links again from the start.
 *
 * <p>First it puts the analyst's answers to agency, year and format questions back in the rows of documents a
 * reprocess wrote from their text again (store/CorrectionRepository#applyDocumentAnswers), so a document whose
 * agency or year was answered is linked by the answer. apply-corrections links the same way ({@link #link()}) after
 * storing such answers.
 */
public class SeriesLinkTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger("progress");

    /** Every cell of the last few documents asked for (a copy is compared with each of its duplicates). */
    private static final int CELL_MEMO = 8;

    private final SeriesRepository series;
    private final CorrectionRepository corrections;

    public SeriesLinkTasklet(SeriesRepository series, CorrectionRepository corrections) {
        this.series = series;
        this.corrections = corrections;
    }

    /**
     * What a link did.
     *
     * @param answered the documents whose rows the analyst's answers changed (after a reprocess)
     * @param inSeries the documents in series (0 when nothing changed since the last link, which was skipped)
     * @param changed  the documents whose links changed
     */
    public record Summary(int answered, int inSeries, int changed) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Summary summary = link();
        contribution.incrementWriteCount(summary.answered() + summary.changed());
        return RepeatStatus.FINISHED;
    }

    /** Whether links as stored settled a cell (which must be emptied again before the new ones are stored). */
    private static boolean settledAny(SeriesRepository.StoredLink stored) {
        return stored != null && stored.issues().stream()
                .anyMatch(issue -> SeriesRule.SETTLED_BY_SERIES.code().equals(issue.rule()));
    }

    /** Applies the answers to document questions and links the series, in the caller's transaction. */
    public Summary link() {
        long started = System.nanoTime();
        int answered = corrections.applyDocumentAnswers();
        if (answered > 0) {
            log.info("link: the analyst's agency, year or format answers put back in {} documents", answered);
        }
        if (series.linkedAt(series.fingerprint())) {
            log.info("link: no document changed since the last link");
            return new Summary(answered, 0, 0);
        }
        List<SeriesDocument> documents = series.seriesDocuments();
        // the checked cells and the ambiguous ones of every document in one pass each; every cell of a document
        // only for duplicates and their copies, a few
        Map<String, Map<CellKey, BigDecimal>> checked = series.checkedCells();
        Map<String, Map<CellKey, Ambiguity>> ambiguous = series.allAmbiguous();
        long read = System.nanoTime();
        Map<String, Map<CellKey, BigDecimal>> memo = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<CellKey, BigDecimal>> eldest) {
                return size() > CELL_MEMO;
            }
        };
        Map<String, SeriesLinker.Link> links = SeriesLinker.link(documents, new SeriesLinker.CellSource() {
            @Override
            public Map<CellKey, BigDecimal> cells(String documentId, boolean all) {
                return all ? memo.computeIfAbsent(documentId, id -> series.cells(id, true))
                        : checked.getOrDefault(documentId, Map.of());
            }

            @Override
            public Map<CellKey, Ambiguity> ambiguous(String documentId) {
                return ambiguous.getOrDefault(documentId, Map.of());
            }
        });
        long linked = System.nanoTime();
        Map<String, SeriesRepository.StoredLink> stored = series.storedLinks();
        List<SeriesRepository.Change> changes = new ArrayList<>();
        for (Map.Entry<String, SeriesLinker.Link> link : links.entrySet()) {
            SeriesRepository.StoredLink before = stored.get(link.getKey());
            if (!SeriesRepository.asStored(link.getValue()).equals(before)) {
                changes.add(new SeriesRepository.Change(link.getKey(), link.getValue(), settledAny(before)));
            }
        }
        for (Map.Entry<String, SeriesRepository.StoredLink> gone : stored.entrySet()) {
            if (!links.containsKey(gone.getKey())) {
                changes.add(new SeriesRepository.Change(gone.getKey(), null, settledAny(gone.getValue())));
            }
        }
        series.replaceAll(changes);
        int changed = changes.size();
        series.linked(series.fingerprint());
        long end = System.nanoTime();
        log.info("link: {} documents in series, {} linked, {} changed ({} ms: read {}, link {}, store {})",
                documents.size(), links.size(), changed, (end - started) / 1_000_000, (read - started) / 1_000_000,
                (linked - read) / 1_000_000, (end - linked) / 1_000_000);
        return new Summary(answered, documents.size(), changed);
    }
}
