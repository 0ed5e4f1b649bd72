package org.disclosureetl.series;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.disclosureetl.extract.CellValue;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.IdentityRule;
import org.disclosureetl.extract.Observation;
import org.disclosureetl.validate.ReportValidator;

/**
 * Links an agency's reports into a series (pure logic; the ingest job's link step stores the result).
 *
 * <p><b>Duplicates.</b> Documents with the same agency_key and report year are one report in several files (a web
 * page and its PDF, a re-published copy). One is the series' copy: the one with the most cells, then the fewest
 * issues of its own, then the earliest registered (lowest registering run), then the lowest document id; so the
 * most complete reading wins and the choice never depends on the order documents are listed in. The others are
 * duplicates of it, and each cell in which a duplicate differs from the copy (another number, a number against none,
 * a cell only one of them has with a number) is a {@link SeriesRule#DUPLICATE_DIFFERS} issue on the duplicate.
 *
 * <p><b>Cross-year checks.</b> The copies of consecutive years N and N+1 of an agency are compared by the
 * {@link #CHECKS}; a gap year means no comparison. A check is made only where every cell it reads is present and
 * numeric in both reports, and it is evaluated by the identities' own evaluator ({@link ReportValidator#evaluate}) on
 * the two reports' cells side by side under prefixed codes. A break is an issue on the later report naming both; a
 * value is never changed.
 */
public final class SeriesLinker {

    /** Which report of the pair a term reads. */
    enum Of {
        PREVIOUS("prev."), THIS("this.");

        private final String prefix;

        Of(String prefix) {
            this.prefix = prefix;
        }
    }

    /** A term of a check: a row (each-column checks) or column (each-row checks) code of one report, maybe subtracted. */
    record Term(Of side, String code, boolean subtracted) {

        String synthetic() {
            return side.prefix + code + (subtracted ? ".subtracted" : "");
        }
    }

    /**
     * A cross-year check: {@code lhs} (of year N+1) equals the sum of {@code rhs}. Each-column checks name rows and
     * hold in every column; each-row checks name columns and hold in every row of the table.
     */
    record Check(SeriesRule rule, String tableCode, IdentityRule.Scope scope, Term lhs, List<Term> rhs) {
    }

    static final List<Check> CHECKS = List.of(
            new Check(SeriesRule.CARRIED_OVER_MATCHES, "applications", IdentityRule.Scope.EACH_COLUMN,
                    new Term(Of.THIS, "carried_over", false),
                    List.of(new Term(Of.PREVIOUS, "carried_forward", false))),
            new Check(SeriesRule.IN_FORCE_MOVES, "proactive", IdentityRule.Scope.EACH_ROW,
                    new Term(Of.THIS, "in_force", false),
                    List.of(new Term(Of.PREVIOUS, "in_force", false), new Term(Of.THIS, "issued", false),
                            new Term(Of.THIS, "repealed", true))),
            new Check(SeriesRule.TOTAL_PUBLISHED_GROWS, "proactive", IdentityRule.Scope.EACH_ROW,
                    new Term(Of.THIS, "total_published", false),
                    List.of(new Term(Of.PREVIOUS, "total_published", false), new Term(Of.THIS, "published", false))));

    /**
     * The rows the cross-year checks read, by table: each-column checks read their rows, each-row checks every row
     * of their table (an empty set). What a {@link CellSource} must give when not asked for every cell.
     */
    public static Map<String, Set<String>> checkedRows() {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (Check check : CHECKS) {
            if (check.scope() == IdentityRule.Scope.EACH_ROW) {
                rows.put(check.tableCode(), Set.of()); // every row
                continue;
            }
            Set<String> of = rows.get(check.tableCode());
            if (of != null && of.isEmpty()) {
                continue; // every row already
            }
            Set<String> named = of == null ? new LinkedHashSet<>() : new LinkedHashSet<>(of);
            named.add(check.lhs().code());
            check.rhs().forEach(t -> named.add(t.code()));
            rows.put(check.tableCode(), named);
        }
        return rows;
    }

    /** The cells of a document, in template order; a cell without a number maps to null. */
    public interface CellSource {
        /** @param all every cell (a duplicate and its copy), or only those of {@link #checkedRows()} */
        Map<CellKey, BigDecimal> cells(String documentId, boolean all);

        /** The document's cells left empty as ambiguous, with their candidate readings. */
        default Map<CellKey, Ambiguity> ambiguous(String documentId) {
            return Map.of();
        }
    }

    /** What the series says of one document: the copy it duplicates (null: none) and its issues. */
    public record Link(String duplicateOf, List<Finding> issues) {

        public Link {
            issues = List.copyOf(issues);
        }
    }

    private SeriesLinker() {
    }

    /** The series' copy first: most cells, fewest issues, earliest registered, lowest id. */
    static final Comparator<SeriesDocument> COPY_FIRST = Comparator.comparingInt(SeriesDocument::cells).reversed()
            .thenComparingInt(SeriesDocument::issues)
            .thenComparing(SeriesDocument::registeredRun, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SeriesDocument::documentId);

    /**
     * Links all the given documents (every extracted document with an agency key and a year, whenever stored).
     *
     * @return the documents with a non-empty link, by id in the order of the agencies and years
     */
    public static Map<String, Link> link(List<SeriesDocument> documents, CellSource cells) {
        // agency -> year -> documents, copy first
        Map<String, Map<Integer, List<SeriesDocument>>> series = new LinkedHashMap<>();
        documents.stream()
                .sorted(Comparator.comparing(SeriesDocument::agencyKey).thenComparingInt(SeriesDocument::reportYear)
                        .thenComparing(COPY_FIRST))
                .forEach(d -> series.computeIfAbsent(d.agencyKey(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(d.reportYear(), k -> new ArrayList<>()).add(d));
        Map<String, String> duplicateOf = new LinkedHashMap<>();
        Map<String, List<Finding>> issues = new LinkedHashMap<>();
        for (Map<Integer, List<SeriesDocument>> years : series.values()) {
            for (List<SeriesDocument> sameYear : years.values()) {
                SeriesDocument copy = sameYear.get(0);
                for (SeriesDocument duplicate : sameYear.subList(1, sameYear.size())) {
                    duplicateOf.put(duplicate.documentId(), copy.documentId());
                    List<Finding> differences = differences(
                            reported(cells.cells(copy.documentId(), true), cells.ambiguous(copy.documentId())),
                            copy,
                            reported(cells.cells(duplicate.documentId(), true), cells.ambiguous(duplicate.documentId())),
                            duplicate);
                    if (!differences.isEmpty()) {
                        issues.computeIfAbsent(duplicate.documentId(), k -> new ArrayList<>()).addAll(differences);
                    }
                }
            }
            // consecutive years, earlier first: what settles a cell of year N is added to N's issues before N+1's
            for (List<SeriesDocument> sameYear : years.values()) {
                SeriesDocument copy = sameYear.get(0);
                SeriesDocument previous = years.containsKey(copy.reportYear() - 1)
                        ? years.get(copy.reportYear() - 1).get(0) : null;
                if (previous == null) {
                    continue;
                }
                CrossYear found = crossYear(side(previous, cells), side(copy, cells));
                found.settled().forEach((id, settled) -> issues.computeIfAbsent(id, k -> new ArrayList<>())
                        .addAll(settled));
                if (!found.breaks().isEmpty()) {
                    issues.computeIfAbsent(copy.documentId(), k -> new ArrayList<>()).addAll(found.breaks());
                }
            }
        }
        issues.replaceAll((id, found) -> oneSettlementPerCell(found));
        Map<String, Link> links = new LinkedHashMap<>();
        for (SeriesDocument d : documents.stream().sorted(Comparator.comparing(SeriesDocument::agencyKey)
                .thenComparingInt(SeriesDocument::reportYear).thenComparing(COPY_FIRST)).toList()) {
            String of = duplicateOf.get(d.documentId());
            List<Finding> found = issues.getOrDefault(d.documentId(), List.of());
            if (of != null || !found.isEmpty()) {
                links.put(d.documentId(), new Link(of, found));
            }
        }
        return links;
    }

    /**
     * A report between two others is compared with both: a cell both settle alike is settled once; where they
     * settle a cell differently, nothing of that report is settled (its ambiguous cells stay empty).
     */
    static List<Finding> oneSettlementPerCell(List<Finding> found) {
        Map<CellKey, String> values = new LinkedHashMap<>();
        boolean conflict = false;
        List<Finding> kept = new ArrayList<>();
        for (Finding f : found) {
            if (!f.rule().equals(SeriesRule.SETTLED_BY_SERIES.code())) {
                kept.add(f);
                continue;
            }
            CellKey key = new CellKey(f.tableCode(), f.rowCode(), f.columnCode());
            String before = values.putIfAbsent(key, f.actual());
            if (before == null) {
                kept.add(f);
            } else if (!before.equals(f.actual())) {
                conflict = true;
            }
        }
        if (conflict) {
            kept.removeIf(f -> f.rule().equals(SeriesRule.SETTLED_BY_SERIES.code()));
        }
        return kept;
    }

    /**
     * The cells as the report gives them: an ambiguous cell has no number of its own, even once a neighbouring year
     * settled it, so that settling never changes what is compared.
     */
    private static Map<CellKey, BigDecimal> reported(Map<CellKey, BigDecimal> cells, Map<CellKey, Ambiguity> ambiguous) {
        if (ambiguous.isEmpty()) {
            return cells;
        }
        Map<CellKey, BigDecimal> own = new LinkedHashMap<>(cells);
        ambiguous.keySet().forEach(key -> {
            if (own.containsKey(key)) {
                own.put(key, null);
            }
        });
        return own;
    }

    /** The cells in which {@code duplicate} differs from {@code copy}, as issues on the duplicate. */
    static List<Finding> differences(Map<CellKey, BigDecimal> copyCells, SeriesDocument copy,
                                     Map<CellKey, BigDecimal> duplicateCells, SeriesDocument duplicate) {
        Set<CellKey> keys = new LinkedHashSet<>(copyCells.keySet());
        keys.addAll(duplicateCells.keySet());
        List<Finding> findings = new ArrayList<>();
        // the same words in every message of the pair, built once (a duplicate of a long report differs in dozens)
        String inDuplicate = " in this duplicate, " + duplicate.describe() + ", but ";
        String inCopy = " in the series' copy of " + copy.agencyKey() + " " + copy.reportYear() + ", " + copy.describe();
        for (CellKey key : keys) {
            BigDecimal expected = copyCells.get(key);
            BigDecimal actual = duplicateCells.get(key);
            boolean same = expected == null ? actual == null : actual != null && expected.compareTo(actual) == 0;
            if (same) {
                continue;
            }
            findings.add(Finding.named(SeriesRule.DUPLICATE_DIFFERS.code())
                    .table(key.tableCode()).row(key.rowCode()).column(key.columnCode())
                    .expected(text(expected)).actual(text(actual))
                    .message(key + " is " + shown(actual, duplicateCells.containsKey(key)) + inDuplicate
                            + shown(expected, copyCells.containsKey(key)) + inCopy));
        }
        return findings;
    }

    /** A report of a cross-year comparison: its cells (only those the checks read) and its ambiguous cells. */
    record Side(SeriesDocument document, Map<CellKey, BigDecimal> cells, Map<CellKey, Ambiguity> ambiguous) {
    }

    private static Side side(SeriesDocument document, CellSource cells) {
        return new Side(document, cells.cells(document.documentId(), false), cells.ambiguous(document.documentId()));
    }

    /**
     * What comparing two consecutive years found.
     *
     * @param breaks  broken checks, issues on the later report
     * @param settled {@link SeriesRule#SETTLED_BY_SERIES} findings by the document whose cells they fill
     */
    record CrossYear(List<Finding> breaks, Map<String, List<Finding>> settled) {
    }

    /**
     * The cells of one ambiguous run of one report (same table, same printed run, same number of readings), which
     * one reading fills together, and the check lines in which they take part.
     */
    private record Run(Side side, String tableCode, String raw, int readings) {
    }

    /** A check line in which cells of one ambiguous run take part and every other cell is a number. */
    private record Constraint(Check check, String line, Map<Term, BigDecimal> fixed, Map<Term, CellKey> open,
                              Side other) {
    }

    /** The cross-year checks of {@code later} (year N+1) against {@code earlier} (year N). */
    static CrossYear crossYear(Side earlier, Side later) {
        List<Finding> breaks = new ArrayList<>();
        Map<Run, List<Constraint>> runs = new LinkedHashMap<>();
        for (Check check : CHECKS) {
            breaks.addAll(check(check, earlier, later, runs));
        }
        Map<String, List<Finding>> settled = new LinkedHashMap<>();
        runs.forEach((run, constraints) -> {
            List<Finding> found = settle(run, constraints);
            if (!found.isEmpty()) {
                settled.computeIfAbsent(run.side().document().documentId(), k -> new ArrayList<>()).addAll(found);
            }
        });
        return new CrossYear(breaks, settled);
    }

    private static List<Finding> check(Check check, Side earlier, Side later, Map<Run, List<Constraint>> runs) {
        boolean eachColumn = check.scope() == IdentityRule.Scope.EACH_COLUMN;
        // the rows (each-row check) or columns (each-column check) of the later report that have the lhs cell
        Set<String> lines = new LinkedHashSet<>();
        for (CellKey key : later.cells().keySet()) {
            if (key.tableCode().equals(check.tableCode())
                    && (eachColumn ? key.rowCode() : key.columnCode()).equals(check.lhs().code())) {
                lines.add(eachColumn ? key.columnCode() : key.rowCode());
            }
        }
        List<Term> terms = new ArrayList<>();
        terms.add(check.lhs());
        terms.addAll(check.rhs());
        List<Observation> side = new ArrayList<>();
        Map<String, Map<Term, BigDecimal>> valuesOf = new LinkedHashMap<>();
        for (String line : lines) {
            Map<Term, BigDecimal> values = new LinkedHashMap<>();
            Map<Term, CellKey> open = new LinkedHashMap<>();
            Run run = null;
            boolean comparable = true;
            for (Term term : terms) {
                Side of = term.side() == Of.THIS ? later : earlier;
                CellKey key = key(check, line, term);
                Ambiguity ambiguity = of.ambiguous().get(key);
                if (ambiguity != null && of.cells().containsKey(key)) {
                    Run its = new Run(of, key.tableCode(), ambiguity.raw(), ambiguity.readings().size());
                    if (run != null && !run.equals(its)) {
                        comparable = false; // two runs at once: not decided here
                    }
                    run = its;
                    open.put(term, key);
                } else if (of.cells().get(key) != null) {
                    values.put(term, of.cells().get(key));
                } else {
                    comparable = false; // absent or not a number in one of the reports: no comparison
                }
            }
            if (!comparable) {
                continue;
            }
            if (run != null) {
                Side other = run.side() == later ? earlier : later;
                runs.computeIfAbsent(run, k -> new ArrayList<>()).add(new Constraint(check, line, values, open, other));
                continue;
            }
            valuesOf.put(line, values);
            side.addAll(observations(check, line, values));
        }
        if (side.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Finding broken : ReportValidator.evaluate(List.of(rule(check)), side)) {
            String line = eachColumn ? broken.columnCode() : broken.rowCode();
            String row = eachColumn ? check.lhs().code() : line;
            String column = eachColumn ? line : check.lhs().code();
            Map<Term, BigDecimal> values = valuesOf.get(line);
            StringBuilder sum = new StringBuilder();
            for (Term term : check.rhs()) {
                sum.append(sum.isEmpty() ? "" : term.subtracted() ? " - " : " + ")
                        .append(term.code()).append(' ').append(CellValue.plain(values.get(term)))
                        .append(" (").append(term.side() == Of.THIS ? later.document().reportYear()
                                : earlier.document().reportYear())
                        .append(')');
            }
            findings.add(Finding.named(check.rule().code()).table(check.tableCode()).row(row).column(column)
                    .expected(broken.expected()).actual(broken.actual())
                    .message(check.tableCode() + "/" + row + "/" + column + " is " + broken.actual() + " in "
                            + later.document().describe() + ", but " + sum + " = " + broken.expected() + " with "
                            + earlier.document().describe()));
        }
        return findings;
    }

    private static CellKey key(Check check, String line, Term term) {
        return check.scope() == IdentityRule.Scope.EACH_COLUMN ? new CellKey(check.tableCode(), term.code(), line)
                : new CellKey(check.tableCode(), line, term.code());
    }

    /** The identity a check is evaluated as, on the two reports' cells under prefixed codes. */
    private static IdentityRule rule(Check check) {
        return new IdentityRule("series", check.rule().code(), check.tableCode(), check.scope(),
                List.of(check.lhs().synthetic()), check.rhs().stream().map(Term::synthetic).toList(),
                IdentityRule.Relation.EQUALS, "");
    }

    private static List<Observation> observations(Check check, String line, Map<Term, BigDecimal> values) {
        boolean eachColumn = check.scope() == IdentityRule.Scope.EACH_COLUMN;
        List<Observation> cells = new ArrayList<>();
        values.forEach((term, value) -> {
            BigDecimal v = term.subtracted() ? value.negate() : value;
            cells.add(eachColumn
                    ? Observation.of(check.tableCode(), term.synthetic(), line).value(v).build()
                    : Observation.of(check.tableCode(), line, term.synthetic()).value(v).build());
        });
        return cells;
    }

    /**
     * The reading of an ambiguous run that every check line it takes part in agrees with, when exactly one does:
     * then each cell of the run that this reading gives a number is filled, with a finding naming the report that
     * decided it. Otherwise nothing: the cells stay empty.
     */
    private static List<Finding> settle(Run run, List<Constraint> constraints) {
        List<Integer> agreeing = new ArrayList<>();
        for (int k = 0; k < run.readings(); k++) {
            boolean holds = true;
            for (Constraint c : constraints) {
                Map<Term, BigDecimal> values = new LinkedHashMap<>(c.fixed());
                for (Map.Entry<Term, CellKey> open : c.open().entrySet()) {
                    BigDecimal candidate = run.side().ambiguous().get(open.getValue()).readings().get(k);
                    if (candidate == null) {
                        holds = false;
                        break;
                    }
                    values.put(open.getKey(), candidate);
                }
                if (!holds || !ReportValidator.evaluate(List.of(rule(c.check())),
                        observations(c.check(), c.line(), values)).isEmpty()) {
                    holds = false;
                    break;
                }
            }
            if (holds) {
                agreeing.add(k);
            }
        }
        if (agreeing.size() != 1) {
            return List.of();
        }
        int k = agreeing.get(0);
        Side other = constraints.get(0).other();
        Set<String> rules = new LinkedHashSet<>();
        constraints.forEach(c -> rules.add(c.check().rule().code()));
        List<Finding> settled = new ArrayList<>();
        run.side().ambiguous().forEach((key, ambiguity) -> {
            BigDecimal value = ambiguity.readings().get(k);
            // every cell of the run: the reading fixes them all, not only those the checks read
            if (!key.tableCode().equals(run.tableCode()) || !ambiguity.raw().equals(run.raw())
                    || ambiguity.readings().size() != run.readings() || value == null) {
                return;
            }
            settled.add(Finding.named(SeriesRule.SETTLED_BY_SERIES.code()).table(key.tableCode()).row(key.rowCode())
                    .column(key.columnCode()).actual(CellValue.plain(value))
                    .message(key + " is " + CellValue.plain(value) + " in " + run.side().document().describe()
                            + ": of the " + run.readings() + " readings of " + run.raw() + " only reading " + (k + 1)
                            + " agrees with " + String.join(", ", rules) + " against " + other.document().describe()));
        });
        return settled;
    }

    private static String text(BigDecimal value) {
        return value == null ? null : CellValue.plain(value);
    }

    private static String shown(BigDecimal value, boolean present) {
        return value != null ? CellValue.plain(value) : present ? "without a number" : "absent";
    }
}
