package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;

/**
 * Finds a table's rows in the {@link LabelStream}: every piece that ends with a row's label (fuzzily,
 * {@link LabelMatcher}) is a candidate, and one alignment over the whole table picks one piece per row in
 * increasing order, so that a label repeated in the prose or a heading printed twice does not pull a row
 * away from its table.
 */
final class RowLabelAlignment {

    /** What a row left unmatched costs in the alignment. */
    private static final double UNMATCHED_ROW = 0.6;
    /** What each label piece skipped between two matched rows costs. */
    private static final double SKIPPED_PIECE = 0.35;
    /** What each character of skipped label text costs beyond a short heading. */
    private static final double SKIPPED_CHAR = 0.01;
    private static final int FREE_SKIPPED_CHARS = 40;
    /** At most how many endings a piece has ({@link LabelMatcher#endings}: whole, without a unit, two remarks). */
    private static final int MAX_ENDINGS = 4;

    private final LabelStream stream;
    /** Label characters of pieces 0..i-1, to price skipped pieces in constant time. */
    private final int[] labelChars;
    /** Each piece's possible label endings, computed on the first search (a document read by the anchored reader alone never needs them). */
    private List<List<LabelMatcher.Ending>> endings;

    private final Function<TableTemplate, RowLabelIndex> indexes;
    /** Per ending of the piece being matched: the exact-only label keys it ends with. */
    private final BitSet[] exactHits = new BitSet[MAX_ENDINGS];
    private final LabelMatcher.EditRows editRows = new LabelMatcher.EditRows();

    /** @param indexes each template's labels indexed once, as the catalogue holds them ({@link TemplateCatalog#labelIndex}) */
    RowLabelAlignment(LabelStream stream, Function<TableTemplate, RowLabelIndex> indexes) {
        this.stream = stream;
        this.indexes = indexes;
        for (int e = 0; e < MAX_ENDINGS; e++) {
            exactHits[e] = new BitSet();
        }
        this.labelChars = new int[stream.pieces().size() + 1];
        for (int p = 0; p < stream.pieces().size(); p++) {
            labelChars[p + 1] = labelChars[p] + stream.pieces().get(p).text().length();
        }
    }

    /**
     * A row's label found at the end of a piece.
     *
     * @param material the row's own share of the piece's material where several labels share one
     *                 piece (labels detached from their numbers), or null for all of it
     */
    record Candidate(int piece, LabelMatcher.Match match, List<LabelStream.Atom> material) {
        Candidate(int piece, LabelMatcher.Match match) {
            this(piece, match, null);
        }
    }

    /** The piece chosen for each row of the template (null where none was), searching from piece {@code from}. */
    Candidate[] rows(TableTemplate template, int from) {
        return align(candidates(template, from));
    }

    private List<List<Candidate>> candidates(TableTemplate template, int from) {
        List<LabelStream.Piece> pieces = stream.pieces();
        RowLabelIndex index = indexes.apply(template);
        List<List<Candidate>> candidates = new ArrayList<>();
        for (int r = 0; r < template.rows().size(); r++) {
            candidates.add(new ArrayList<>());
        }
        // only rows whose labels end near the piece's last characters are worth an edit distance
        BitSet rows = new BitSet(template.rows().size());
        for (int p = from; p < pieces.size(); p++) {
            List<LabelMatcher.Ending> pieceEndings = endings().get(p);
            rows.clear();
            for (LabelMatcher.Ending ending : pieceEndings) {
                index.addRowsNear(ending.key(), rows);
            }
            if (rows.isEmpty()) {
                continue;
            }
            // the short labels that must match exactly: one walk of the trie per ending for all rows
            for (int e = 0; e < pieceEndings.size(); e++) {
                exactHits[e].clear();
                index.exactKeysEnding(pieceEndings.get(e).key(), exactHits[e]);
            }
            for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
                LabelMatcher.Match match = LabelMatcher.matchAtEnd(pieceEndings, exactHits, index, r, editRows);
                if (match != null) {
                    candidates.get(r).add(new Candidate(p, match));
                }
            }
        }
        return candidates;
    }

    /**
     * Picks one candidate piece per row, in increasing piece order, maximizing the match scores
     * minus what unmatched rows and skipped pieces between matched rows cost.
     */
    private Candidate[] align(List<List<Candidate>> candidates) {
        int rows = candidates.size();
        double[][] best = new double[rows][];
        int[][] fromRow = new int[rows][];
        int[][] fromCandidate = new int[rows][];
        for (int r = 0; r < rows; r++) {
            List<Candidate> forRow = candidates.get(r);
            best[r] = new double[forRow.size()];
            fromRow[r] = new int[forRow.size()];
            fromCandidate[r] = new int[forRow.size()];
            for (int j = 0; j < forRow.size(); j++) {
                Candidate c = forRow.get(j);
                double value = -UNMATCHED_ROW * r;
                int pr = -1;
                int pj = -1;
                for (int r0 = 0; r0 < r; r0++) {
                    List<Candidate> earlier = candidates.get(r0);
                    for (int j0 = 0; j0 < earlier.size(); j0++) {
                        Candidate e = earlier.get(j0);
                        if (e.piece() >= c.piece()) {
                            continue;
                        }
                        double v = best[r0][j0] - UNMATCHED_ROW * (r - r0 - 1) - skipCost(e.piece(), c.piece());
                        if (v > value) {
                            value = v;
                            pr = r0;
                            pj = j0;
                        }
                    }
                }
                best[r][j] = value + c.match().score();
                fromRow[r][j] = pr;
                fromCandidate[r][j] = pj;
            }
        }
        double top = 0;
        int br = -1;
        int bj = -1;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < best[r].length; j++) {
                double v = best[r][j] - UNMATCHED_ROW * (rows - 1 - r);
                if (br < 0 || v > top) {
                    top = v;
                    br = r;
                    bj = j;
                }
            }
        }
        Candidate[] chosen = new Candidate[rows];
        while (br >= 0) {
            chosen[br] = candidates.get(br).get(bj);
            int nr = fromRow[br][bj];
            int nj = fromCandidate[br][bj];
            br = nr;
            bj = nj;
        }
        return chosen;
    }

    private List<List<LabelMatcher.Ending>> endings() {
        if (endings == null) {
            endings = stream.pieces().stream().map(p -> LabelMatcher.endings(p.text())).toList();
        }
        return endings;
    }

    private double skipCost(int fromPiece, int toPiece) {
        int skipped = toPiece - fromPiece - 1;
        int chars = labelChars[toPiece] - labelChars[fromPiece + 1];
        return SKIPPED_PIECE * skipped + SKIPPED_CHAR * Math.max(0, chars - FREE_SKIPPED_CHARS);
    }
}
