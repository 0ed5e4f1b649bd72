package org.disclosureetl.normalize;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.houbb.opencc4j.support.datamap.impl.DataMaps;

/**
 * Immutable code-point to code-point map for character-level Traditional to Simplified
 * conversion (OpenCC's TSCharacters table, first candidate of each entry).
 *
 * <p>BMP keys are looked up in a dense array, supplementary-plane keys by binary search.
 * Targets may be supplementary (for example U+346E to U+2B748), so the table works on code
 * points, not on {@code char}s.
 */
final class CharacterTable {

    private static final int BMP_SIZE = 0x10000;
    private static final int NO_MAPPING = 0;

    /** Target code point for each BMP key, {@link #NO_MAPPING} when the character is kept. */
    private final int[] bmp;
    private final int[] supplementaryKeys;
    private final int[] supplementaryValues;

    private CharacterTable(int[] bmp, int[] supplementaryKeys, int[] supplementaryValues) {
        this.bmp = bmp;
        this.supplementaryKeys = supplementaryKeys;
        this.supplementaryValues = supplementaryValues;
    }

    /**
     * Builds the table from opencc4j's TSCharacters dictionary. opencc4j's own character-level
     * converter is not used: it works per UTF-16 unit, so it skips every entry whose key or
     * target is outside the BMP, and it allocates a String and a List per character.
     */
    static CharacterTable fromOpencc4j() {
        Map<String, List<String>> dictionary = DataMaps.defaults().tsChar();
        TreeMap<Integer, Integer> mappings = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : dictionary.entrySet()) {
            String key = entry.getKey();
            List<String> candidates = entry.getValue();
            if (key == null || candidates == null || candidates.isEmpty()) {
                continue;
            }
            String target = candidates.get(0);
            if (!isSingleCodePoint(key) || target == null || !isSingleCodePoint(target)) {
                throw new IllegalStateException("Unexpected TSCharacters entry: " + key + " -> " + candidates);
            }
            mappings.put(key.codePointAt(0), target.codePointAt(0));
        }
        if (mappings.size() < 1000) {
            throw new IllegalStateException("TSCharacters dictionary looks truncated: " + mappings.size() + " entries");
        }
        return of(mappings);
    }

    /** Builds a table from code-point mappings; identity mappings are dropped. */
    static CharacterTable of(Map<Integer, Integer> mappings) {
        int[] bmp = new int[BMP_SIZE];
        TreeMap<Integer, Integer> supplementary = new TreeMap<>();
        for (Map.Entry<Integer, Integer> entry : mappings.entrySet()) {
            int from = entry.getKey();
            int to = entry.getValue();
            if (from == to) {
                continue;
            }
            if (from < BMP_SIZE) {
                bmp[from] = to;
            } else {
                supplementary.put(from, to);
            }
        }
        int[] keys = new int[supplementary.size()];
        int[] values = new int[supplementary.size()];
        int i = 0;
        for (Map.Entry<Integer, Integer> entry : supplementary.entrySet()) {
            keys[i] = entry.getKey();
            values[i] = entry.getValue();
            i++;
        }
        return new CharacterTable(bmp, keys, values);
    }

    private static boolean isSingleCodePoint(String s) {
        return !s.isEmpty() && s.codePointCount(0, s.length()) == 1;
    }

    /** @return the target of {@code codePoint}, or {@code codePoint} itself when it is kept */
    int map(int codePoint) {
        if (codePoint < BMP_SIZE) {
            int target = bmp[codePoint];
            return target == NO_MAPPING ? codePoint : target;
        }
        int index = Arrays.binarySearch(supplementaryKeys, codePoint);
        return index >= 0 ? supplementaryValues[index] : codePoint;
    }

    /** @return whether {@code codePoint} is changed by the conversion */
    boolean changes(int codePoint) {
        return map(codePoint) != codePoint;
    }

    /** Converts every character; returns {@code text} itself when nothing changes. */
    String convert(String text) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                int codePoint = text.codePointAt(i);
                if (map(codePoint) != codePoint) {
                    break;
                }
                i += Character.charCount(codePoint);
            } else if (bmp[c] != NO_MAPPING) {
                break;
            } else {
                i++;
            }
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length + 16);
        out.append(text, 0, i);
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                int codePoint = text.codePointAt(i);
                out.appendCodePoint(map(codePoint));
                i += Character.charCount(codePoint);
            } else {
                int target = bmp[c];
                if (target == NO_MAPPING) {
                    out.append(c);
                } else if (target < BMP_SIZE) {
                    out.append((char) target);
                } else {
                    out.appendCodePoint(target);
                }
                i++;
            }
        }
        return out.toString();
    }
}
