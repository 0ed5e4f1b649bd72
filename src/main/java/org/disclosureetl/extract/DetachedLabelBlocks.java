package org.disclosureetl.extract;

import java.util.List;

/**
 * PDF-to-markdown conversions print a block of labels and then a block of number rows: one piece
 * ends with the last label, and the labels of the rows before it sit earlier in the same piece. When
 * the piece's numbers are exactly as many cells as all those rows have, they are assigned to the rows
 * in order.
 */
final class DetachedLabelBlocks {

    private DetachedLabelBlocks() {
    }

    /** The rows' candidates with the rows of such a block given their own share of its numbers. */
    static RowLabelAlignment.Candidate[] assign(LabelStream stream, TableTemplate table,
                                                RowLabelAlignment.Candidate[] chosen) {
        RowLabelAlignment.Candidate[] result = chosen.clone();
        for (int r = 0; r < chosen.length; r++) {
            if (chosen[r] == null) {
                continue;
            }
            LabelStream.Piece piece = stream.pieces().get(chosen[r].piece());
            String key = piece.key();
            int first = r;
            int at = key.length();
            while (first > 0 && chosen[first - 1] == null && !table.rows().get(first - 1).aggregateOnly()) {
                int found = lastIndexOfAny(key.substring(0, at), table.rows().get(first - 1).keys());
                if (found < 0) {
                    break;
                }
                at = found;
                first--;
            }
            if (first == r || piece.material().stream().anyMatch(a -> a.kind() == LabelStream.AtomKind.DIGITS
                    && a.digits().length() > 1 && a.gap() == LabelStream.Gap.NONE)) {
                continue;
            }
            int cells = 0;
            for (int k = first; k <= r; k++) {
                cells += table.rows().get(k).columns().size();
            }
            if (piece.material().size() != cells) {
                continue;
            }
            int from = 0;
            for (int k = first; k <= r; k++) {
                int n = table.rows().get(k).columns().size();
                result[k] = new RowLabelAlignment.Candidate(chosen[r].piece(), chosen[r].match(),
                        piece.material().subList(from, from + n));
                from += n;
            }
        }
        return result;
    }

    private static int lastIndexOfAny(String text, List<String> keys) {
        int best = -1;
        for (String key : keys) {
            if (!key.isEmpty()) {
                best = Math.max(best, text.lastIndexOf(key));
            }
        }
        return best;
    }
}
