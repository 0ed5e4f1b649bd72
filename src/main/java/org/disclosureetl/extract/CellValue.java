package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the numbers and blank marks of table cells (docs/FORMAT.md §5 "Numbers", "Empty / placeholder cells"). */
public final class CellValue {

    private static final Pattern NUMBER = Pattern.compile(
            "^([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*" + TableVocabulary.MONEY_UNIT + "?$");
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
        Matcher m = NUMBER.matcher(text);
        if (m.matches()) {
            return toDecimal(m.group(1), m.group(2), m.group(3));
        }
        return null;
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
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) >= '\t' && text.charAt(i) <= '\r')) {
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
