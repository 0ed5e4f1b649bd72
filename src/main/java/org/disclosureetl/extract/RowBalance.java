package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.List;

/**
 * The row-wise identities of one table (e.g. 总计 = the six applicant columns), used by the
 * extractor to choose between readings of a damaged row. A row without such an identity can never
 * be repaired, only flagged.
 */
final class RowBalance {

    private final List<IdentityRule> rules;

    RowBalance(List<IdentityRule> rules) {
        this.rules = rules.stream().filter(r -> r.scope() == IdentityRule.Scope.EACH_ROW).toList();
    }

    boolean appliesTo(List<TableTemplate.Column> columns) {
        return rules.stream().anyMatch(rule -> covers(rule, columns));
    }

    /**
     * True when the values (in column order) break no identity that covers these columns, and at least
     * one of them can be checked and holds ({@link IdentityCheck}: a blank total checks nothing).
     */
    boolean holds(List<TableTemplate.Column> columns, List<BigDecimal> values) {
        boolean checked = false;
        for (IdentityRule rule : rules) {
            if (!covers(rule, columns)) {
                continue;
            }
            IdentityCheck.Outcome outcome = IdentityCheck.check(rule.relation(), side(rule.lhs(), columns, values), true,
                    side(rule.rhs(), columns, values));
            if (outcome == IdentityCheck.Outcome.BROKEN) {
                return false;
            }
            checked |= outcome == IdentityCheck.Outcome.HOLDS;
        }
        return checked;
    }

    private static boolean covers(IdentityRule rule, List<TableTemplate.Column> columns) {
        return rule.lhs().stream().allMatch(t -> columns.stream().anyMatch(c -> IdentityRule.names(t, c.code())))
                && rule.rhs().stream().allMatch(t -> columns.stream().anyMatch(c -> IdentityRule.names(t, c.code())));
    }

    /** The values of the columns a side's terms name, in column order (null for a blank). */
    private static List<BigDecimal> side(List<String> terms, List<TableTemplate.Column> columns, List<BigDecimal> values) {
        List<BigDecimal> side = new java.util.ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            for (String term : terms) {
                if (IdentityRule.names(term, columns.get(c).code())) {
                    side.add(values.get(c));
                }
            }
        }
        return side;
    }
}
