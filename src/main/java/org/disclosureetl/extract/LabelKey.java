package org.disclosureetl.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A label cell reduced to what identifies it: its own number (一 / (一) / 1) and a key without
 * spaces, punctuation or the "其中" (of which) prefix. Input is already width- and script-normalized.
 */
record LabelKey(String numbering, String key) {

    private static final Pattern NUMBERING = Pattern.compile(
            "^\\s*(?:第?([一二三四五六七八九十]+)\\s*[、.]"
                    + "|[(]\\s*([一二三四五六七八九十]+)\\s*[)]"
                    + "|(\\d{1,2})\\s*[.、](?!\\d)"
                    + "|[(]\\s*(\\d{1,2})\\s*[)])");
    private static final Pattern NOISE = Pattern.compile("[\\s:,、.·“”\"'‘’《》<>()\\[\\]【】;；!！?？/]");

    static LabelKey of(String text) {
        Matcher m = NUMBERING.matcher(text);
        String numbering = null;
        String rest = text;
        if (m.find()) {
            if (m.group(1) != null) {
                numbering = m.group(1);
            } else if (m.group(2) != null) {
                numbering = "(" + m.group(2) + ")";
            } else if (m.group(3) != null) {
                numbering = m.group(3);
            } else {
                numbering = m.group(4);
            }
            rest = text.substring(m.end());
        }
        String key = NOISE.matcher(rest).replaceAll("");
        if (key.startsWith("其中")) {
            key = key.substring(2);
        }
        return new LabelKey(numbering, key);
    }

    /** True when the text begins with a numbering such as 一、 (一) 1. so it starts a new label. */
    static boolean startsWithNumbering(String text) {
        return NUMBERING.matcher(text).find();
    }
}
