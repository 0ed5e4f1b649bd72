package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses among the segments' readings with the table's column identities: every combination of
 * one reading per segment is scored ({@link CombinationScore}), and those with the most identities
 * kept, and among them the least assumed, are the best. A run such as {@code 270020130} often has
 * two readings that keep its own row; only the column sums tell them apart.
 */
final class CombinationSearch {

    /** At most this many best combinations are kept (they only serve to list a cell's possible values). */
    private static final int MAX_BEST = 10_000;

    private final List<PlacedIdentity> identities;
    private final List<List<List<MaterialReadings.ReadCell>>> candidates;
    private final List<List<Integer>> costs;
    private final List<List<TableSolver.Slot>> slotsOf;

    CombinationSearch(List<PlacedIdentity> identities, List<SegmentReadings> segments,
                      List<List<TableSolver.Slot>> slotsOf) {
        this.identities = identities;
        this.candidates = segments.stream().map(SegmentReadings::readings).toList();
        this.costs = segments.stream().map(SegmentReadings::costs).toList();
        this.slotsOf = slotsOf;
    }

    /** The combinations of readings with the most identities kept, or null when not searched (too many). */
    List<int[]> best() {
        return best(Map.of());
    }

    /**
     * The best combinations among those where each segment of {@code fixed} has the reading it maps
     * to (a reading the report's prose decided), or null when not searched.
     */
    List<int[]> best(Map<Integer, Integer> fixed) {
        List<List<Integer>> allowed = new ArrayList<>();
        for (int s = 0; s < costs.size(); s++) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < costs.get(s).size(); i++) {
                all.add(i);
            }
            allowed.add(fixed.containsKey(s) ? List.of(fixed.get(s)) : all);
        }
        if (product(allowed) > TableSolver.MAX_COMBINATIONS) {
            // too many: keep each segment's readings that assume the least
            allowed.clear();
            for (int s = 0; s < costs.size(); s++) {
                List<Integer> c = costs.get(s);
                int min = c.stream().min(Integer::compare).orElse(0);
                List<Integer> cheapest = new ArrayList<>();
                for (int i = 0; i < c.size(); i++) {
                    if (c.get(i) == min) {
                        cheapest.add(i);
                    }
                }
                allowed.add(fixed.containsKey(s) ? List.of(fixed.get(s)) : cheapest);
            }
            if (product(allowed) > TableSolver.MAX_COMBINATIONS) {
                return null;
            }
        }
        int segments = candidates.size();
        long product = product(allowed);
        CombinationScore scorer = CombinationScore.of(identities, candidates, allowed, slotsOf);
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
            if (score == bestScore && best.size() < MAX_BEST) {
                best.add(combination.clone());
            }
        }
        return best;
    }

    /** The cells of every identity the combination breaks: where the columns cannot vouch for a reading. */
    Set<TableSolver.Slot> brokenSlots(int[] combination) {
        Map<TableSolver.Slot, BigDecimal> values = values(combination);
        Set<TableSolver.Slot> broken = new HashSet<>();
        for (PlacedIdentity identity : identities) {
            if (identity.check(values) == IdentityCheck.Outcome.BROKEN) {
                broken.addAll(identity.lhs());
                broken.addAll(identity.rhs());
            }
        }
        return broken;
    }

    /** The number of each slot in the combination (slots of blank cells and unread segments have none). */
    Map<TableSolver.Slot, BigDecimal> values(int[] combination) {
        Map<TableSolver.Slot, BigDecimal> values = new HashMap<>();
        for (int s = 0; s < candidates.size(); s++) {
            if (candidates.get(s).isEmpty()) {
                continue;
            }
            List<MaterialReadings.ReadCell> reading = candidates.get(s).get(combination[s]);
            List<TableSolver.Slot> slots = slotsOf.get(s);
            for (int c = 0; c < slots.size(); c++) {
                if (reading.get(c).value() != null) {
                    values.put(slots.get(c), reading.get(c).value());
                }
            }
        }
        return values;
    }

    private static long product(List<List<Integer>> options) {
        long product = 1;
        for (List<Integer> o : options) {
            product *= Math.max(1, o.size());
            if (product > TableSolver.MAX_COMBINATIONS) {
                return product;
            }
        }
        return product;
    }
}
