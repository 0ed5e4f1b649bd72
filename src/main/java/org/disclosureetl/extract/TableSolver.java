package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns the numbers of a flattened table to its cells by solving the table as a whole. Each
 * segment of material (a row's, or for a run layout the whole table's) has its readings; the row's
 * own identities narrow them ({@link SegmentReadings}), then the column identities choose among the
 * combinations of all rows at once ({@link CombinationSearch}), because a run such as
 * {@code 270020130} often has two readings that satisfy its own row and only the column sums tell
 * them apart. A cell is given a value only when every best combination agrees on it, or when the
 * report's prose names one reading's number; otherwise it is left empty and the finding lists the
 * candidates ({@link SegmentFindings}). No value is better than a wrong one.
 */
final class TableSolver {

    /** Past this many combinations the column identities are not searched. */
    static final int MAX_COMBINATIONS = 200_000;

    private final TableTemplate table;
    private final List<PlacedIdentity> identities;
    private final ProseEvidence prose;
    private final SegmentFindings findings;

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

        /** The number of every slot that got one (blank and undecided cells have none). */
        Map<Slot, BigDecimal> values() {
            Map<Slot, BigDecimal> values = new HashMap<>();
            cells.forEach((slot, cell) -> {
                if (cell.value() != null) {
                    values.put(slot, cell.value());
                }
            });
            return values;
        }
    }

    /** How many of the table's identities the values break. */
    int broken(Map<Slot, BigDecimal> values) {
        int broken = 0;
        for (PlacedIdentity identity : identities) {
            broken += identity.check(values) == IdentityCheck.Outcome.BROKEN ? 1 : 0;
        }
        return broken;
    }

    TableSolver(TableTemplate table, List<IdentityRule> rules, ProseEvidence prose) {
        this(table, prose, PlacedIdentity.placeAll(table, rules));
    }

    /** @param identities the table's identities placed on its cells ({@link PlacedIdentity#placeAll}), placed once */
    TableSolver(TableTemplate table, ProseEvidence prose, List<PlacedIdentity> identities) {
        this.table = table;
        this.prose = prose;
        this.identities = identities;
        this.findings = new SegmentFindings(table);
    }

    Solution solve(List<Segment> segments) {
        List<Finding> found = new ArrayList<>();
        List<SegmentReadings> candidates = new ArrayList<>();
        for (Segment segment : segments) {
            candidates.add(SegmentReadings.of(segment, identities));
        }
        CombinationSearch search = new CombinationSearch(identities, candidates,
                segments.stream().map(Segment::slots).toList());
        List<int[]> best = search.best();
        Set<Slot> unbalanced = best == null || best.isEmpty() ? Set.of() : search.brokenSlots(best.get(0));
        // the reading of every segment decided so far that has one: a search again keeps them
        Map<Integer, Integer> settled = new HashMap<>();

        Map<Slot, MaterialReadings.ReadCell> cells = new HashMap<>();
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            SegmentReadings segmentReadings = candidates.get(s);
            List<List<MaterialReadings.ReadCell>> readings = segmentReadings.readings();
            if (readings.isEmpty()) {
                found.add(findings.unreadable(segment));
                continue;
            }
            Set<Integer> used = new LinkedHashSet<>();
            boolean balanced = segment.slots().stream().noneMatch(unbalanced::contains);
            if (best == null || !balanced && readings.size() > 1
                    || readings.size() > 1 && SegmentReadings.isLoneRunWithoutSums(segment, identities)) {
                // without a combination that keeps every identity, the columns cannot choose among readings; nor
                // for a lone run only a running total touches: its split and its whole with a cell left out are
                // equally likely, whatever the cost of the assumption (SegmentReadings.isLoneRunWithoutSums)
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
                    settled.put(s, chosen);
                    if (best != null) {
                        int index = s;
                        List<int[]> keeping = best.stream().filter(c -> c[index] == chosen).toList();
                        if (keeping.isEmpty()) {
                            // the columns vouched for no reading here and the prose chose one no best combination
                            // has: the segments after it are chosen again with it (issue 26), never from nothing
                            best = search.best(settled);
                            if (best != null) {
                                unbalanced = union(unbalanced, search.brokenSlots(best.get(0)));
                            }
                        } else {
                            best = keeping;
                        }
                    }
                }
            }
            if (used.size() == 1) {
                settled.put(s, used.iterator().next());
            }
            decide(segment, segmentReadings, List.copyOf(used), decidedBy, cells, found);
        }
        found.addAll(uncheckedSplits(segments, candidates, cells));
        return new Solution(cells, found);
    }

    /**
     * The splits that nothing checks: a segment whose one reading splits a run of digits, kept because its row's
     * own identities ruled the other splits out ({@code 213} read as 2 and 13 because the running total 13 is no
     * smaller than the year), while no equality (a column or row sum) with every cell read covers one of its
     * numbers. A running total rules splits out but does not vouch for the one left, and a sum whose total was
     * left ambiguous checks nothing (issue 26: such cells came out wrong and unflagged). A split the material
     * forces (one reading only) and one a checked sum confirms or refutes (the validator flags a broken sum) are
     * not doubted here; the rest get a split finding that says nothing checks them.
     */
    private List<Finding> uncheckedSplits(List<Segment> segments, List<SegmentReadings> candidates,
                                          Map<Slot, MaterialReadings.ReadCell> cells) {
        Map<Slot, BigDecimal> values = new Solution(cells, List.of()).values();
        List<Finding> unchecked = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            SegmentReadings readings = candidates.get(s);
            if (readings.readings().size() != 1 || !readings.narrowed() || readings.extra()
                    || !SegmentReadings.splitsARun(segment, readings.readings().get(0))) {
                continue;
            }
            List<MaterialReadings.ReadCell> reading = readings.readings().get(0);
            boolean everyNumberChecked = true;
            for (int c = 0; c < segment.slots().size(); c++) {
                Slot slot = segment.slots().get(c);
                if (reading.get(c).value() != null && !checkedBySum(slot, values)) {
                    everyNumberChecked = false;
                }
            }
            if (!everyNumberChecked) {
                unchecked.add(findings.split(segment, readings.readings(), List.of(0),
                        "its row's own identities alone; no sum of the table checks it (unconfirmed)"));
            }
        }
        return unchecked;
    }

    /** Whether an equality with all its cells read, holding or broken, includes the slot. */
    private boolean checkedBySum(Slot slot, Map<Slot, BigDecimal> values) {
        for (PlacedIdentity identity : identities) {
            if (identity.rule().relation() == IdentityRule.Relation.EQUALS
                    && (identity.lhs().contains(slot) || identity.rhs().contains(slot))
                    && identity.check(values) != IdentityCheck.Outcome.UNCHECKABLE) {
                return true;
            }
        }
        return false;
    }

    private static Set<Slot> union(Set<Slot> a, Set<Slot> b) {
        if (a.containsAll(b)) {
            return a;
        }
        Set<Slot> both = new HashSet<>(a);
        both.addAll(b);
        return both;
    }

    /** The segment's cells from the readings still possible ({@code options}), and the findings they call for. */
    private void decide(Segment segment, SegmentReadings segmentReadings, List<Integer> options, String decidedBy,
                        Map<Slot, MaterialReadings.ReadCell> cells, List<Finding> found) {
        List<List<MaterialReadings.ReadCell>> readings = segmentReadings.readings();
        List<MaterialReadings.ReadCell> first = readings.get(options.get(0));
        boolean anyUndecided = false;
        for (int c = 0; c < segment.slots().size(); c++) {
            Slot slot = segment.slots().get(c);
            Set<String> values = new LinkedHashSet<>();
            for (int option : options) {
                values.add(SegmentFindings.show(readings.get(option).get(c)));
            }
            if (values.size() == 1) {
                cells.put(slot, first.get(c));
                if (first.get(c).printedEmpty()) {
                    TableTemplate.Row row = table.rows().get(slot.row());
                    found.add(RowCellAssignment.blankCell(table, row, row.columns().get(slot.column())));
                }
                if (first.get(c).annotated()) {
                    found.add(findings.annotated(segment, slot, first.get(c)));
                }
            } else {
                anyUndecided = true;
                cells.put(slot, new MaterialReadings.ReadCell(null, segment.raw(), false, false, null,
                        first.get(c).where()));
                found.add(findings.ambiguous(segment, slot, c, readings, options));
            }
        }
        if (segmentReadings.assumesACell(options)) {
            found.add(findings.fewerNumbers(segment, readings, options));
        }
        if (segmentReadings.extra()) {
            found.add(findings.moreNumbers(segment, anyUndecided, readings, options));
        } else if (!anyUndecided && readings.size() > 1) {
            found.add(findings.split(segment, readings, options, decidedBy));
        }
    }
}
