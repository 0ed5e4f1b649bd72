package org.disclosureetl.extract;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reports' tables print besides labels and numbers, written once for every reader: the
 * counting units, the marks for "nothing reported", and the numbering of labels (docs/FORMAT.md §5).
 * Input is already width- and script-normalized (ASCII brackets, colons and digits).
 */
final class TableVocabulary {

    /** Counting and money units printed after a label or a number; 人次 before 人, so that a pattern takes the whole unit. */
    static final List<String> UNITS = List.of("人次", "万元", "条", "件", "个", "次", "人", "篇", "元", "项", "宗", "户");
    /** Units printed attached to the number itself ({@code 12.5万元}): the money units. */
    static final List<String> MONEY_UNITS = List.of("万元", "元");
    /** The units as one regex alternation. */
    static final String UNIT = "(?:" + String.join("|", UNITS) + ")";
    /** The money units as one regex alternation. */
    static final String MONEY_UNIT = "(?:" + String.join("|", MONEY_UNITS) + ")";

    /** Cells that stand for "nothing reported": dashes, slashes, a backslash. */
    private static final Set<String> BLANK_MARKS = Set.of("-", "—", "–", "——", "/", "－", "−", "--", "\\");
    /** The blank marks of one character, for the label stream's scan of every character. */
    private static final String BLANK_MARK_CHARS = String.join("",
            BLANK_MARKS.stream().filter(mark -> mark.length() == 1).sorted().toList());

    /** A Chinese numeral as labels are numbered with it (一 … 十, 十一 …). */
    /** The characters of a Chinese numeral as labels are numbered with them. */
    private static final String HAN_NUMERAL_CHARS = "一二三四五六七八九十";
    static final String HAN_NUMERAL = "[" + HAN_NUMERAL_CHARS + "]+";
    private static final Pattern HAN_NUMERAL_ALONE = Pattern.compile(HAN_NUMERAL);
    /** A numeral of an Arabic numbering (1. / (3)): tables number at most 99 labels. */
    private static final String ARABIC_NUMERAL = "\\d{1,2}";

    /**
     * A numbering that starts a label: {@code 一、} / {@code 第一、}, {@code (一)}, {@code 1.} (not a decimal),
     * {@code (1)}; read with {@link #numbering(Matcher)}.
     */
    static final Pattern NUMBERING_AT_START = Pattern.compile(
            "^\\s*(?:第?(" + HAN_NUMERAL + ")\\s*[、.]"
                    + "|[(]\\s*(" + HAN_NUMERAL + ")\\s*[)]"
                    + "|(" + ARABIC_NUMERAL + ")\\s*[.、](?!\\d)"
                    + "|[(]\\s*(" + ARABIC_NUMERAL + ")\\s*[)])");
    /**
     * Whether {@link #NUMBERING_AT_START} can match: its first character after leading {@code \s} (ASCII white
     * space, the pattern has no UNICODE flags) is 第, a Chinese numeral, an opening bracket or an ASCII digit.
     * Most labels start otherwise, and this check spares them the regex (a fifth of the extract stage's time).
     */
    static boolean mayStartWithNumbering(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                continue;
            }
            return c == '第' || c == '(' || (c >= '0' && c <= '9') || HAN_NUMERAL_CHARS.indexOf(c) >= 0;
        }
        return false;
    }

    /**
     * A numbering at the end of a text, just before a label (… {@code 3.其中:} | label), the dot optional
     * after Arabic digits; read with {@link #numbering(Matcher)}.
     */
    static final Pattern NUMBERING_AT_END = Pattern.compile(
            "(?:(" + HAN_NUMERAL + ")\\s*[、.]|\\(\\s*(" + HAN_NUMERAL + ")\\s*\\)|(" + ARABIC_NUMERAL
                    + ")\\s*[.、]?|\\(\\s*(" + ARABIC_NUMERAL + ")\\s*\\))"
                    + "\\s*(?:其中)?\\s*:?\\s*$");
    /** What an indicator's printed label starts with before its words: 其中, a colon, a numbering. */
    static final Pattern LABEL_PREFIX = Pattern.compile(
            "^(其中)?[:：]?\\s*(" + ARABIC_NUMERAL + "[.、]|\\(" + HAN_NUMERAL + "\\)|" + HAN_NUMERAL + "、)?");

    private TableVocabulary() {
    }

    /** A space as reports print it: any whitespace, the ideographic space, or the no-break space of {@code &nbsp;}. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0';
    }

    /** Text with nothing but spaces (or nothing at all): a cell printed empty. */
    static boolean isSpaces(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isUnit(String text) {
        return UNITS.contains(text);
    }

    static boolean isBlankMark(String text) {
        return BLANK_MARKS.contains(text);
    }

    static boolean isBlankMark(char c) {
        return BLANK_MARK_CHARS.indexOf(c) >= 0;
    }

    /** Whether the text is a Chinese numeral alone (the (二) of a numbering, not a remark). */
    static boolean isHanNumeral(String text) {
        return HAN_NUMERAL_ALONE.matcher(text).matches();
    }

    /**
     * The numbering a match of {@link #NUMBERING_AT_START} or {@link #NUMBERING_AT_END} found, as the
     * templates write it: {@code 一}, {@code (一)}, {@code 1} (an Arabic numbering in brackets as {@code 1}).
     */
    static String numbering(Matcher m) {
        if (m.group(1) != null) {
            return m.group(1);
        }
        if (m.group(2) != null) {
            return "(" + m.group(2) + ")";
        }
        return m.group(3) != null ? m.group(3) : m.group(4);
    }
}
