package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a label piece ends with a template row's label, tolerating what real reports do
 * to labels: typos and dropped characters ({@code 其他法律行政止公开}), other labels and headings
 * before it on the same piece, a remark in brackets or a unit after it, and numbering in any style.
 * The number of edits allowed grows with the label's length; labels of three characters or fewer
 * must match exactly.
 */
final class LabelMatcher {

    private static final Pattern TRAILING_REMARK = Pattern.compile("\\([^()]{0,60}\\)\\s*$");
    private static final Pattern TRAILING_UNIT = Pattern.compile(TableVocabulary.UNIT + "\\s*$");

    private LabelMatcher() {
    }

    /**
     * How well a piece ends with a row's label.
     *
     * @param score     1 for an exact match, less per edit
     * @param numbering the numbering printed just before the label, or null
     * @param unit      a unit printed after the label (legacy statistics tables), or null
     */
    record Match(double score, String numbering, String unit) {
    }

    static int maxEdits(int length) {
        return length <= 3 ? 0 : length <= 6 ? 1 : length / 4;
    }

    /** The best match of the row's labels at the end of a piece, given the piece's {@link #endings(String)}, or null. */
    static Match matchAtEnd(List<Ending> endings, TableTemplate.Row row) {
        Match best = null;
        for (Ending ending : endings) {
            String text = ending.key();
            if (text.isEmpty()) {
                continue;
            }
            for (String key : row.keys()) {
                if (key.isEmpty()) {
                    continue;
                }
                int m = key.length();
                int allowed = maxEdits(m);
                if (!mayEndWith(text, key, allowed)) {
                    continue;
                }
                int[] result = suffixDistance(key, ending.key(), allowed);
                if (result == null) {
                    continue;
                }
                int distance = result[0];
                int start = ending.positions()[ending.key().length() - result[1]];
                String numbering = numberingBefore(ending.text().substring(0, start));
                if (row.numbering() != null && numbering != null && !row.numbering().equals(numbering)) {
                    continue;
                }
                if (row.numberingRequired() && numbering == null) {
                    continue;
                }
                double score = 1.0 - (double) distance / m + Math.min(m, 20) * 0.001;
                if (best == null || score > best.score()) {
                    best = new Match(score, numbering, ending.unit());
                }
            }
        }
        return best;
    }

    /** Cheap test before the edit distance: the label's last character near the text's end, or the other way round. */
    private static boolean mayEndWith(String text, String key, int allowed) {
        if (allowed == 0) {
            return text.endsWith(key);
        }
        char keyLast = key.charAt(key.length() - 1);
        char textLast = text.charAt(text.length() - 1);
        for (int i = 1; i <= allowed + 1; i++) {
            if (text.length() >= i && text.charAt(text.length() - i) == keyLast
                    || key.length() >= i && key.charAt(key.length() - i) == textLast) {
                return true;
            }
        }
        return false;
    }

    /** The counting unit a label ends with ({@code 主动公开信息数条}), or null. */
    static String unitAtEnd(String text) {
        Matcher unit = TRAILING_UNIT.matcher(text);
        return unit.find() && unit.start() > 0 ? unit.group().strip() : null;
    }

    /** A piece's text with a tail cut off, its key (noise removed) and each key char's index in the text. */
    record Ending(String text, String key, int[] positions, String unit) {
    }

    /** The piece's text as it may end a label: whole, without a trailing unit, without trailing remarks. */
    static List<Ending> endings(String text) {
        List<Ending> endings = new ArrayList<>(3);
        String current = text.strip();
        endings.add(ending(current, null));
        Matcher unit = TRAILING_UNIT.matcher(current);
        if (unit.find() && unit.start() > 0) {
            String u = unit.group().strip();
            current = current.substring(0, unit.start());
            endings.add(ending(current, u));
        }
        for (int i = 0; i < 2; i++) {
            Matcher remark = TRAILING_REMARK.matcher(current);
            if (!remark.find() || remark.start() == 0) {
                break;
            }
            current = current.substring(0, remark.start());
            endings.add(ending(current, null));
        }
        return endings;
    }

    private static Ending ending(String text, String unit) {
        StringBuilder key = new StringBuilder(text.length());
        int[] positions = new int[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!LabelKey.isNoise(c)) {
                positions[key.length()] = i;
                key.append(c);
            }
        }
        positions[key.length()] = text.length();
        return new Ending(text, key.toString(), positions, unit);
    }

    /**
     * The edit distance between {@code label} and the best suffix of {@code text}, and that suffix's
     * length, or null when it needs more than {@code allowed} edits.
     */
    static int[] suffixDistance(String label, String text, int allowed) {
        int m = label.length();
        int n = Math.min(text.length(), m + allowed);
        if (n < m - allowed) {
            return null;
        }
        // reversed strings: the match is anchored at the end of the text, free at its start
        int[] previous = new int[n + 1];
        int[] current = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= m; i++) {
            current[0] = i;
            char a = label.charAt(m - i);
            int rowMin = current[0];
            for (int j = 1; j <= n; j++) {
                char b = text.charAt(text.length() - j);
                int cost = a == b ? 0 : 1;
                current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > allowed) {
                return null;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        int bestJ = -1;
        int best = Integer.MAX_VALUE;
        for (int j = 0; j <= n; j++) {
            // prefer the longest suffix among equal distances: the label's first characters are not left behind
            if (previous[j] <= best) {
                best = previous[j];
                bestJ = j;
            }
        }
        return best <= allowed ? new int[] {best, bestJ} : null;
    }

    private static String numberingBefore(String before) {
        Matcher m = TableVocabulary.NUMBERING_AT_END.matcher(before);
        return m.find() ? TableVocabulary.numbering(m) : null;
    }
}
