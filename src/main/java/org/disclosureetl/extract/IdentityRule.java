package org.disclosureetl.extract;

import java.util.List;

/**
 * One accounting identity from {@code templates/identities.csv}: lhs terms sum to rhs terms.
 *
 * @param scope {@link Scope#EACH_ROW}: terms are column codes, checked in every row;
 *              {@link Scope#EACH_COLUMN}: terms are row codes, checked in every column
 */
public record IdentityRule(String formatVersion, String rule, String tableCode, Scope scope, List<String> lhs,
                    List<String> rhs) {

    public enum Scope { EACH_ROW, EACH_COLUMN }

    /** Whether a row or column code is named by a term; {@code x.*} names the direct children of x. */
    public static boolean names(String term, String code) {
        if (term.endsWith(".*")) {
            String parent = term.substring(0, term.length() - 1);
            return code.startsWith(parent) && code.indexOf('.', parent.length()) < 0;
        }
        return term.equals(code);
    }
}
