package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the numbers and blank marks of table cells (docs/FORMAT.md §5 "Numbers", "Empty / placeholder cells"). */
public final class CellValue {

    /*
     * A plain number was the pattern ^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:万元|元)?$, now read by hand
     * ({@link #number}).
     */
    // a number followed by a remark, e.g. 22(其中修订16件)
    private static final Pattern ANNOTATED = Pattern.compile(
            "^([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*" + TableVocabulary.UNIT + "?\\s*\\(.*\\)$");

    /** The first characters of the units ({@link TableVocabulary#UNITS}, the money units among them). */
    private static final String UNIT_STARTS = TableVocabulary.UNITS.stream().map(unit -> unit.substring(0, 1))
            .distinct().reduce("", String::concat);

    private CellValue() {
    }

    /** The number in the text, or null when the text is not a number. */
    static BigDecimal parse(String text) {
        if (!mayBeANumber(text)) {
            return null; // most cells are labels: no regex for them (a tenth of the extract stage's time)
        }
        return number(text);
    }

    /**
     * The plain-number pattern (above) read by hand (every cell and every word that starts like a number is read;
     * PrecheckEquivalenceTest holds it to the pattern): a sign, the integer digits (grouped by commas in threes, or none), a fraction, white
     * space, a money unit, and nothing after.
     */
    private static BigDecimal number(String text) {
        int n = text.length();
        int i = 0;
        String sign = "";
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            sign = text.substring(0, 1);
            i = 1;
        }
        int digitsStart = i;
        // what follows the integer part (a point, white space, a unit, the end) is never a digit or a comma
        while (i < n && (isDigit(text.charAt(i)) || text.charAt(i) == ',')) {
            i++;
        }
        String digits = text.substring(digitsStart, i);
        if (!isGrouped(digits)) {
            return null;
        }
        String fraction = null;
        int fractionEnd = fractionEnd(text, i);
        if (fractionEnd > i) {
            fraction = text.substring(i, fractionEnd);
            i = fractionEnd;
        }
        while (i < n && isPatternSpace(text.charAt(i))) {
            i++;
        }
        if (text.startsWith("万元", i)) {
            i += 2;
        } else if (text.startsWith("元", i)) {
            i += 1;
        }
        return i == n ? toDecimal(sign, digits, fraction) : null;
    }

    /** Whether integer digits are {@code \\d+} or {@code \\d{1,3}(?:,\\d{3})+}. */
    private static boolean isGrouped(String digits) {
        int comma = digits.indexOf(',');
        if (comma < 0) {
            return !digits.isEmpty();
        }
        if (comma == 0 || comma > 3) {
            return false;
        }
        for (int at = comma; at < digits.length(); at += 4) {
            if (digits.charAt(at) != ',' || at + 4 > digits.length()) {
                return false;
            }
            for (int d = at + 1; d < at + 4; d++) {
                if (!isDigit(digits.charAt(d))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Where a decimal fraction ({@code .} and digits) that starts at {@code i} ends; {@code i} when none starts there. */
    static int fractionEnd(String text, int i) {
        int n = text.length();
        if (i + 1 >= n || text.charAt(i) != '.' || !isDigit(text.charAt(i + 1))) {
            return i;
        }
        int f = i + 1;
        while (f < n && isDigit(text.charAt(f))) {
            f++;
        }
        return f;
    }

    /** A regex {@code \\s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isPatternSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The leading number of an annotated cell such as {@code 22(其中修订16件)}, or null. */
    static BigDecimal parseAnnotated(String text) {
        if (!mayBeANumber(text)) {
            return null;
        }
        Matcher m = ANNOTATED.matcher(text);
        return m.matches() ? parse(m.group(1).strip()) : null;
    }

    /** What both patterns start with: an optional sign, then an ASCII digit ({@code \\d} without UNICODE_CHARACTER_CLASS). */
    static boolean startsLikeANumber(String text) {
        int i = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    /**
     * Whether either pattern can match: the text starts like a number, and after its sign, its run of digits, commas
     * and points and the white space after them ({@code \\s}) comes the end, a unit's first character or a bracket.
     * A word of prose that starts with a number ({@code 2021年,我局…}) fails here without a regex; both patterns'
     * numbers are made of those characters only, and what they allow after them starts so.
     */
    static boolean mayBeANumber(String text) {
        if (!startsLikeANumber(text)) {
            return false;
        }
        int n = text.length();
        int i = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        while (i < n && (text.charAt(i) >= '0' && text.charAt(i) <= '9' || text.charAt(i) == ',' || text.charAt(i) == '.')) {
            i++;
        }
        while (i < n && isPatternSpace(text.charAt(i))) {
            i++;
        }
        return i == n || text.charAt(i) == '(' || UNIT_STARTS.indexOf(text.charAt(i)) >= 0;
    }

    private static BigDecimal toDecimal(String sign, String digits, String fraction) {
        String plain = ("-".equals(sign) ? "-" : "") + digits.replace(",", "") + (fraction == null ? "" : fraction);
        return new BigDecimal(plain);
    }

    /** The contract's plain decimal: 0, 8, -3, 12.5 (no exponent, no trailing zeros). */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return "0";
        }
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }
}
