package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns the numbers of a flattened table to its cells by solving the table as a whole. Each
 * segment of material (a row's, or for a run layout the whole table's) has its readings; the row's
 * own identities narrow them, then the column identities choose among the combinations of all
 * rows at once, because a run such as {@code 270020130} often has two readings that satisfy its
 * own row and only the column sums tell them apart. A cell is given a value only when every best
 * combination agrees on it, or when the report's prose names one reading's number; otherwise it is
 * left empty and the finding lists the candidates. No value is better than a wrong one.
 */
final class TableSolver {

    /** Past this many combinations the column identities are not searched. */
    static final int MAX_COMBINATIONS = 200_000;

    private final TableTemplate table;
    private final List<Instance> instances;
    private final ProseEvidence prose;

    /** One cell position: row and column index in the template. */
    record Slot(int row, int column) {
    }

    /** The material after one label and the cells it must fill. */
    record Segment(List<LabelStream.Atom> atoms, boolean gapAfter, List<Slot> slots) {
        Segment {
            atoms = List.copyOf(atoms);
            slots = List.copyOf(slots);
        }

        String raw() {
            StringBuilder sb = new StringBuilder();
            for (LabelStream.Atom atom : atoms) {
                if (!sb.isEmpty() && atom.gap() != LabelStream.Gap.NONE) {
                    sb.append(' ');
                }
                sb.append(atom.kind() == LabelStream.AtomKind.EMPTY ? "_" : atom.raw());
            }
            return sb.toString();
        }
    }

    /** What the solver decided for every slot. */
    record Solution(Map<Slot, MaterialReadings.ReadCell> cells, List<Finding> findings) {
    }

    /** One identity applied to concrete slots: sum(lhs) relation sum(rhs). */
    private record Instance(IdentityRule rule, List<Slot> lhs, List<Slot> rhs) {
    }

    TableSolver(TableTemplate table, List<IdentityRule> rules, ProseEvidence prose) {
        this.table = table;
        this.prose = prose;
        this.instances = instances(table, rules);
    }

    Solution solve(List<Segment> segments) {
        List<Finding> findings = new ArrayList<>();
        List<List<List<MaterialReadings.ReadCell>>> candidates = new ArrayList<>();
        List<Boolean> extra = new ArrayList<>();
        List<List<Integer>> costs = new ArrayList<>();
        for (Segment segment : segments) {
            Candidates found = candidates(segment);
            candidates.add(found.readings());
            costs.add(found.costs());
            extra.add(found.extra());
        }
        List<List<Slot>> slotsOf = segments.stream().map(Segment::slots).toList();
        List<int[]> best = bestCombinations(candidates, costs, slotsOf);
        Set<Slot> unbalanced = best == null || best.isEmpty() ? Set.of() : brokenSlots(candidates, best.get(0), slotsOf);

        Map<Slot, MaterialReadings.ReadCell> cells = new HashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            List<List<MaterialReadings.ReadCell>> readings = candidates.get(s);
            String rowLabel = rowLabel(segment);
            if (readings.isEmpty()) {
                int have = MaterialReadings.maxCells(segment.atoms());
                findings.add(finding(FindingRule.CELLS_MISSING, segment, null, String.valueOf(segment.slots().size()),
                        segment.raw(), rowLabel + " has " + (segment.atoms().isEmpty() ? "no numbers"
                                : "numbers (" + segment.raw() + ") that cannot fill its " + segment.slots().size()
                                + " cells" + (have < segment.slots().size() ? "" : " in any reading"))
                                + "; its cells are left empty"));
                continue;
            }
            Set<Integer> used = new LinkedHashSet<>();
            boolean balanced = segment.slots().stream().noneMatch(unbalanced::contains);
            if (best == null || !balanced && readings.size() > 1) {
                // without a combination that keeps every identity, the columns cannot choose among readings
                for (int r = 0; r < readings.size(); r++) {
                    used.add(r);
                }
            } else {
                for (int[] combination : best) {
                    used.add(combination[s]);
                }
            }
            String decidedBy = null;
            if (used.size() > 1) {
                int chosen = prose.choose(readings, List.copyOf(used), segment.slots(), table);
                if (chosen >= 0) {
                    used = Set.of(chosen);
                    decidedBy = "the report's own text (" + prose.evidence(readings.get(chosen), segment.slots(), table)
                            + ")";
                    int index = s;
                    if (best != null) {
                        best = best.stream().filter(c -> c[index] == chosen).toList();
                    }
                }
            }
            List<Integer> options = List.copyOf(used);
            List<MaterialReadings.ReadCell> first = readings.get(options.get(0));
            boolean anyUndecided = false;
            for (int c = 0; c < segment.slots().size(); c++) {
                Slot slot = segment.slots().get(c);
                Set<String> values = new LinkedHashSet<>();
                for (int option : options) {
                    values.add(show(readings.get(option).get(c)));
                }
                if (values.size() == 1) {
                    cells.put(slot, first.get(c));
                    if (first.get(c).annotated()) {
                        findings.add(finding(FindingRule.ANNOTATED_VALUE, segment, slot, null, first.get(c).raw(),
                                "the cell carries a remark; its leading number was taken"));
                    }
                } else {
                    anyUndecided = true;
                    cells.put(slot, new MaterialReadings.ReadCell(null, segment.raw(), false, false, null,
                            first.get(c).where()));
                    // expected: the cell's value in each reading, in the readings' order (blank: none), so that
                    // a reader of the issues (series/SeriesLinker) can tell which reading a neighbouring report fits
                    List<String> perReading = new ArrayList<>();
                    for (int option : options) {
                        perReading.add(show(readings.get(option).get(c)));
                    }
                    findings.add(finding(FindingRule.AMBIGUOUS_READING, segment, slot, String.join("|", perReading),
                            segment.raw(),
                            rowLabel + ": the numbers ran together (" + segment.raw() + ") and " + options.size()
                                    + " readings fit every identity; this cell could be " + String.join(" or ", values)
                                    + "; left empty (readings: " + readingsText(readings, options) + ")"));
                }
            }
            List<Integer> segmentCosts = costs.get(s);
            if (used.stream().anyMatch(u -> segmentCosts.get(u) > 0)) {
                findings.add(finding(FindingRule.CELLS_MISSING, segment, null, String.valueOf(segment.slots().size()),
                        segment.raw(), rowLabel + " has fewer numbers (" + segment.raw() + ") than its "
                                + segment.slots().size() + " cells; read as " + readingsText(readings, options)
                                + ", assuming an empty cell where a space stands or a cell that is not printed"));
            }
            if (extra.get(s)) {
                findings.add(finding(FindingRule.EXTRA_CELLS, segment, null, String.valueOf(segment.slots().size()),
                        segment.raw(), rowLabel + " has more numbers (" + segment.raw() + ") than its "
                                + segment.slots().size() + " cells; "
                                + (anyUndecided ? "no window of them could be chosen" : "the numbers kept are "
                                + readingsText(readings, options))));
            } else if (!anyUndecided && readings.size() > 1) {
                findings.add(finding(FindingRule.SPLIT_RUN_TOGETHER, segment, null, null, segment.raw(),
                        rowLabel + ": the numbers ran together (" + segment.raw() + "); read as "
                                + readingsText(readings, options) + ", decided by "
                                + (decidedBy != null ? decidedBy : "the table's identities")));
            }
        }
        return new Solution(cells, findings);
    }

    /**
     * The readings of a segment that keep the most of the row's own identities, and among those the
     * ones that assume the least (no empty or missing cell before one, a space read as an empty cell
     * before a cell that vanished). Digits are split only where the material has no line or cell
     * break (a break shows that the cells kept their boundaries) and, in a row without identities,
     * only within one gapless run.
     */
    /**
     * The readings with the best local score and their costs.
     *
     * @param extra the material has more numbers than the segment has cells: the readings are windows of it
     */
    private record Candidates(List<List<MaterialReadings.ReadCell>> readings, List<Integer> costs, boolean extra) {
        static final Candidates NONE = new Candidates(List.of(), List.of(), false);
    }

    private Candidates candidates(Segment segment) {
        int n = segment.slots().size();
        List<LabelStream.Atom> atoms = segment.atoms();
        if (atoms.isEmpty()) {
            return Candidates.NONE;
        }
        if (MaterialReadings.minCells(atoms) > n) {
            List<List<MaterialReadings.ReadCell>> windows = windows(segment);
            return new Candidates(windows, windows.stream().map(w -> 0).toList(), !windows.isEmpty());
        }
        List<Instance> local = localInstances(segment);
        boolean hasBreak = false;
        boolean hasSpace = false;
        for (int i = 1; i < atoms.size(); i++) {
            hasBreak |= atoms.get(i).gap() == LabelStream.Gap.BREAK;
            hasSpace |= atoms.get(i).gap() == LabelStream.Gap.SPACE;
        }
        boolean splittable = !hasBreak && (!local.isEmpty() || !hasSpace);
        List<MaterialReadings.Reading> readings = MaterialReadings.readings(atoms, segment.gapAfter(), n,
                MaterialReadings.MAX_INSERTED, splittable);
        if (readings == null || readings.isEmpty()) {
            return Candidates.NONE;
        }
        int bestScore = Integer.MIN_VALUE;
        int[] scores = new int[readings.size()];
        for (int r = 0; r < readings.size(); r++) {
            scores[r] = localScore(local, segment, readings.get(r).cells());
            bestScore = Math.max(bestScore, scores[r]);
        }
        List<List<MaterialReadings.ReadCell>> kept = new ArrayList<>();
        List<Integer> costs = new ArrayList<>();
        for (int r = 0; r < readings.size(); r++) {
            if (scores[r] == bestScore) {
                kept.add(readings.get(r).cells());
                costs.add(readings.get(r).cost());
            }
        }
        return new Candidates(kept, costs, false);
    }

    /** More numbers than cells: the contiguous windows of them that fill the cells and keep the row's identities. */
    private List<List<MaterialReadings.ReadCell>> windows(Segment segment) {
        int n = segment.slots().size();
        List<Instance> local = localInstances(segment);
        List<LabelStream.Atom> atoms = segment.atoms();
        List<List<MaterialReadings.ReadCell>> found = new ArrayList<>();
        for (int from = 0; from < atoms.size(); from++) {
            for (int to = from + 1; to <= atoms.size(); to++) {
                List<LabelStream.Atom> window = atoms.subList(from, to);
                if (window.size() > n || MaterialReadings.maxCells(window) < n) {
                    continue;
                }
                List<MaterialReadings.Reading> readings = MaterialReadings.readings(window, false, n, 0, false);
                if (readings != null) {
                    readings.stream().map(MaterialReadings.Reading::cells)
                            .filter(r -> !local.isEmpty() && localScore(local, segment, r) > 0).forEach(found::add);
                }
            }
        }
        return found;
    }

    /** The combinations of readings with the most identities satisfied, or null when not searched. */
    private List<int[]> bestCombinations(List<List<List<MaterialReadings.ReadCell>>> candidates,
                                         List<List<Integer>> costs, List<List<Slot>> slotsOf) {
        List<List<Integer>> allowed = new ArrayList<>();
        for (List<Integer> c : costs) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < c.size(); i++) {
                all.add(i);
            }
            allowed.add(all);
        }
        if (product(allowed) > MAX_COMBINATIONS) {
            // too many: keep each segment's readings that assume the least
            allowed.clear();
            for (List<Integer> c : costs) {
                int min = c.stream().min(Integer::compare).orElse(0);
                List<Integer> cheapest = new ArrayList<>();
                for (int i = 0; i < c.size(); i++) {
                    if (c.get(i) == min) {
                        cheapest.add(i);
                    }
                }
                allowed.add(cheapest);
            }
            if (product(allowed) > MAX_COMBINATIONS) {
                return null;
            }
        }
        int segments = candidates.size();
        long product = product(allowed);
        CombinationScore scorer = CombinationScore.of(instances, candidates, allowed, slotsOf);
        if (scorer == null) {
            return null; // a value too large or too precise to add up exactly in a long
        }
        int[] combination = new int[segments];
        List<int[]> best = new ArrayList<>();
        long bestScore = Long.MIN_VALUE;
        for (long k = 0; k < product; k++) {
            long rest = k;
            int cost = 0;
            for (int s = 0; s < segments; s++) {
                List<Integer> options = allowed.get(s);
                if (options.isEmpty()) {
                    combination[s] = 0;
                    continue;
                }
                combination[s] = options.get((int) (rest % options.size()));
                rest /= options.size();
                cost += costs.get(s).get(combination[s]);
            }
            // identities first; among equally good combinations, the one that assumes the least
            long score = scorer.score(combination) * 1_000L - cost;
            if (score > bestScore) {
                bestScore = score;
                best.clear();
            }
            if (score == bestScore && best.size() < 10_000) {
                best.add(combination.clone());
            }
        }
        return best;
    }

    private static long product(List<List<Integer>> options) {
        long product = 1;
        for (List<Integer> o : options) {
            product *= Math.max(1, o.size());
            if (product > MAX_COMBINATIONS) {
                return product;
            }
        }
        return product;
    }

    /** The cells of every identity the combination breaks: where the columns cannot vouch for a reading. */
    private Set<Slot> brokenSlots(List<List<List<MaterialReadings.ReadCell>>> candidates, int[] combination,
                                  List<List<Slot>> slotsOf) {
        Map<Slot, BigDecimal> values = values(candidates, combination, slotsOf);
        Set<Slot> broken = new java.util.HashSet<>();
        for (Instance instance : instances) {
            if (evaluate(instance, values) == IdentityCheck.Outcome.BROKEN) {
                broken.addAll(instance.lhs());
                broken.addAll(instance.rhs());
            }
        }
        return broken;
    }

    private static Map<Slot, BigDecimal> values(List<List<List<MaterialReadings.ReadCell>>> candidates,
                                                int[] combination, List<List<Slot>> slotsOf) {
        Map<Slot, BigDecimal> values = new HashMap<>();
        for (int s = 0; s < candidates.size(); s++) {
            if (candidates.get(s).isEmpty()) {
                continue;
            }
            List<MaterialReadings.ReadCell> reading = candidates.get(s).get(combination[s]);
            List<Slot> slots = slotsOf.get(s);
            for (int c = 0; c < slots.size(); c++) {
                if (reading.get(c).value() != null) {
                    values.put(slots.get(c), reading.get(c).value());
                }
            }
        }
        return values;
    }

    /**
     * Whether an identity holds: null when it cannot be checked (its left side is missing or blank,
     * or its right side has no value at all), as the validator skips it.
     */
    private static IdentityCheck.Outcome evaluate(Instance instance, Map<Slot, BigDecimal> values) {
        List<BigDecimal> lhs = new ArrayList<>(instance.lhs().size());
        for (Slot slot : instance.lhs()) {
            lhs.add(values.get(slot));
        }
        List<BigDecimal> rhs = new ArrayList<>(instance.rhs().size());
        for (Slot slot : instance.rhs()) {
            rhs.add(values.get(slot));
        }
        return IdentityCheck.check(instance.rule().relation(), lhs, true, rhs);
    }

    private List<Instance> localInstances(Segment segment) {
        Set<Slot> own = new java.util.HashSet<>(segment.slots());
        return instances.stream().filter(i -> own.containsAll(i.lhs()) && own.containsAll(i.rhs())).toList();
    }

    /** Identities of the segment's own cells that hold, less those that fail. */
    private static int localScore(List<Instance> local, Segment segment, List<MaterialReadings.ReadCell> reading) {
        Map<Slot, BigDecimal> values = new HashMap<>();
        for (int c = 0; c < segment.slots().size(); c++) {
            if (reading.get(c).value() != null) {
                values.put(segment.slots().get(c), reading.get(c).value());
            }
        }
        int score = 0;
        for (Instance instance : local) {
            score += evaluate(instance, values).score();
        }
        return score;
    }

    private static List<Instance> instances(TableTemplate table, List<IdentityRule> rules) {
        List<Instance> instances = new ArrayList<>();
        List<TableTemplate.Row> rows = table.rows();
        for (IdentityRule rule : rules) {
            if (rule.scope() == IdentityRule.Scope.EACH_ROW) {
                for (int r = 0; r < rows.size(); r++) {
                    List<Slot> lhs = columnSlots(rows.get(r), r, rule.lhs());
                    List<Slot> rhs = columnSlots(rows.get(r), r, rule.rhs());
                    if (!lhs.isEmpty() && !rhs.isEmpty() && covers(rows.get(r), rule.lhs()) && covers(rows.get(r), rule.rhs())) {
                        instances.add(new Instance(rule, lhs, rhs));
                    }
                }
            } else {
                Set<String> columns = new LinkedHashSet<>();
                rows.forEach(row -> row.columns().forEach(c -> columns.add(c.code())));
                for (String column : columns) {
                    List<Slot> lhs = rowSlots(rows, column, rule.lhs());
                    List<Slot> rhs = rowSlots(rows, column, rule.rhs());
                    if (!lhs.isEmpty() && !rhs.isEmpty()) {
                        instances.add(new Instance(rule, lhs, rhs));
                    }
                }
            }
        }
        return instances;
    }

    private static boolean covers(TableTemplate.Row row, List<String> terms) {
        return terms.stream().allMatch(t -> row.columns().stream().anyMatch(c -> IdentityRule.names(t, c.code())));
    }

    private static List<Slot> columnSlots(TableTemplate.Row row, int r, List<String> terms) {
        List<Slot> slots = new ArrayList<>();
        for (int c = 0; c < row.columns().size(); c++) {
            for (String term : terms) {
                if (IdentityRule.names(term, row.columns().get(c).code())) {
                    slots.add(new Slot(r, c));
                }
            }
        }
        return slots;
    }

    private static List<Slot> rowSlots(List<TableTemplate.Row> rows, String column, List<String> terms) {
        List<Slot> slots = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (String term : terms) {
                if (IdentityRule.names(term, rows.get(r).code())) {
                    for (int c = 0; c < rows.get(r).columns().size(); c++) {
                        if (rows.get(r).columns().get(c).code().equals(column)) {
                            slots.add(new Slot(r, c));
                        }
                    }
                }
            }
        }
        return slots;
    }

    private String rowLabel(Segment segment) {
        Set<String> labels = new LinkedHashSet<>();
        for (Slot slot : segment.slots()) {
            labels.add(table.rows().get(slot.row()).label());
        }
        return labels.size() == 1 ? "row " + labels.iterator().next() : "table " + table.code();
    }

    private Finding finding(FindingRule rule, Segment segment, Slot slot, String expected, String actual,
                            String message) {
        Slot anchor = slot != null ? slot : segment.slots().get(0);
        boolean oneRow = segment.slots().stream().allMatch(s -> s.row() == anchor.row());
        String rowCode = slot != null || oneRow ? table.rows().get(anchor.row()).code() : null;
        String columnCode = slot != null ? table.rows().get(slot.row()).columns().get(slot.column()).code() : null;
        return Finding.of(rule)
                .table(table.code())
                .row(rowCode)
                .column(columnCode)
                .expected(expected)
                .actual(actual)
                .message(message);
    }

    private static String show(MaterialReadings.ReadCell cell) {
        return cell.value() == null ? "blank" : CellValue.plain(cell.value());
    }

    private static String readingsText(List<List<MaterialReadings.ReadCell>> readings, List<Integer> options) {
        List<String> texts = new ArrayList<>();
        for (int option : options) {
            texts.add(String.join(" ", readings.get(option).stream().map(TableSolver::show).toList()));
        }
        return String.join(" | ", texts);
    }

    /**
     * Scores combinations fast: only identities that touch a segment with a choice are evaluated,
     * on values scaled to millionths in longs (the combination loop runs up to
     * {@link #MAX_COMBINATIONS} times).
     */
    private static final class CombinationScore {
        private static final int SCALE = 6;
        private static final long LIMIT = 1_000_000_000_000_000L;

        /** value[segment][option][column], scaled; NULL where the cell has no number */
        private final long[][][] values;
        private final int[][] lhsSegment;
        private final int[][] lhsColumn;
        private final int[][] rhsSegment;
        private final int[][] rhsColumn;
        private final IdentityRule.Relation[] relations;
        private static final long NULL = Long.MIN_VALUE;

        private CombinationScore(long[][][] values, List<int[][]> terms, List<IdentityRule.Relation> relations) {
            this.values = values;
            int n = relations.size();
            this.lhsSegment = new int[n][];
            this.lhsColumn = new int[n][];
            this.rhsSegment = new int[n][];
            this.rhsColumn = new int[n][];
            for (int i = 0; i < n; i++) {
                int[][] t = terms.get(i);
                lhsSegment[i] = t[0];
                lhsColumn[i] = t[1];
                rhsSegment[i] = t[2];
                rhsColumn[i] = t[3];
            }
            this.relations = relations.toArray(IdentityRule.Relation[]::new);
        }

        static CombinationScore of(List<Instance> instances, List<List<List<MaterialReadings.ReadCell>>> candidates,
                                   List<List<Integer>> allowed, List<List<Slot>> slotsOf) {
            Map<Slot, int[]> owner = new HashMap<>();
            for (int s = 0; s < slotsOf.size(); s++) {
                for (int c = 0; c < slotsOf.get(s).size(); c++) {
                    owner.put(slotsOf.get(s).get(c), new int[] {s, c});
                }
            }
            long[][][] values = new long[candidates.size()][][];
            for (int s = 0; s < candidates.size(); s++) {
                values[s] = new long[candidates.get(s).size()][];
                for (int o = 0; o < candidates.get(s).size(); o++) {
                    List<MaterialReadings.ReadCell> reading = candidates.get(s).get(o);
                    values[s][o] = new long[reading.size()];
                    for (int c = 0; c < reading.size(); c++) {
                        BigDecimal v = reading.get(c).value();
                        if (v == null) {
                            values[s][o][c] = NULL;
                            continue;
                        }
                        if (v.scale() > SCALE || v.abs().compareTo(BigDecimal.valueOf(LIMIT / 1_000_000L)) >= 0) {
                            return null;
                        }
                        values[s][o][c] = v.movePointRight(SCALE).longValueExact();
                    }
                }
            }
            List<int[][]> terms = new ArrayList<>();
            List<IdentityRule.Relation> relations = new ArrayList<>();
            for (Instance instance : instances) {
                int[][] lhs = resolve(instance.lhs(), owner, candidates);
                int[][] rhs = resolve(instance.rhs(), owner, candidates);
                boolean varies = false;
                for (int[][] side : List.of(lhs, rhs)) {
                    for (int seg : side[0]) {
                        varies |= seg >= 0 && allowed.get(seg).size() > 1;
                    }
                }
                if (varies) {
                    terms.add(new int[][] {lhs[0], lhs[1], rhs[0], rhs[1]});
                    relations.add(instance.rule().relation());
                }
            }
            return new CombinationScore(values, terms, relations);
        }

        /** The (segment, column) of each slot that some reading fills; slots of unread rows drop out (they count as 0). */
        private static int[][] resolve(List<Slot> slots, Map<Slot, int[]> owner,
                                       List<List<List<MaterialReadings.ReadCell>>> candidates) {
            List<int[]> found = new ArrayList<>();
            boolean missingLhsTerm = false;
            for (Slot slot : slots) {
                int[] o = owner.get(slot);
                if (o != null && !candidates.get(o[0]).isEmpty()) {
                    found.add(o);
                } else {
                    missingLhsTerm = true;
                }
            }
            int[][] out = new int[2][found.size() + (missingLhsTerm ? 1 : 0)];
            for (int i = 0; i < found.size(); i++) {
                out[0][i] = found.get(i)[0];
                out[1][i] = found.get(i)[1];
            }
            if (missingLhsTerm) {
                out[0][found.size()] = -1; // marks an unread slot: a left side with one is never checked
            }
            return out;
        }

        int score(int[] combination) {
            int score = 0;
            for (int i = 0; i < relations.length; i++) {
                long lhs = 0;
                boolean checkable = true;
                for (int t = 0; t < lhsSegment[i].length; t++) {
                    int seg = lhsSegment[i][t];
                    long v = seg < 0 ? NULL : values[seg][combination[seg]][lhsColumn[i][t]];
                    if (v == NULL) {
                        checkable = false;
                        break;
                    }
                    lhs += v;
                }
                long rhs = 0;
                int valued = 0;
                for (int t = 0; checkable && t < rhsSegment[i].length; t++) {
                    int seg = rhsSegment[i][t];
                    long v = seg < 0 ? NULL : values[seg][combination[seg]][rhsColumn[i][t]];
                    if (v != NULL) {
                        rhs += v;
                        valued++;
                    }
                }
                score += IdentityCheck.decide(relations[i], checkable, lhs, valued, rhs).score();
            }
            return score;
        }
    }
}
