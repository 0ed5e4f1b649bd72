package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The readings of one segment that its own row's identities leave: those that keep the most of the
 * identities among the segment's cells, and among those each with the cost of what it assumes (an
 * empty or missing cell). Digits are split only where the material has no line or cell break (a
 * break shows that the cells kept their boundaries) and, in a row without identities, only within
 * one gapless run. With more numbers than cells, the readings are windows of the numbers.
 *
 * @param readings the readings kept, each a list of cells in the segment's slot order
 * @param costs    what each reading assumes, in the same order
 * @param extra    the material has more numbers than the segment has cells: the readings are windows of it
 * @param narrowed the row's own identities ruled readings out: those kept are not the only ones the material allows
 */
record SegmentReadings(List<List<MaterialReadings.ReadCell>> readings, List<Integer> costs, boolean extra,
                       boolean narrowed) {

    static final SegmentReadings NONE = new SegmentReadings(List.of(), List.of(), false, false);

    SegmentReadings {
        readings = List.copyOf(readings);
        costs = List.copyOf(costs);
    }

    /** The readings of the segment under the table's identities (only those within the segment count). */
    static SegmentReadings of(TableSolver.Segment segment, List<PlacedIdentity> identities) {
        int n = segment.slots().size();
        List<LabelStream.Atom> atoms = segment.atoms();
        if (atoms.isEmpty()) {
            return NONE;
        }
        List<PlacedIdentity> local = local(segment, identities);
        if (MaterialReadings.minCells(atoms) > n) {
            List<List<MaterialReadings.ReadCell>> windows = windows(segment, local);
            return new SegmentReadings(windows, windows.stream().map(w -> 0).toList(), !windows.isEmpty(), false);
        }
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
            return NONE;
        }
        int bestScore = Integer.MIN_VALUE;
        int[] scores = new int[readings.size()];
        boolean weak = isLoneRunWithoutSums(segment, identities);
        for (int r = 0; r < readings.size(); r++) {
            scores[r] = localScore(local, segment, readings.get(r).cells(), weak);
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
        return new SegmentReadings(kept, costs, false, kept.size() < readings.size());
    }

    boolean isEmpty() {
        return readings.isEmpty();
    }

    /**
     * Whether the reading gives more numbers than the material prints numbers: it splits a run of digits
     * ({@code 213} read as 2 and 13).
     */
    static boolean splitsARun(TableSolver.Segment segment, List<MaterialReadings.ReadCell> reading) {
        long printed = segment.atoms().stream().filter(a -> a.kind() == LabelStream.AtomKind.DIGITS
                || a.kind() == LabelStream.AtomKind.NUMBER).count();
        long read = reading.stream().filter(c -> c.value() != null).count();
        return read > printed;
    }

    /** Whether some of the given readings assumes an empty or missing cell. */
    boolean assumesACell(Iterable<Integer> options) {
        for (int option : options) {
            if (costs.get(option) > 0) {
                return true;
            }
        }
        return false;
    }

    /** More numbers than cells: the contiguous windows of them that fill the cells and keep the row's identities. */
    private static List<List<MaterialReadings.ReadCell>> windows(TableSolver.Segment segment, List<PlacedIdentity> local) {
        int n = segment.slots().size();
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

    /** The identities among the segment's own cells. */
    private static List<PlacedIdentity> local(TableSolver.Segment segment, List<PlacedIdentity> identities) {
        java.util.Set<TableSolver.Slot> own = new HashSet<>(segment.slots());
        return identities.stream().filter(i -> i.within(own)).toList();
    }

    /**
     * Whether the segment is one run of digits printed apart from its label (its own line or cell, {@code 1813}) in a
     * row that no sum touches and a running total does: its only identity is a running total no smaller than the year, which most splits keep
     * ({@code 1 813}) and which the whole run with its other cell not printed ({@code 1813} and nothing) leaves
     * unchecked. Such a split is no more likely than the missing cell, so neither is chosen (issue 26: a legacy table
     * with a cell dropped was read {@code 1 813}, unflagged).
     */
    static boolean isLoneRunWithoutSums(TableSolver.Segment segment, List<PlacedIdentity> identities) {
        List<LabelStream.Atom> atoms = segment.atoms();
        if (atoms.size() != 1 || atoms.get(0).kind() != LabelStream.AtomKind.DIGITS
                || atoms.get(0).gap() == LabelStream.Gap.NONE || atoms.get(0).digits().length() < 2) {
            return false;
        }
        boolean runningTotal = false;
        for (PlacedIdentity identity : identities) {
            if (segment.slots().stream().noneMatch(s -> identity.lhs().contains(s) || identity.rhs().contains(s))) {
                continue;
            }
            if (identity.rule().relation() == IdentityRule.Relation.EQUALS) {
                return false;
            }
            runningTotal = true;
        }
        return runningTotal;
    }

    /**
     * Identities of the segment's own cells that hold, less those that fail; for a {@code weak} segment a running
     * total that holds counts nothing (it rules readings out, it does not vouch for one).
     */
    private static int localScore(List<PlacedIdentity> local, TableSolver.Segment segment,
                                  List<MaterialReadings.ReadCell> reading) {
        return localScore(local, segment, reading, false);
    }

    private static int localScore(List<PlacedIdentity> local, TableSolver.Segment segment,
                                  List<MaterialReadings.ReadCell> reading, boolean weak) {
        Map<TableSolver.Slot, BigDecimal> values = new HashMap<>();
        for (int c = 0; c < segment.slots().size(); c++) {
            if (reading.get(c).value() != null) {
                values.put(segment.slots().get(c), reading.get(c).value());
            }
        }
        int score = 0;
        for (PlacedIdentity identity : local) {
            IdentityCheck.Outcome outcome = identity.check(values);
            score += weak && outcome == IdentityCheck.Outcome.HOLDS
                    && identity.rule().relation() == IdentityRule.Relation.AT_LEAST ? 0 : outcome.score();
        }
        return score;
    }
}
