package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A block of labels followed by a block of number rows, as PDF-to-markdown conversions print them. */
class DetachedLabelBlocksTest {

    private static final LabelMatcher.Match MATCH = new LabelMatcher.Match(1.006, "二", null);

    private static List<String> raw(List<LabelStream.Atom> atoms) {
        return atoms.stream().map(LabelStream.Atom::raw).toList();
    }

    @Test
    void theNumbersAreSharedOutInRowOrderWhenTheyAreExactlyTheRowsCells() {
        LabelStream stream = LabelStream.of(TextDocuments.cells("一、本年新收申请二、上年结转申请", "3|4|7|0|1|1"));
        RowLabelAlignment.Candidate[] chosen = {null, new RowLabelAlignment.Candidate(0, MATCH)};

        RowLabelAlignment.Candidate[] assigned = DetachedLabelBlocks.assign(stream, SmallTables.requests(), chosen);

        assertThat(raw(assigned[0].material())).containsExactly("3", "4", "7");
        assertThat(raw(assigned[1].material())).containsExactly("0", "1", "1");
        assertThat(assigned[0].piece()).isZero();
        assertThat(assigned[0].match()).isSameAs(MATCH);
        assertThat(chosen[0]).as("the alignment's own choice is left as it was").isNull();
    }

    @Test
    void otherCountsOrDigitsRunTogetherLeaveTheRowsAsTheyWere() {
        RowLabelAlignment.Candidate[] chosen = {null, new RowLabelAlignment.Candidate(0, MATCH)};
        LabelStream five = LabelStream.of(TextDocuments.cells("一、本年新收申请二、上年结转申请", "3|4|7|0|1"));
        LabelStream run = LabelStream.of(TextDocuments.lines("一、本年新收申请二、上年结转申请347011"));

        assertThat(DetachedLabelBlocks.assign(five, SmallTables.requests(), chosen)).containsExactly(chosen);
        assertThat(DetachedLabelBlocks.assign(run, SmallTables.requests(), chosen)).containsExactly(chosen);
    }
}
