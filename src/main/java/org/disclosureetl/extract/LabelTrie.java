package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;

/**
 * Label keys in a trie read from their last character back, so that one walk from the end of a piece's key
 * finds every label it ends with: the labels are matched at the end of a piece ({@link LabelMatcher}), and a
 * piece is compared with all of a table's labels. Built once from a list of keys, immutable; a key's id is its
 * index in that list (a key listed twice has both ids).
 */
final class LabelTrie {

    /** Per node: where its children start in {@link #childChars} and {@link #childNodes} (sorted by character). */
    private final int[] childStart;
    private final char[] childChars;
    private final int[] childNodes;
    /** Per node: the ids of the keys that end there (read backwards: that start there), or none. */
    private final int[][] keyIds;

    private LabelTrie(int[] childStart, char[] childChars, int[] childNodes, int[][] keyIds) {
        this.childStart = childStart;
        this.childChars = childChars;
        this.childNodes = childNodes;
        this.keyIds = keyIds;
    }

    static LabelTrie of(List<String> keys) {
        // a mutable tree first, then flattened breadth-first into arrays
        List<TreeMap<Character, Integer>> children = new ArrayList<>();
        List<List<Integer>> ids = new ArrayList<>();
        children.add(new TreeMap<>());
        ids.add(new ArrayList<>());
        for (int id = 0; id < keys.size(); id++) {
            String key = keys.get(id);
            int node = 0;
            for (int i = key.length() - 1; i >= 0; i--) {
                Integer next = children.get(node).get(key.charAt(i));
                if (next == null) {
                    next = children.size();
                    children.add(new TreeMap<>());
                    ids.add(new ArrayList<>());
                    children.get(node).put(key.charAt(i), next);
                }
                node = next;
            }
            ids.get(node).add(id);
        }
        int nodes = children.size();
        int[] start = new int[nodes + 1];
        char[] chars = new char[nodes - 1];
        int[] targets = new int[nodes - 1];
        int[][] keyIds = new int[nodes][];
        int edge = 0;
        for (int node = 0; node < nodes; node++) {
            start[node] = edge;
            for (var child : children.get(node).entrySet()) {
                chars[edge] = child.getKey();
                targets[edge] = child.getValue();
                edge++;
            }
            keyIds[node] = ids.get(node).stream().mapToInt(Integer::intValue).toArray();
        }
        start[nodes] = edge;
        return new LabelTrie(start, chars, targets, keyIds);
    }

    /** Sets in {@code into} the id of every key that {@code text} ends with (exactly). */
    void suffixesOf(String text, BitSet into) {
        int node = 0;
        for (int i = text.length() - 1; i >= 0 && node >= 0; i--) {
            node = child(node, text.charAt(i));
            if (node >= 0) {
                for (int id : keyIds[node]) {
                    into.set(id);
                }
            }
        }
    }

    /** The id of the longest key that {@code text} ends with (the first listed of equal keys), or -1. */
    int longestSuffix(String text) {
        int found = -1;
        int node = 0;
        for (int i = text.length() - 1; i >= 0 && node >= 0; i--) {
            node = child(node, text.charAt(i));
            if (node >= 0 && keyIds[node].length > 0) {
                found = keyIds[node][0];
            }
        }
        return found;
    }

    private int child(int node, char c) {
        int i = Arrays.binarySearch(childChars, childStart[node], childStart[node + 1], c);
        return i >= 0 ? childNodes[i] : -1;
    }
}
