package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many of a table's identities a combination of readings (one per segment) keeps, less those it
 * breaks: the score the {@link CombinationSearch} maximizes. Fast, because the search calls it up to
 * {@link TableSolver#MAX_COMBINATIONS} times: only identities that touch a segment with a choice are
 * evaluated, on values scaled to millionths in longs, and decided by the one evaluator's long form
 * ({@link IdentityCheck#decide(IdentityRule.Relation, boolean, long, int, long)}), so that it agrees
 * with {@link PlacedIdentity#check} (CombinationScoreTest).
 */
final class CombinationScore {

    private static final int SCALE = 6;
    private static final long LIMIT = 1_000_000_000_000_000L;
    private static final long NULL = Long.MIN_VALUE;

    /** value[segment][option][column], scaled; NULL where the cell has no number */
    private final long[][][] values;
    private final int[][] lhsSegment;
    private final int[][] lhsColumn;
    private final int[][] rhsSegment;
    private final int[][] rhsColumn;
    private final IdentityRule.Relation[] relations;

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

    /**
     * The scorer of combinations of {@code candidates} (readings per segment) where segment {@code s}
     * chooses among {@code allowed.get(s)}; null when a value is too large or too precise to add up
     * exactly in a long.
     */
    static CombinationScore of(List<PlacedIdentity> identities, List<List<List<MaterialReadings.ReadCell>>> candidates,
                               List<List<Integer>> allowed, List<List<TableSolver.Slot>> slotsOf) {
        Map<TableSolver.Slot, int[]> owner = new HashMap<>();
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
        for (PlacedIdentity identity : identities) {
            int[][] lhs = resolve(identity.lhs(), owner, candidates);
            int[][] rhs = resolve(identity.rhs(), owner, candidates);
            boolean varies = false;
            for (int[][] side : List.of(lhs, rhs)) {
                for (int seg : side[0]) {
                    varies |= seg >= 0 && allowed.get(seg).size() > 1;
                }
            }
            if (varies) {
                terms.add(new int[][] {lhs[0], lhs[1], rhs[0], rhs[1]});
                relations.add(identity.rule().relation());
            }
        }
        return new CombinationScore(values, terms, relations);
    }

    /** The (segment, column) of each slot that some reading fills; slots of unread rows drop out (they count as 0). */
    private static int[][] resolve(List<TableSolver.Slot> slots, Map<TableSolver.Slot, int[]> owner,
                                   List<List<List<MaterialReadings.ReadCell>>> candidates) {
        List<int[]> found = new ArrayList<>();
        boolean missingLhsTerm = false;
        for (TableSolver.Slot slot : slots) {
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

    /** Identities kept less identities broken, of those that touch a segment with a choice. */
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
