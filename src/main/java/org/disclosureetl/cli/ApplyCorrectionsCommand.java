package org.disclosureetl.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;

import org.disclosureetl.export.ReviewAnswers;
import org.disclosureetl.export.ReviewAnswers.Answer;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.Observation;
import org.disclosureetl.ingest.SeriesLinkTasklet;
import org.disclosureetl.region.DivisionList;
import org.disclosureetl.region.RegionPlacer;
import org.disclosureetl.store.CorrectionRepository;
import org.disclosureetl.store.CorrectionRepository.AnsweredDocument;
import org.disclosureetl.store.CorrectionRepository.Correction;
import org.disclosureetl.store.CorrectionRepository.DocumentAnswer;
import org.disclosureetl.store.RunLock;
import org.disclosureetl.store.SeriesRepository;
import org.disclosureetl.validate.ReportValidator;
import org.disclosureetl.vocabulary.QuestionKind;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code apply-corrections FILE}: stores the answers of a filled-in review sheet as corrections (who, when, note, the
 * document's hash). Each answer is checked like a value: a number, for a cell the document has; with the document's
 * other answers in place, an answer that breaks one of the table's accounting identities that held before is
 * rejected unless {@code --force}. An answer to a document's agency, report year or format question is checked by
 * {@link DocumentAnswerCheck}, stored, put in the document's row, and the series are linked again. A bad row is one
 * line on standard error and the good rows still apply; the exit code is 1 when any row was rejected.
 */
@Component
class ApplyCorrectionsCommand {

    static final String COMMAND = CommandSpec.APPLY_CORRECTIONS.word();

    private final CorrectionRepository corrections;
    private final ReportValidator validator;
    private final DocumentAnswerCheck documentChecks;
    private final SeriesLinkTasklet link;
    private final RunLock runLock;
    private final TransactionTemplate transactions;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    ApplyCorrectionsCommand(CorrectionRepository corrections, ReportValidator validator, DivisionList divisions,
                            RegionPlacer regions, SeriesRepository series, RunLock runLock,
                            PlatformTransactionManager transactionManager) {
        this.corrections = corrections;
        this.validator = validator;
        this.documentChecks = new DocumentAnswerCheck(divisions, regions, Year.now().getValue());
        this.link = new SeriesLinkTasklet(series, corrections);
        this.runLock = runLock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** An answer that passed the checks of its own row. */
    private record Valid(Answer answer, BigDecimal value) {
        String cell() {
            return answer.tableCode() + "/" + answer.rowCode() + "/" + answer.columnCode();
        }
    }

    int run(String file, ApplicationArguments args) throws SQLException {
        List<Answer> answers;
        try {
            answers = ReviewAnswers.read(Path.of(file));
        } catch (ReviewAnswers.UnreadableAnswers e) {
            err.println(COMMAND + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        String by = Optional.ofNullable(Options.option(args, "by")).orElse(System.getProperty("user.name", "unknown"));
        boolean force = args.containsOption("force");
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Rejections rejected = new Rejections(file);

        Map<String, List<Valid>> byDocument = new LinkedHashMap<>();
        Map<String, List<DocumentAnswerOfRow>> documentAnswers = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Answer a : answers) {
            QuestionKind kind = a.question().isEmpty() ? QuestionKind.CELL : QuestionKind.of(a.question());
            if (kind == null) {
                rejected.add(a, "unknown question '" + a.question() + "' (the review sheet's question column)");
            } else if (!kind.asksForCell()) {
                String problem = a.documentId().isEmpty() ? "no document_id"
                        : documentChecks.problem(kind, a.answer(), a.regionCode());
                Integer earlier = problem != null ? null
                        : seen.putIfAbsent(a.documentId() + "/" + kind.code(), a.row());
                if (problem != null) {
                    rejected.add(a, problem);
                } else if (earlier != null) {
                    rejected.add(a, "the document's " + kind.code() + " question was answered already in row "
                            + earlier);
                } else {
                    documentAnswers.computeIfAbsent(a.documentId(), k -> new ArrayList<>())
                            .add(new DocumentAnswerOfRow(a, new DocumentAnswer(kind, a.answer(),
                                    a.regionCode().isEmpty() ? null : a.regionCode(),
                                    a.answeredBy().isEmpty() ? by : a.answeredBy(),
                                    a.note().isEmpty() ? null : a.note())));
                }
            } else if (!a.regionCode().isEmpty()) {
                rejected.add(a, "region_code '" + a.regionCode() + "' belongs to an answer to an agency question,"
                        + " not to " + kind.code());
            } else if (a.documentId().isEmpty()) {
                rejected.add(a, "no document_id");
            } else if (a.tableCode().isEmpty() || a.rowCode().isEmpty() || a.columnCode().isEmpty()) {
                rejected.add(a, "no cell: table_code, row_code and column_code name the cell the answer is for");
            } else {
                BigDecimal value = number(a.answer());
                Integer earlier = seen.putIfAbsent(a.documentId() + "/" + a.tableCode() + "/" + a.rowCode() + "/"
                        + a.columnCode(), a.row());
                if (value == null) {
                    rejected.add(a, "answer '" + a.answer() + "' is not a number");
                } else if (earlier != null) {
                    rejected.add(a, "the cell was answered already in row " + earlier);
                } else {
                    byDocument.computeIfAbsent(a.documentId(), k -> new ArrayList<>()).add(new Valid(a, value));
                }
            }
        }

        Applied applied = perStoredDocument(byDocument, Valid::answer, rejected, (document, answersOfDocument) -> {
            List<Valid> accepted = check(document, answersOfDocument, force, rejected);
            if (!accepted.isEmpty()) {
                corrections.save(document, accepted.stream().map(v -> new Correction(v.answer().tableCode(),
                        v.answer().rowCode(), v.answer().columnCode(), v.value(),
                        v.answer().answeredBy().isEmpty() ? by : v.answer().answeredBy(),
                        v.answer().note().isEmpty() ? null : v.answer().note(), force)).toList(), now);
            }
            return accepted.size();
        });
        if (!documentAnswers.isEmpty()) {
            applyDocumentAnswers(documentAnswers, now, rejected);
        }
        out.println(COMMAND + ": " + applied.answers() + " correction" + (applied.answers() == 1 ? "" : "s")
                + " stored for " + applied.documents() + " document" + (applied.documents() == 1 ? "" : "s") + ", " + rejected.count() + " row"
                + (rejected.count() == 1 ? "" : "s") + " rejected; the next export (or ingest) writes them"
                + " with value_source corrected");
        return rejected.count() == 0 ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }

    /** How many answers were stored, for how many documents. */
    private record Applied(int answers, int documents) {
    }

    /** Stores the answers of one document the database has; returns how many it stored. */
    @FunctionalInterface
    private interface StoreAnswers<T> {
        int store(AnsweredDocument document, List<T> answers);
    }

    /**
     * Gives each document's answers to {@code store} when the database has the document, and rejects them (by their
     * rows) when it does not: what cell answers and document answers share.
     */
    private <T> Applied perStoredDocument(Map<String, List<T>> byDocument, Function<T, Answer> rowOf,
                                          Rejections rejected, StoreAnswers<T> store) {
        int answers = 0;
        int documents = 0;
        for (Map.Entry<String, List<T>> entry : byDocument.entrySet()) {
            Optional<AnsweredDocument> document = corrections.document(entry.getKey());
            if (document.isEmpty()) {
                entry.getValue().forEach(a -> rejected.add(rowOf.apply(a), "document " + entry.getKey()
                        + " is not in the database"));
                continue;
            }
            int stored = store.store(document.get(), entry.getValue());
            if (stored > 0) {
                answers += stored;
                documents++;
            }
        }
        return new Applied(answers, documents);
    }

    /** An answer to a document question that passed the checks of its own row. */
    private record DocumentAnswerOfRow(Answer row, DocumentAnswer answer) {
    }

    /**
     * Stores the answers to document questions of the documents the database has, puts them in the documents' rows,
     * and links the series again under the run lock (as the ingest job's link step does), so the export that
     * follows places a document whose agency or year was answered in its series.
     */
    private void applyDocumentAnswers(Map<String, List<DocumentAnswerOfRow>> byDocument, LocalDateTime now,
                                      Rejections rejected) throws SQLException {
        Applied stored = perStoredDocument(byDocument, DocumentAnswerOfRow::row, rejected, (document, answers) -> {
            corrections.saveDocumentAnswers(document, answers.stream().map(DocumentAnswerOfRow::answer).toList(), now);
            return answers.size();
        });
        if (stored.answers() == 0) {
            return;
        }
        runLock.acquire();
        SeriesLinkTasklet.Summary linked = transactions.execute(status -> link.link());
        int documents = stored.documents();
        out.println(COMMAND + ": " + stored.answers() + " document answer" + (stored.answers() == 1 ? "" : "s")
                + " (agency, report_year, format_version) stored for " + documents + " document"
                + (documents == 1 ? "" : "s") + " and put in " + (documents == 1 ? "its row" : "their rows") + "; series linked again: "
                + linked.inSeries() + " documents in series, " + linked.changed() + " links changed");
    }

    /**
     * The answers of one document that name a cell it has and break no identity that held without them (with
     * {@code force}, those too, each break reported).
     */
    private List<Valid> check(AnsweredDocument document, List<Valid> answers, boolean force, Rejections rejected) {
        List<Observation> cells = corrections.cells(document.documentId());
        Set<String> codes = new HashSet<>();
        cells.forEach(c -> codes.add(c.tableCode() + "/" + c.rowCode() + "/" + c.columnCode()));
        List<Valid> candidates = new ArrayList<>();
        for (Valid v : answers) {
            if (codes.contains(v.cell())) {
                candidates.add(v);
            } else {
                rejected.add(v.answer(), "document " + document.documentId() + " has no cell " + v.cell()
                        + " (unknown code)");
            }
        }
        if (candidates.isEmpty() || document.formatVersion() == null) {
            return candidates;
        }
        Set<String> before = breaks(validator.validate(document.formatVersion(), cells));
        // drop the answers that cause a new break until none is left (each round removes at least one answer)
        while (true) {
            List<Finding> broken = newBreaks(document, cells, candidates, before);
            List<Valid> near = candidates.stream().filter(v -> broken.stream().anyMatch(f -> involves(f, v)))
                    .toList();
            // the answers without which a break they read goes away; when none alone does, all that it reads
            List<Valid> culprits = new ArrayList<>();
            for (Valid v : near) {
                List<Valid> others = candidates.stream().filter(o -> o != v).toList();
                Set<String> still = breaks(newBreaks(document, cells, others, before));
                if (broken.stream().anyMatch(f -> involves(f, v) && !still.contains(key(f)))) {
                    culprits.add(v);
                }
            }
            List<Valid> involved = culprits.isEmpty() ? near : culprits;
            if (broken.isEmpty() || involved.isEmpty() || force) {
                if (force) {
                    for (Valid v : involved) {
                        Finding f = broken.stream().filter(b -> involves(b, v)).findFirst().orElseThrow();
                        err.println(COMMAND + ": " + rejected.file() + " row " + v.answer().row() + ": " + v.cell()
                                + " = " + v.answer().answer() + " breaks " + f.rule() + " (" + f.message()
                                + "); stored anyway (--force)");
                    }
                }
                return candidates;
            }
            for (Valid v : involved) {
                Finding f = broken.stream().filter(b -> involves(b, v)).findFirst().orElseThrow();
                rejected.add(v.answer(), v.cell() + " = " + v.answer().answer() + " breaks " + f.rule() + " ("
                        + f.message() + "); not stored (--force stores it)");
            }
            candidates = candidates.stream().filter(v -> !involved.contains(v)).toList();
        }
    }

    /** The identity breaks of the document with these answers in place that it does not have without them. */
    private List<Finding> newBreaks(AnsweredDocument document, List<Observation> cells, List<Valid> answers,
                                    Set<String> before) {
        List<Finding> broken = new ArrayList<>();
        for (Finding f : validator.validate(document.formatVersion(), substitute(cells, answers))) {
            if (!before.contains(key(f))) {
                broken.add(f);
            }
        }
        return broken;
    }

    private static List<Observation> substitute(List<Observation> cells, List<Valid> answers) {
        Map<String, BigDecimal> values = new HashMap<>();
        answers.forEach(v -> values.put(v.cell(), v.value()));
        return cells.stream().map(c -> {
            BigDecimal value = values.get(c.tableCode() + "/" + c.rowCode() + "/" + c.columnCode());
            return value == null ? c : Observation.of(c.tableCode(), c.rowCode(), c.columnCode()).value(value)
                    .raw(c.rawValue()).ordinal(c.ordinal()).build();
        }).toList();
    }

    /** An identity break reads the answered cell: same table, and its row (a row's rule) or column (a column's). */
    private static boolean involves(Finding f, Valid v) {
        Answer a = v.answer();
        return a.tableCode().equals(f.tableCode()) && (f.rowCode() == null || f.rowCode().equals(a.rowCode()))
                && (f.columnCode() == null || f.columnCode().equals(a.columnCode()));
    }

    private static Set<String> breaks(List<Finding> findings) {
        Set<String> keys = new HashSet<>();
        findings.forEach(f -> keys.add(key(f)));
        return keys;
    }

    private static String key(Finding f) {
        return f.rule() + "/" + f.tableCode() + "/" + f.rowCode() + "/" + f.columnCode();
    }

    /** A plain decimal number (thousands separators allowed), or null. */
    static BigDecimal number(String text) {
        String plain = text.strip().replace(",", "").replace("，", "");
        if (!plain.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(plain);
    }

    /** The rejected rows, each one line on standard error. */
    private final class Rejections {
        private final String file;
        private int count;

        Rejections(String file) {
            this.file = file;
        }

        void add(Answer a, String reason) {
            err.println(COMMAND + ": " + file + " row " + a.row() + ": " + reason);
            count++;
        }

        int count() {
            return count;
        }

        String file() {
            return file;
        }
    }
}
