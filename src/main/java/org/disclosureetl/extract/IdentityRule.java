package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.List;

/**
 * One accounting identity from {@code templates/identities.csv}: lhs terms sum to rhs terms
 * (or, for {@link Relation#AT_LEAST}, to no more than the lhs).
 *
 * @param scope   {@link Scope#EACH_ROW}: terms are column codes, checked in every row;
 *                {@link Scope#EACH_COLUMN}: terms are row codes, checked in every column
 * @param variant the table variant the rule belongs to (legacy statistics tables differ by
 *                region and period), or empty for every variant of the format
 */
public record IdentityRule(String formatVersion, String rule, String tableCode, Scope scope, List<String> lhs,
                           List<String> rhs, Relation relation, String variant) {

    public IdentityRule {
        lhs = List.copyOf(lhs);
        rhs = List.copyOf(rhs);
    }

    public enum Scope { EACH_ROW, EACH_COLUMN }

    public enum Relation {
        /** lhs = rhs */
        EQUALS("="),
        /** lhs >= rhs, e.g. a running total since 2008 against this year's number */
        AT_LEAST(">=");

        private final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public static Relation of(String symbol) {
            for (Relation relation : values()) {
                if (relation.symbol.equals(symbol)) {
                    return relation;
                }
            }
            throw new IllegalArgumentException("unknown relation " + symbol);
        }

        public boolean holds(BigDecimal lhs, BigDecimal rhs) {
            int c = lhs.compareTo(rhs);
            return this == EQUALS ? c == 0 : c >= 0;
        }
    }

    /** Whether the rule applies to a table read with the given variant. */
    public boolean appliesTo(String tableVariant) {
        return variant.isEmpty() || variant.equals(tableVariant);
    }

    /** Whether a row or column code is named by a term; {@code x.*} names the direct children of x. */
    public static boolean names(String term, String code) {
        if (term.endsWith(".*")) {
            String parent = term.substring(0, term.length() - 1);
            return code.startsWith(parent) && code.indexOf('.', parent.length()) < 0;
        }
        return term.equals(code);
    }
}
