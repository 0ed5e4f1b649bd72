package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.List;

/**
 * The one rule for evaluating an accounting identity ({@link IdentityRule}), used by the validator,
 * the solver and the row reader alike, so that what the extractor accepts the validator accepts:
 * <ul>
 *   <li>the left side is checkable only when each of its terms names a cell and every such cell has a
 *       number: a blank or missing total is "not reported", never 0;</li>
 *   <li>on the right side blank cells count as 0 (a dash means none), but a right side without any
 *       number cannot be checked;</li>
 *   <li>{@link IdentityRule.Relation#EQUALS} needs equality, {@link IdentityRule.Relation#AT_LEAST}
 *       a left side no smaller than the right.</li>
 * </ul>
 * The solver's inner loop sums values scaled to longs itself and decides with {@link #decide(IdentityRule.Relation,
 * boolean, long, int, long)}; {@code IdentityCheckTest} proves both forms give the same outcome.
 */
public final class IdentityCheck {

    /** What an identity says of some values. */
    public enum Outcome {
        HOLDS, BROKEN, UNCHECKABLE;

        /** +1 for an identity kept, -1 for one broken, 0 for one that cannot be checked (the solver's score). */
        public int score() {
            return this == HOLDS ? 1 : this == BROKEN ? -1 : 0;
        }
    }

    private IdentityCheck() {
    }

    /**
     * @param lhs         the numbers of the left side's cells, null for a blank cell
     * @param lhsComplete false when a term of the left side names no cell at all
     * @param rhs         the numbers of the right side's cells, null for a blank cell
     */
    public static Outcome check(IdentityRule.Relation relation, List<BigDecimal> lhs, boolean lhsComplete,
                                List<BigDecimal> rhs) {
        boolean lhsCheckable = lhsComplete && !lhs.isEmpty();
        BigDecimal left = BigDecimal.ZERO;
        for (BigDecimal v : lhs) {
            if (v == null) {
                lhsCheckable = false;
                break;
            }
            left = left.add(v);
        }
        BigDecimal right = BigDecimal.ZERO;
        int valued = 0;
        for (BigDecimal v : rhs) {
            if (v != null) {
                right = right.add(v);
                valued++;
            }
        }
        return decide(relation, lhsCheckable, left, valued, right);
    }

    /** The outcome of sides already summed: {@code rhsValued} is how many right-side cells had a number. */
    public static Outcome decide(IdentityRule.Relation relation, boolean lhsCheckable, BigDecimal lhs, int rhsValued,
                                 BigDecimal rhs) {
        if (!lhsCheckable || rhsValued == 0) {
            return Outcome.UNCHECKABLE;
        }
        return relation.holds(lhs, rhs) ? Outcome.HOLDS : Outcome.BROKEN;
    }

    /** The same on values scaled to longs (the solver's combination loop). */
    public static Outcome decide(IdentityRule.Relation relation, boolean lhsCheckable, long lhs, int rhsValued,
                                 long rhs) {
        if (!lhsCheckable || rhsValued == 0) {
            return Outcome.UNCHECKABLE;
        }
        boolean holds = relation == IdentityRule.Relation.EQUALS ? lhs == rhs : lhs >= rhs;
        return holds ? Outcome.HOLDS : Outcome.BROKEN;
    }
}
