package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class RunTogetherSplitterTest {

    /** 总计 (the last of seven) equals the sum of the six applicant columns. */
    private static final Predicate<List<BigDecimal>> TOTAL_IS_SUM = values ->
            values.subList(0, 6).stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(values.get(6)) == 0;

    @Test
    void theFormatNotesExampleHasExactlyOneBalancedSplit() {
        assertThat(RunTogetherSplitter.solutions(List.of("640020470"), 7, TOTAL_IS_SUM))
                .containsExactly(decimals(64, 0, 0, 2, 0, 4, 70));
    }

    @Test
    void spacesAlreadyInTheTextAreKeptAsBoundaries() {
        // 200 | 000121: the space keeps 200 apart from 000121, and no number starts with 0
        assertThat(RunTogetherSplitter.solutions(List.of("200", "000121"), 7, TOTAL_IS_SUM))
                .containsExactly(decimals(20, 0, 0, 0, 0, 1, 21));
    }

    @Test
    void severalBalancedSplitsAreAllReturnedSoTheCallerFlagsInsteadOfPicking() {
        assertThat(RunTogetherSplitter.solutions(List.of("110000011"), 7, TOTAL_IS_SUM))
                .containsExactlyInAnyOrder(decimals(1, 10, 0, 0, 0, 0, 11), decimals(11, 0, 0, 0, 0, 0, 11));
    }

    @Test
    void noBalancedSplitGivesNoSolution() {
        assertThat(RunTogetherSplitter.solutions(List.of("1111111"), 7, TOTAL_IS_SUM)).isEmpty();
    }

    private static List<BigDecimal> decimals(int... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }
}
