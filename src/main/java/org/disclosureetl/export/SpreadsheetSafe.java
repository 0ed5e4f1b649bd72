package org.disclosureetl.export;

/**
 * Neutralizes text cells that a spreadsheet would run as a formula (=, +, -, @ at the start), by
 * prefixing an apostrophe. Numbers such as -3 are left alone: they are values, not text.
 */
final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky ? "'" + value : value;
    }
}
