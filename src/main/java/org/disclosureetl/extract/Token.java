package org.disclosureetl.extract;

import java.math.BigDecimal;

/**
 * One cell-sized piece of a report, in reading order.
 *
 * @param kind  what the piece is
 * @param text  normalized text
 * @param raw   the text exactly as found in the file
 * @param value the number, for {@link Kind#VALUE}
 * @param line  index of the physical line or table row it came from
 * @param where provenance for analysts (e.g. "line 120", "page 3 line 14", "table 2 row 5")
 */
record Token(Kind kind, String text, String raw, BigDecimal value, boolean annotated, int line, String where) {

    enum Kind {
        /** a number */
        VALUE,
        /** a dash or slash that stands for "nothing reported" */
        BLANK,
        /** an empty table cell */
        EMPTY,
        /** any other text: labels, headers, prose */
        LABEL
    }

    boolean isValueLike() {
        return kind == Kind.VALUE || kind == Kind.BLANK;
    }
}
