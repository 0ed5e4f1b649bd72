package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Finding a table's rows in the label stream in one alignment. */
class RowLabelAlignmentTest {

    private static List<Integer> pieces(RowLabelAlignment.Candidate[] chosen) {
        return Arrays.stream(chosen).map(c -> c == null ? null : c.piece()).toList();
    }

    @Test
    void theRowsAreFoundInOrderAndALabelRepeatedAfterTheTableDoesNotPullARowAway() {
        LabelStream stream = LabelStream.of(TextDocuments.lines("一、本年新收申请347二、上年结转申请011", "本年新收申请12"));
        RowLabelAlignment alignment = new RowLabelAlignment(stream, RowLabelIndex::of);

        RowLabelAlignment.Candidate[] chosen = alignment.rows(SmallTables.requests(), 0);

        assertThat(pieces(chosen)).containsExactly(0, 1);
        assertThat(chosen[0].match().numbering()).isEqualTo("一");
        assertThat(chosen[0].match().score()).isCloseTo(1.006, within(1e-9));
        assertThat(chosen[0].material()).isNull();
    }

    @Test
    void theSearchStartsAtTheGivenPiece() {
        LabelStream stream = LabelStream.of(TextDocuments.lines("一、本年新收申请347二、上年结转申请011", "上年结转申请5"));

        assertThat(pieces(new RowLabelAlignment(stream, RowLabelIndex::of).rows(SmallTables.requests(), 2))).containsExactly(null, 2);
    }

    @Test
    void aLabelWithATypoIsStillFoundAndARowNotPrintedIsNone() {
        LabelStream stream = LabelStream.of(TextDocuments.lines("一、本年新受申请347"));

        RowLabelAlignment.Candidate[] chosen = new RowLabelAlignment(stream, RowLabelIndex::of).rows(SmallTables.requests(), 0);

        assertThat(pieces(chosen)).containsExactly(0, null);
        // one edit of six characters
        assertThat(chosen[0].match().score()).isCloseTo(1 - 1.0 / 6 + 0.006, within(1e-9));
    }
}
