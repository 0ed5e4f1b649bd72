package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the numbers and blank marks of table cells (docs/FORMAT.md §5 "Numbers", "Empty / placeholder cells"). */
public final class CellValue {

    private static final Pattern NUMBER = Pattern.compile(
            "^([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(?:万元|元)?$");
    // a number followed by a remark, e.g. 22(其中修订16件)
    private static final Pattern ANNOTATED = Pattern.compile(
            "^([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(?:万元|元|件|条)?\\s*\\(.*\\)$");
    private static final Set<String> BLANK_MARKS = Set.of("-", "—", "–", "——", "/", "－", "−", "--", "\\");
    private static final Set<String> UNITS = Set.of("条", "件", "次", "篇", "个", "人", "人次", "万元", "元", "项", "宗");

    private CellValue() {
    }

    static boolean isBlankMark(String text) {
        return BLANK_MARKS.contains(text);
    }

    static boolean isUnit(String text) {
        return UNITS.contains(text);
    }

    /** The number in the text, or null when the text is not a number. */
    static BigDecimal parse(String text) {
        Matcher m = NUMBER.matcher(text);
        if (m.matches()) {
            return toDecimal(m.group(1), m.group(2), m.group(3));
        }
        return null;
    }

    /** The leading number of an annotated cell such as {@code 22(其中修订16件)}, or null. */
    static BigDecimal parseAnnotated(String text) {
        Matcher m = ANNOTATED.matcher(text);
        return m.matches() ? parse(m.group(1).strip()) : null;
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
