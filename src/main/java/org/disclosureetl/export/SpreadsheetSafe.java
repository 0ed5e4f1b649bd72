package org.disclosureetl.export;

import java.util.regex.Pattern;

/**
 * Neutralizes text cells that a spreadsheet would run as a formula (=, +, -, @ at the start, or a
 * leading tab or carriage return), by prefixing an apostrophe. Numbers such as {@code -3} and a lone
 * dash (a blank in the reports) are values, not formulas, and stay exactly as found.
 */
final class SpreadsheetSafe {

    private static final Pattern HARMLESS = Pattern.compile("[+-]?\\d[\\d,]*(\\.\\d+)?|[-+]+");

    private SpreadsheetSafe() {
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !HARMLESS.matcher(value).matches() ? "'" + value : value;
    }
}
