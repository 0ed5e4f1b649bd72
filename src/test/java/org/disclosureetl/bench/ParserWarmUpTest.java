package org.disclosureetl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParserWarmUpTest {

    @Test
    void compilerThreadTicksAreUserPlusSystemTime() {
        String stat = "26213 (C2 CompilerThre) S 26203 26203 19000 0 -1 1077936192 8 0 0 0 1234 56 0 0 20 0 1 0 "
                + "825008 5353472 988 18446744073709551615";

        assertThat(ParserWarmUp.compilerTicks(stat)).isEqualTo(1290);
        assertThat(ParserWarmUp.compilerTicks(stat.replace("C2", "C1"))).isEqualTo(1290);
    }

    @Test
    void otherThreadsCountNothing() {
        String stat = "26204 (java) S 26203 26203 19000 0 -1 4194560 8 0 0 0 900 12 0 0 20 0 1 0 "
                + "825008 5353472 988 18446744073709551615";
        String tricky = "26205 (a) (C2 CompilerThre) S 1 1 1 0 -1 0 0 0 0 0 7 7 0 0 20 0 1 0 1 1 1 1";

        assertThat(ParserWarmUp.compilerTicks(stat)).isZero();
        assertThat(ParserWarmUp.compilerTicks(tricky)).isZero();
    }

    @Test
    void coldStartIsTheFirstRoundMinusTheLast() {
        ParserWarmUp.Rounds rounds = new ParserWarmUp.Rounds(200, 2, java.util.List.of(7000L, 2500L, 1900L),
                java.util.List.of(9000L, 1200L, 150L));

        assertThat(rounds.coldStartMillis()).isEqualTo(5100);
    }
}
