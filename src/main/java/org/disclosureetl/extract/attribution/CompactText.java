package org.disclosureetl.extract.attribution;

import java.util.regex.Pattern;

/**
 * A line without its white space (PDF text prints {@code 2025 年度政府信息公开 工作年度报告}) and with
 * years written in Chinese numerals as digits (二〇二一年 → 2021年), keeping for every character its
 * position in the line as printed, so that a match can be mapped back.
 */
final class CompactText {

    /** What a numeral year is made of: {@code [〇零○Ｏ一二三四五六七八九]{4}(?=年)} (HandWrittenChecksTest holds it to that regex). */
    private static final String YEAR_NUMERALS = "〇零○Ｏ一二三四五六七八九";
    /** Pinyin that mirror sites print after characters (機(jī)關(guān)): no part of any name. */
    private static final Pattern PINYIN = Pattern.compile("\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\\)");
    private static final String PINYIN_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
    private static final String NUMERALS = "〇一二三四五六七八九";

    private final String printed;
    private final String text;
    private final int[] origin;

    private CompactText(String printed, String text, int[] origin) {
        this.printed = printed;
        this.text = text;
        this.origin = origin;
    }

    static CompactText of(String printed) {
        String line = mayHoldPinyin(printed) ? PINYIN.matcher(printed).replaceAll("") : printed;
        StringBuilder text = new StringBuilder(line.length());
        int[] origin = new int[line.length() + 1];
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            // a CJK ideograph is no white space: asked first, as most characters are ones
            if (c >= '\u4e00' && c <= '\u9fff' || !Character.isWhitespace(c) && c != '\u3000' && c != '\u00a0') {
                origin[text.length()] = i;
                text.append(c);
            }
        }
        origin[text.length()] = line.length();
        String compact = text.toString();
        // four numerals before a 年 are a year (NUMERAL_YEAR's matches, found by hand: every line is compacted once)
        StringBuilder digits = null;
        for (int y = compact.indexOf('年', 4); y >= 0; y = compact.indexOf('年', y + 1)) {
            if (isYearNumeral(compact.charAt(y - 4)) && isYearNumeral(compact.charAt(y - 3))
                    && isYearNumeral(compact.charAt(y - 2)) && isYearNumeral(compact.charAt(y - 1))) {
                digits = digits == null ? new StringBuilder(compact) : digits;
                for (int i = y - 4; i < y; i++) {
                    char c = compact.charAt(i);
                    int digit = "零○Ｏ".indexOf(c) >= 0 ? 0 : NUMERALS.indexOf(c);
                    digits.setCharAt(i, (char) ('0' + digit));
                }
            }
        }
        if (digits != null) {
            compact = digits.toString();
        }
        return new CompactText(line, compact, origin);
    }

    private static boolean isYearNumeral(char c) {
        return YEAR_NUMERALS.indexOf(c) >= 0;
    }

    /** Whether an opening bracket is followed by a letter {@link #PINYIN} starts with: most lines have none, and skip the regex. */
    private static boolean mayHoldPinyin(String line) {
        for (int at = line.indexOf('('); at >= 0 && at + 1 < line.length(); at = line.indexOf('(', at + 1)) {
            char next = line.charAt(at + 1);
            if (next >= 'a' && next <= 'z' || PINYIN_LETTERS.indexOf(next) >= 0) {
                return true;
            }
        }
        return false;
    }

    String text() {
        return text;
    }

    /** The line as printed, less the pinyin a mirror put in it: what {@link #origin} points into. */
    String printed() {
        return printed;
    }

    /** The position in the printed line of the compact text's character {@code index}. */
    int origin(int index) {
        return origin[index];
    }
}
