package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;

/**
 * A template's row labels prepared for {@link RowLabelAlignment}, once per template instead of once per search:
 * each label key with the edits it allows, the short labels that must match exactly in a {@link LabelTrie}, and
 * which rows have a label whose last characters include a given character. Immutable; the catalogue holds one
 * per template ({@link TemplateCatalog#labelIndex(TableTemplate)}).
 */
final class RowLabelIndex {

    /** How many final characters of labels and pieces are compared before an edit distance is computed. */
    static final int LOOKUP_CHARS = 4;

    private final List<TableTemplate.Row> rows;
    /** Every non-empty key of every row; a key's id is its index here. */
    private final String[] keys;
    private final int[] allowedEdits;
    /** Per row: the ids of its non-empty keys, in the row's order. */
    private final int[][] rowKeys;
    /** The keys that allow no edit, by id: a piece's key matches them only by ending with them. */
    private final LabelTrie exactKeys;
    /** The characters some label ends near (sorted), and per character the rows with such a label. */
    private final char[] lookupChars;
    private final BitSet[] rowsByLookupChar;

    private RowLabelIndex(List<TableTemplate.Row> rows) {
        this.rows = rows;
        List<String> allKeys = new ArrayList<>();
        rowKeys = new int[rows.size()][];
        TreeMap<Character, BitSet> byChar = new TreeMap<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Integer> ids = new ArrayList<>();
            for (String key : rows.get(r).keys()) {
                for (int i = 1; i <= Math.min(LOOKUP_CHARS, key.length()); i++) {
                    byChar.computeIfAbsent(key.charAt(key.length() - i), k -> new BitSet()).set(r);
                }
                if (!key.isEmpty()) {
                    ids.add(allKeys.size());
                    allKeys.add(key);
                }
            }
            rowKeys[r] = ids.stream().mapToInt(Integer::intValue).toArray();
        }
        keys = allKeys.toArray(String[]::new);
        allowedEdits = allKeys.stream().mapToInt(key -> LabelMatcher.maxEdits(key.length())).toArray();
        // keys that allow edits get no entry that a walk could reach: an empty key is never walked to
        exactKeys = LabelTrie.of(Arrays.stream(keys).map(key -> LabelMatcher.maxEdits(key.length()) == 0 ? key : "")
                .toList());
        lookupChars = new char[byChar.size()];
        rowsByLookupChar = new BitSet[byChar.size()];
        int i = 0;
        for (var entry : byChar.entrySet()) {
            lookupChars[i] = entry.getKey();
            rowsByLookupChar[i] = entry.getValue();
            i++;
        }
    }

    static RowLabelIndex of(TableTemplate template) {
        return new RowLabelIndex(template.rows());
    }

    /** An index of rows outside any template (tests of one row). */
    static RowLabelIndex ofRows(List<TableTemplate.Row> rows) {
        return new RowLabelIndex(List.copyOf(rows));
    }

    List<TableTemplate.Row> rows() {
        return rows;
    }

    int keyCount() {
        return keys.length;
    }

    int[] keysOf(int row) {
        return rowKeys[row];
    }

    String key(int id) {
        return keys[id];
    }

    int allowedEdits(int id) {
        return allowedEdits[id];
    }

    /** Sets in {@code into} the rows with a label whose last characters share one with the last characters of {@code key}. */
    void addRowsNear(String key, BitSet into) {
        for (int i = 1; i <= Math.min(LOOKUP_CHARS, key.length()); i++) {
            int at = Arrays.binarySearch(lookupChars, key.charAt(key.length() - i));
            if (at >= 0) {
                into.or(rowsByLookupChar[at]);
            }
        }
    }

    /** Sets in {@code into} the ids of the exact-only keys that {@code key} ends with. */
    void exactKeysEnding(String key, BitSet into) {
        exactKeys.suffixesOf(key, into);
    }
}
