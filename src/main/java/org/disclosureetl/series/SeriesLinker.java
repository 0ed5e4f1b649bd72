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
    enum Side {
        PREVIOUS("prev."), THIS("this.");

        private final String prefix;

        Side(String prefix) {
            this.prefix = prefix;
        }
    }

    /** A term of a check: a row (each-column checks) or column (each-row checks) code of one report, maybe subtracted. */
    record Term(Side side, String code, boolean subtracted) {

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
                    new Term(Side.THIS, "carried_over", false),
                    List.of(new Term(Side.PREVIOUS, "carried_forward", false))),
            new Check(SeriesRule.IN_FORCE_MOVES, "proactive", IdentityRule.Scope.EACH_ROW,
                    new Term(Side.THIS, "in_force", false),
                    List.of(new Term(Side.PREVIOUS, "in_force", false), new Term(Side.THIS, "issued", false),
                            new Term(Side.THIS, "repealed", true))),
            new Check(SeriesRule.TOTAL_PUBLISHED_GROWS, "proactive", IdentityRule.Scope.EACH_ROW,
                    new Term(Side.THIS, "total_published", false),
                    List.of(new Term(Side.PREVIOUS, "total_published", false), new Term(Side.THIS, "published", false))));

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
    }

    /** What the series says of one document: the copy it duplicates (null: none) and its issues. */
    public record Link(String duplicateOf, List<Finding> issues) {

        public Link {
            issues = List.copyOf(issues);
        }

        public static final Link NONE = new Link(null, List.of());
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
                    List<Finding> differences = differences(copy, cells.cells(copy.documentId(), true), duplicate,
                            cells.cells(duplicate.documentId(), true));
                    if (!differences.isEmpty()) {
                        issues.computeIfAbsent(duplicate.documentId(), k -> new ArrayList<>()).addAll(differences);
                    }
                }
                SeriesDocument previous = years.containsKey(copy.reportYear() - 1)
                        ? years.get(copy.reportYear() - 1).get(0) : null;
                if (previous != null) {
                    List<Finding> breaks = crossYear(previous, cells.cells(previous.documentId(), false), copy,
                            cells.cells(copy.documentId(), false));
                    if (!breaks.isEmpty()) {
                        issues.computeIfAbsent(copy.documentId(), k -> new ArrayList<>()).addAll(breaks);
                    }
                }
            }
        }
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

    /** The cells in which {@code duplicate} differs from {@code copy}, as issues on the duplicate. */
    static List<Finding> differences(SeriesDocument copy, Map<CellKey, BigDecimal> copyCells,
                                     SeriesDocument duplicate, Map<CellKey, BigDecimal> duplicateCells) {
        Set<CellKey> keys = new LinkedHashSet<>(copyCells.keySet());
        keys.addAll(duplicateCells.keySet());
        List<Finding> findings = new ArrayList<>();
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
                    .message(key + " is " + shown(actual, duplicateCells.containsKey(key)) + " in this duplicate, "
                            + duplicate.describe() + ", but " + shown(expected, copyCells.containsKey(key))
                            + " in the series' copy of " + copy.agencyKey() + " " + copy.reportYear() + ", "
                            + copy.describe()));
        }
        return findings;
    }

    /** The cross-year checks of {@code later} (year N+1) against {@code earlier} (year N), as issues on {@code later}. */
    static List<Finding> crossYear(SeriesDocument earlier, Map<CellKey, BigDecimal> earlierCells,
                                   SeriesDocument later, Map<CellKey, BigDecimal> laterCells) {
        List<Finding> findings = new ArrayList<>();
        for (Check check : CHECKS) {
            findings.addAll(check(check, earlier, earlierCells, later, laterCells));
        }
        return findings;
    }

    private static List<Finding> check(Check check, SeriesDocument earlier, Map<CellKey, BigDecimal> earlierCells,
                                       SeriesDocument later, Map<CellKey, BigDecimal> laterCells) {
        boolean eachColumn = check.scope() == IdentityRule.Scope.EACH_COLUMN;
        // the rows (each-row check) or columns (each-column check) of the later report that have the lhs cell
        Set<String> lines = new LinkedHashSet<>();
        for (CellKey key : laterCells.keySet()) {
            if (key.tableCode().equals(check.tableCode())
                    && (eachColumn ? key.rowCode() : key.columnCode()).equals(check.lhs().code())) {
                lines.add(eachColumn ? key.columnCode() : key.rowCode());
            }
        }
        List<Observation> side = new ArrayList<>();
        Map<String, Map<Term, BigDecimal>> valuesOf = new LinkedHashMap<>();
        for (String line : lines) {
            Map<Term, BigDecimal> values = new LinkedHashMap<>();
            List<Term> terms = new ArrayList<>();
            terms.add(check.lhs());
            terms.addAll(check.rhs());
            for (Term term : terms) {
                CellKey key = eachColumn ? new CellKey(check.tableCode(), term.code(), line)
                        : new CellKey(check.tableCode(), line, term.code());
                BigDecimal value = (term.side() == Side.THIS ? laterCells : earlierCells).get(key);
                if (value == null) {
                    break; // absent or not a number in one of the reports: no comparison
                }
                values.put(term, value);
            }
            if (values.size() < terms.size()) {
                continue;
            }
            valuesOf.put(line, values);
            values.forEach((term, value) -> {
                BigDecimal v = term.subtracted() ? value.negate() : value;
                side.add(eachColumn
                        ? new Observation(check.tableCode(), term.synthetic(), line, v, null, null, null, null, null, 0)
                        : new Observation(check.tableCode(), line, term.synthetic(), v, null, null, null, null, null, 0));
            });
        }
        if (side.isEmpty()) {
            return List.of();
        }
        IdentityRule rule = new IdentityRule("series", check.rule().code(), check.tableCode(), check.scope(),
                List.of(check.lhs().synthetic()), check.rhs().stream().map(Term::synthetic).toList(),
                IdentityRule.Relation.EQUALS, "");
        List<Finding> findings = new ArrayList<>();
        for (Finding broken : ReportValidator.evaluate(List.of(rule), side)) {
            String line = eachColumn ? broken.columnCode() : broken.rowCode();
            String row = eachColumn ? check.lhs().code() : line;
            String column = eachColumn ? line : check.lhs().code();
            Map<Term, BigDecimal> values = valuesOf.get(line);
            StringBuilder sum = new StringBuilder();
            for (Term term : check.rhs()) {
                sum.append(sum.isEmpty() ? "" : term.subtracted() ? " - " : " + ")
                        .append(term.code()).append(' ').append(CellValue.plain(values.get(term)))
                        .append(" (").append(term.side() == Side.THIS ? later.reportYear() : earlier.reportYear())
                        .append(')');
            }
            findings.add(Finding.named(check.rule().code()).table(check.tableCode()).row(row).column(column)
                    .expected(broken.expected()).actual(broken.actual())
                    .message(check.tableCode() + "/" + row + "/" + column + " is " + broken.actual() + " in "
                            + later.describe() + ", but " + sum + " = " + broken.expected() + " with "
                            + earlier.describe()));
        }
        return findings;
    }

    private static String text(BigDecimal value) {
        return value == null ? null : CellValue.plain(value);
    }

    private static String shown(BigDecimal value, boolean present) {
        return value != null ? CellValue.plain(value) : present ? "without a number" : "absent";
    }
}
