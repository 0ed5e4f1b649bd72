package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's own words as evidence for a reading of run-together cells: the prose often repeats
 * a table's numbers ({@code 制发69件}, {@code 主动公开政府信息2026条}). A number counts as named
 * when it stands alone in the prose, followed by a counting unit, with a word of its row's or
 * column's label shortly before it. Numbers of one digit are too common to count.
 */
final class ProseEvidence {

    /** How far before a number a label word may stand. */
    private static final int WINDOW = 24;
    /** How much of the text before a number the finding quotes (at least from the label word on). */
    private static final int QUOTE = 10;
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])(\\d{2,})(?![\\d.])\\s?" + TableVocabulary.UNIT);
    /** Label words that every row shares and that therefore name nothing. */
    private static final Set<String> COMMON = Set.of("信息", "政府", "公开", "申请", "数量", "本年", "情况", "其中");

    private final String text;
    /**
     * Every number the prose names, by its digits, in the order of the text: built on the first search (most
     * documents never ask), so that each search is a look-up, not a scan of the whole text per number.
     */
    private Map<String, List<Named>> named;

    /** A match of {@link #NUMBER}: where it starts, and all it matched (the number and its unit). */
    private record Named(int start, String match) {
    }

    ProseEvidence(String text) {
        this.text = text;
    }

    /**
     * The one reading among {@code options} whose numbers the prose names more often than any
     * other's, or -1.
     */
    int choose(List<List<MaterialReadings.ReadCell>> readings, List<Integer> options, List<TableSolver.Slot> slots,
               TableTemplate table) {
        int best = -1;
        int bestCount = 0;
        boolean tie = false;
        for (int option : options) {
            int count = named(readings.get(option), slots, table).size();
            if (count > bestCount) {
                best = option;
                bestCount = count;
                tie = false;
            } else if (count == bestCount) {
                tie = true;
            }
        }
        return bestCount > 0 && !tie ? best : -1;
    }

    /** The prose passages that name the reading's numbers, for the finding. */
    String evidence(List<MaterialReadings.ReadCell> reading, List<TableSolver.Slot> slots, TableTemplate table) {
        return String.join("; ", new java.util.LinkedHashSet<>(named(reading, slots, table)));
    }

    private List<String> named(List<MaterialReadings.ReadCell> reading, List<TableSolver.Slot> slots,
                               TableTemplate table) {
        List<String> passages = new ArrayList<>();
        for (int c = 0; c < reading.size(); c++) {
            BigDecimal value = reading.get(c).value();
            if (value == null || value.abs().compareTo(BigDecimal.TEN) < 0) {
                continue;
            }
            List<Named> matches = named().get(CellValue.plain(value));
            if (matches == null) {
                continue;
            }
            TableTemplate.Row row = table.rows().get(slots.get(c).row());
            TableTemplate.Column column = row.columns().get(slots.get(c).column());
            Set<String> words = words(row.label());
            words.addAll(words(column.label()));
            String passage = find(matches, words);
            if (passage != null) {
                passages.add(passage);
            }
        }
        return passages;
    }

    private Map<String, List<Named>> named() {
        if (named == null) {
            named = new HashMap<>();
            Matcher m = NUMBER.matcher(text);
            while (m.find()) {
                named.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new Named(m.start(), m.group()));
            }
        }
        return named;
    }

    /** The first of a number's mentions with a label word shortly before it, quoted, or null. */
    private String find(List<Named> matches, Set<String> words) {
        for (Named m : matches) {
            String before = text.substring(Math.max(0, m.start() - WINDOW), m.start());
            for (String word : words) {
                if (before.contains(word)) {
                    int from = Math.min(before.lastIndexOf(word), Math.max(0, before.length() - QUOTE));
                    return before.substring(from) + m.match();
                }
            }
        }
        return null;
    }

    private static Set<String> words(String label) {
        Set<String> words = new HashSet<>();
        String key = label == null ? "" : LabelKey.of(label).key();
        for (int i = 0; i + 2 <= key.length(); i++) {
            String word = key.substring(i, i + 2);
            if (!COMMON.contains(word) && Character.isLetter(word.charAt(0)) && Character.isLetter(word.charAt(1))) {
                words.add(word);
            }
        }
        return words;
    }
}
