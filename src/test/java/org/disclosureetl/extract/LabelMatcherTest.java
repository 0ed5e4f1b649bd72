package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a label piece is matched to a template row's label at its end, on labels as reports print them. */
class LabelMatcherTest {

    private static TableTemplate.Row row(String key, String numbering, boolean numberingRequired) {
        return new TableTemplate.Row("row", key, numbering, numberingRequired, List.of(key), List.of(), null);
    }

    @Test
    void theEditsAllowedGrowWithTheLabelsLength() {
        assertThat(List.of(3, 4, 6, 7, 8, 12).stream().map(LabelMatcher::maxEdits).toList())
                .containsExactly(0, 1, 1, 1, 2, 3);
    }

    @Test
    void aPieceEndsWithItsLabelWholeWithoutItsUnitAndWithoutItsRemark() {
        List<LabelMatcher.Ending> unit = LabelMatcher.endings("主动公开信息数条");
        assertThat(unit).extracting(LabelMatcher.Ending::key).containsExactly("主动公开信息数条", "主动公开信息数");
        assertThat(unit).extracting(LabelMatcher.Ending::unit).containsExactly(null, "条");

        List<LabelMatcher.Ending> remark = LabelMatcher.endings("规章(设区的市)");
        assertThat(remark).extracting(LabelMatcher.Ending::key).containsExactly("规章设区的市", "规章");
        assertThat(remark.get(1).text()).isEqualTo("规章");
    }

    @Test
    void anExactLabelAfterOtherLabelsScoresOneAndGivesTheNumberingBeforeIt() {
        LabelMatcher.Match match = LabelMatcher.matchAtEnd(LabelMatcher.endings("三、本年度办理结果(一)予以公开"),
                row("予以公开", "(一)", false));

        assertThat(match.score()).isCloseTo(1.004, within(1e-9));
        assertThat(match.numbering()).isEqualTo("(一)");
        assertThat(match.unit()).isNull();
    }

    @Test
    void aLabelWithDroppedCharactersMatchesWithinItsEditsAtALowerScore() {
        // 法规禁 dropped: 3 edits of 12 characters, 3 allowed
        LabelMatcher.Match match = LabelMatcher.matchAtEnd(LabelMatcher.endings("2.其他法律行政止公开"),
                row("其他法律行政法规禁止公开", "2", false));

        assertThat(match.score()).isCloseTo(1 - 3.0 / 12 + 0.012, within(1e-9));
        assertThat(match.numbering()).isEqualTo("2");
    }

    @Test
    void anotherNumberingTooManyEditsOrAMissingRequiredNumberingIsNoMatch() {
        assertThat(LabelMatcher.matchAtEnd(LabelMatcher.endings("2.其他法律行政止公开"),
                row("其他法律行政法规禁止公开", "3", false))).isNull();
        assertThat(LabelMatcher.matchAtEnd(LabelMatcher.endings("其他公开"),
                row("其他法律行政法规禁止公开", null, false))).isNull();
        assertThat(LabelMatcher.matchAtEnd(LabelMatcher.endings("其他"), row("其他", "3", true))).isNull();
        assertThat(LabelMatcher.matchAtEnd(LabelMatcher.endings("3.其他"), row("其他", "3", true)).numbering())
                .isEqualTo("3");
    }

    @Test
    void aUnitAtTheEndOfALabelIsOnlyAUnitAfterOtherText() {
        assertThat(LabelMatcher.unitAtEnd("主动公开信息数条")).isEqualTo("条");
        assertThat(LabelMatcher.unitAtEnd("接待人次")).isEqualTo("人次");
        assertThat(LabelMatcher.unitAtEnd("条")).isNull();
        assertThat(LabelMatcher.unitAtEnd("总计")).isNull();
    }

    @Test
    void theSuffixDistanceIsTheBestSuffixOfTheText() {
        assertThat(LabelMatcher.suffixDistance("予以公开", "本年度予以公开", 1)).containsExactly(0, 4);
        assertThat(LabelMatcher.suffixDistance("予以公开", "本年度予公开", 1)).containsExactly(1, 3);
        assertThat(LabelMatcher.suffixDistance("予以公开", "部分公开", 1)).isNull();
    }
}
