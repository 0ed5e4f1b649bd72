package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Decides whether a label piece ends with a template row's label, tolerating what real reports do
 * to labels: typos and dropped characters ({@code 其他法律行政止公开}), other labels and headings
 * before it on the same piece, a remark in brackets or a unit after it, and numbering in any style.
 * The number of edits allowed grows with the label's length; labels of three characters or fewer
 * must match exactly.
 */
final class LabelMatcher {

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
        RowLabelIndex index = RowLabelIndex.ofRows(List.of(row));
        BitSet[] exactHits = new BitSet[endings.size()];
        for (int e = 0; e < endings.size(); e++) {
            exactHits[e] = new BitSet();
            index.exactKeysEnding(endings.get(e).key(), exactHits[e]);
        }
        return matchAtEnd(endings, exactHits, index, 0, new EditRows());
    }

    /**
     * The best match of row {@code r} of the index at the end of a piece.
     *
     * @param exactHits per ending, the index's exact-only keys it ends with ({@link RowLabelIndex#exactKeysEnding})
     */
    static Match matchAtEnd(List<Ending> endings, BitSet[] exactHits, RowLabelIndex index, int r, EditRows work) {
        TableTemplate.Row row = index.rows().get(r);
        int[] keyIds = index.keysOf(r);
        Match best = null;
        for (int e = 0; e < endings.size(); e++) {
            Ending ending = endings.get(e);
            String text = ending.key();
            if (text.isEmpty()) {
                continue;
            }
            for (int id : keyIds) {
                String key = index.key(id);
                int m = key.length();
                int allowed = index.allowedEdits(id);
                int distance;
                int length;
                if (allowed == 0) {
                    // the trie's walk found the keys this ending ends with
                    if (!exactHits[e].get(id)) {
                        continue;
                    }
                    distance = 0;
                    length = m;
                } else {
                    if (!mayEndWith(text, key, allowed)) {
                        continue;
                    }
                    long result = work.suffixDistance(key, text, allowed);
                    if (result < 0) {
                        continue;
                    }
                    distance = (int) (result >>> 32);
                    length = (int) result;
                }
                int start = ending.positions()[text.length() - length];
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
        int start = unitStart(text);
        return start > 0 ? text.substring(start, spacesFrom(text)) : null;
    }

    /** A piece's text with a tail cut off, its key (noise removed) and each key char's index in the text. */
    record Ending(String text, String key, int[] positions, String unit) {
    }

    /** The piece's text as it may end a label: whole, without a trailing unit, without trailing remarks. */
    static List<Ending> endings(String text) {
        List<Ending> endings = new ArrayList<>(3);
        String current = text.strip();
        endings.add(ending(current, null));
        int unit = unitStart(current);
        if (unit > 0) {
            String u = current.substring(unit, spacesFrom(current));
            current = current.substring(0, unit);
            endings.add(ending(current, u));
        }
        for (int i = 0; i < 2; i++) {
            int remark = remarkStart(current);
            if (remark <= 0) {
                break;
            }
            current = current.substring(0, remark);
            endings.add(ending(current, null));
        }
        return endings;
    }

    /*
     * The two tails below were the regexes UNIT + "\\s*$" and "\\([^()]{0,60}\\)\\s*$", found with Matcher.find: scanned by
     * hand, since every piece of every document is cut this way. As in those patterns, \\s is ASCII white space and
     * $ is the end of the text or the place before a line terminator that ends it.
     */

    /** Where the white space (and final line terminator) at the end of the text starts. */
    static int spacesFrom(String text) {
        int end = text.length();
        if (end > 0 && isFinalTerminator(text.charAt(end - 1))) {
            end--;
        }
        while (end > 0 && isRegexSpace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The line terminators before which $ matches besides \\n and \\r, which \\s takes anyway. */
    private static boolean isFinalTerminator(char c) {
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Where a counting unit ending the text (before white space) starts, the longer unit first; -1 for none. */
    static int unitStart(String text) {
        int end = spacesFrom(text);
        for (String unit : TableVocabulary.UNITS) {
            if (unit.length() == 2 && text.startsWith(unit, end - 2) && end >= 2) {
                return end - 2;
            }
        }
        for (String unit : TableVocabulary.UNITS) {
            if (unit.length() == 1 && end >= 1 && text.charAt(end - 1) == unit.charAt(0)) {
                return end - 1;
            }
        }
        return -1;
    }

    /** Where a bracketed remark of at most 60 characters ending the text (before white space) starts; -1 for none. */
    static int remarkStart(String text) {
        int end = spacesFrom(text);
        if (end == 0 || text.charAt(end - 1) != ')') {
            return -1;
        }
        for (int i = end - 2; i >= 0 && end - 2 - i <= 60; i--) {
            char c = text.charAt(i);
            if (c == '(') {
                return i;
            }
            if (c == ')') {
                return -1;
            }
        }
        return -1;
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
        long result = new EditRows().suffixDistance(label, text, allowed);
        return result < 0 ? null : new int[] {(int) (result >>> 32), (int) result};
    }

    /** The two rows of the edit distance, kept between calls (one per document's search: not shared between threads). */
    static final class EditRows {
        private int[] previous = new int[32];
        private int[] current = new int[32];

        /**
         * The edit distance between {@code label} and the best suffix of {@code text} (the high 32 bits) and that
         * suffix's length (the low ones), or -1 when it needs more than {@code allowed} edits. Among suffixes at the
         * same distance the longest, so that the label's first characters are not left behind. Only the diagonal
         * band |i - j| <= allowed is computed: a cell outside it is at least |i - j| away, more than allowed, and
         * every cell on a path within {@code allowed} edits lies inside it.
         */
        long suffixDistance(String label, String text, int allowed) {
            int m = label.length();
            int n = Math.min(text.length(), m + allowed);
            if (n < m - allowed) {
                return -1;
            }
            int outside = allowed + 1;
            if (previous.length < n + 2) {
                previous = new int[n + 2];
                current = new int[n + 2];
            }
            int[] prev = previous;
            int[] cur = current;
            // reversed strings: the match is anchored at the end of the text, free at its start
            for (int j = 0; j <= n; j++) {
                prev[j] = j;
            }
            int textEnd = text.length();
            for (int i = 1; i <= m; i++) {
                int lo = Math.max(1, i - allowed);
                int hi = Math.min(n, i + allowed);
                cur[0] = i;
                cur[lo - 1] = lo == 1 ? i : outside;
                char a = label.charAt(m - i);
                int rowMin = i;
                for (int j = lo; j <= hi; j++) {
                    char b = text.charAt(textEnd - j);
                    int cost = a == b ? 0 : 1;
                    int value = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                    cur[j] = value;
                    rowMin = Math.min(rowMin, value);
                }
                if (hi + 1 <= n) {
                    cur[hi + 1] = outside;
                }
                if (rowMin > allowed) {
                    return -1;
                }
                int[] swap = prev;
                prev = cur;
                cur = swap;
            }
            int bestJ = -1;
            int best = Integer.MAX_VALUE;
            for (int j = Math.max(0, m - allowed); j <= n; j++) {
                if (prev[j] <= best) {
                    best = prev[j];
                    bestJ = j;
                }
            }
            return best <= allowed ? (long) best << 32 | bestJ : -1;
        }
    }

    private static String numberingBefore(String before) {
        Matcher m = TableVocabulary.NUMBERING_AT_END.matcher(before);
        return m.find() ? TableVocabulary.numbering(m) : null;
    }
}
