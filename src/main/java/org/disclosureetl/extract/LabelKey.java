package org.disclosureetl.extract;

import java.util.regex.Matcher;

/**
 * A label cell reduced to what identifies it: its own number (一 / (一) / 1) and a key without
 * spaces, punctuation or the "其中" (of which) prefix. Input is already width- and script-normalized.
 */
record LabelKey(String numbering, String key) {

    /** Characters that never tell labels apart (besides whitespace). */
    private static final String NOISE_CHARS = ":,、.·“”\"'‘’《》<>()[]【】;；!！?？/";

    static LabelKey of(String text) {
        String numbering = null;
        String rest = text;
        Matcher m = TableVocabulary.mayStartWithNumbering(text) ? TableVocabulary.NUMBERING_AT_START.matcher(text) : null;
        if (m != null && m.find()) {
            numbering = TableVocabulary.numbering(m);
            rest = text.substring(m.end());
        }
        String key = withoutNoise(rest);
        if (key.startsWith("其中")) {
            key = key.substring(2);
        }
        return new LabelKey(numbering, key);
    }

    /** The text without its noise characters; the text itself when it has none (most label words). */
    private static String withoutNoise(String text) {
        int first = 0;
        while (first < text.length() && !isNoise(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder stripped = new StringBuilder(text.length());
        stripped.append(text, 0, first);
        for (int i = first + 1; i < text.length(); i++) {
            if (!isNoise(text.charAt(i))) {
                stripped.append(text.charAt(i));
            }
        }
        return stripped.toString();
    }

    /**
     * Whether a character is left out of label keys: whitespace and punctuation ({@link #NOISE_CHARS}, written out as
     * a switch: this is asked of every character of every label, and a Han character is answered at once).
     */
    static boolean isNoise(char c) {
        if (c >= '\u4e00' && c <= '\u9fff') {
            return false; // a CJK ideograph: neither white space nor punctuation
        }
        return switch (c) {
            case ':', ',', '、', '.', '·', '“', '”', '"', '\'', '‘', '’', '《', '》', '<', '>', '(', ')', '[', ']',
                 '【', '】', ';', '；', '!', '！', '?', '？', '/' -> true;
            default -> Character.isWhitespace(c);
        };
    }

    /** True when the text begins with a numbering such as 一、 (一) 1. so it starts a new label. */
    static boolean startsWithNumbering(String text) {
        return TableVocabulary.mayStartWithNumbering(text) && TableVocabulary.NUMBERING_AT_START.matcher(text).find();
    }
}
