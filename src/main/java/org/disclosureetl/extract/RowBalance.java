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

    /** True when the values (in column order) satisfy every identity that covers these columns, and one does. */
    boolean holds(List<TableTemplate.Column> columns, List<BigDecimal> values) {
        boolean checked = false;
        for (IdentityRule rule : rules) {
            if (!covers(rule, columns)) {
                continue;
            }
            checked = true;
            if (sum(rule.lhs(), columns, values).compareTo(sum(rule.rhs(), columns, values)) != 0) {
                return false;
            }
        }
        return checked;
    }

    private static boolean covers(IdentityRule rule, List<TableTemplate.Column> columns) {
        return rule.lhs().stream().allMatch(t -> columns.stream().anyMatch(c -> IdentityRule.names(t, c.code())))
                && rule.rhs().stream().allMatch(t -> columns.stream().anyMatch(c -> IdentityRule.names(t, c.code())));
    }

    private static BigDecimal sum(List<String> terms, List<TableTemplate.Column> columns, List<BigDecimal> values) {
        BigDecimal total = BigDecimal.ZERO;
        for (int c = 0; c < columns.size(); c++) {
            for (String term : terms) {
                if (IdentityRule.names(term, columns.get(c).code()) && values.get(c) != null) {
                    total = total.add(values.get(c));
                }
            }
        }
        return total;
    }
}
