package org.disclosureetl.parse.ocr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disclosureetl.vocabulary.EditDistance;
import org.disclosureetl.vocabulary.ResourceCsv;

import com.github.houbb.opencc4j.support.datamap.impl.DataMaps;

/**
 * The template rows numbered with an Arabic digit ({@code 6.属于四类过程性信息}), from
 * {@code templates/row-labels.csv}, to mend the number of an OCR'd label cell. The Chinese models misread a label's
 * small printed number ({@code 6.} as {@code 5.}, {@code 8.} as {@code 3.}), and the extractor rightly refuses a label
 * whose number is another row's, so the row and its numbers were lost. A label's number is taken from the template
 * only when the rest of the cell is unambiguously one known label (by edit distance, Traditional characters folded)
 * and every template numbers that label alike; a number in a value cell is never touched.
 */
final class NumberedLabels {

    /** One Arabic number, an optional separator, then the label's text (a cell of Chinese text). */
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2})(\\s*[.．、,，]?\\s*)(\\S.*)$");

    /** A label shorter than this is too generic ({@code 其他}) to be told from another by its text. */
    static final int MIN_LABEL = 4;

    private final Map<String, Set<String>> numberings;

    private NumberedLabels(Map<String, Set<String>> numberings) {
        this.numberings = numberings;
    }

    /** The labels of every template generation and legacy variant. */
    static NumberedLabels fromTemplates() {
        Map<String, Set<String>> numberings = new HashMap<>();
        for (Map<String, String> row : ResourceCsv.read("templates/row-labels.csv")) {
            String numbering = row.get("numbering");
            if (!numbering.matches("\\d{1,2}")) {
                continue;
            }
            for (String label : row.get("labels").split("\\|")) {
                String key = key(label);
                if (key.length() >= MIN_LABEL) {
                    numberings.computeIfAbsent(key, k -> new HashSet<>()).add(numbering);
                }
            }
        }
        return new NumberedLabels(Map.copyOf(numberings));
    }

    static NumberedLabels of(Map<String, Set<String>> numberings) {
        return new NumberedLabels(Map.copyOf(numberings));
    }

    /** A mended label: its text with the template's number, and the number as it was read. */
    record Mended(String text, String read, String known) {
    }

    /** The cell's text with its number mended, or null when it keeps the number it was read with. */
    Mended mend(String cell) {
        Matcher m = NUMBERED.matcher(cell.strip());
        if (!m.matches()) {
            return null;
        }
        String read = m.group(1);
        String text = key(m.group(3));
        if (text.length() < MIN_LABEL) {
            return null;
        }
        Map<String, Integer> distances = new HashMap<>();
        int best = Integer.MAX_VALUE;
        Set<String> bestNumbering = null;
        for (Map.Entry<String, Set<String>> label : numberings.entrySet()) {
            int distance = EditDistance.between(text, label.getKey());
            distances.put(label.getKey(), distance);
            if (distance < best) {
                best = distance;
                bestNumbering = label.getValue();
            }
        }
        int runnerUp = Integer.MAX_VALUE; // the nearest label numbered otherwise
        for (Map.Entry<String, Set<String>> label : numberings.entrySet()) {
            if (!label.getValue().equals(bestNumbering)) {
                runnerUp = Math.min(runnerUp, distances.get(label.getKey()));
            }
        }
        if (bestNumbering == null || bestNumbering.size() != 1) {
            return null; // no label, or one that the templates number differently
        }
        int allowed = Math.max(1, text.length() / 4);
        String known = bestNumbering.iterator().next();
        if (best > allowed || runnerUp < best + 3 || known.equals(read)) {
            return null;
        }
        return new Mended(known + m.group(2) + m.group(3), read, known);
    }

    /** The label's letters and digits, Traditional characters as Simplified: what the comparison sees. */
    static String key(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(Character::isLetterOrDigit).map(Simplified::of).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** OpenCC's Traditional-to-Simplified characters (the table normalize uses), loaded once on first use. */
    private static final class Simplified {
        private static final Map<Integer, Integer> TABLE = load();

        private static Map<Integer, Integer> load() {
            Map<Integer, Integer> table = new HashMap<>();
            for (Map.Entry<String, List<String>> e : DataMaps.defaults().tsChar().entrySet()) {
                List<String> to = e.getValue() == null ? new ArrayList<>() : e.getValue();
                String from = e.getKey();
                if (from != null && from.codePointCount(0, from.length()) == 1 && !to.isEmpty() && to.get(0) != null
                        && to.get(0).codePointCount(0, to.get(0).length()) == 1) {
                    table.put(from.codePointAt(0), to.get(0).codePointAt(0));
                }
            }
            return Map.copyOf(table);
        }

        static int of(int codePoint) {
            return TABLE.getOrDefault(codePoint, codePoint);
        }
    }
}
