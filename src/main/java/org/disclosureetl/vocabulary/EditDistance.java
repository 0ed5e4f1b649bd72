package org.disclosureetl.vocabulary;

/**
 * Levenshtein distance over code points (a Chinese character outside the BMP counts as one), for the few places
 * that tell a misspelt word from the known ones: a mistyped setting name ({@code cli/Settings}), an OCR'd row label
 * ({@code parse/ocr/NumberedLabels}). The label search of extract has its own bounded form (extract/LabelMatcher).
 */
public final class EditDistance {

    private EditDistance() {
    }

    public static int between(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1),
                        previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}
