package org.disclosureetl.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** templates/generations.csv as the extractor's catalogue and the codebook both read it. */
class GenerationsTest {

    @Test
    void theGenerationsNewestFirstWithTheirReportYears() {
        assertThat(Generations.ALL).containsExactly(new Generation("2021", 2021, null),
                new Generation("2019", 2019, 2020), new Generation("legacy", 2008, 2018));
        assertThat(Generations.of("2019")).isEqualTo(new Generation("2019", 2019, 2020));
        assertThat(Generations.of("2020")).isNull();
    }

    @Test
    void aYearBelongsToTheGenerationThatWasItsOfficialForm() {
        assertThat(Generations.formatForYear(2007)).isNull();
        assertThat(Generations.formatForYear(2008)).isEqualTo("legacy");
        assertThat(Generations.formatForYear(2020)).isEqualTo("2019");
        assertThat(Generations.formatForYear(2021)).isEqualTo("2021");
        assertThat(Generations.formatForYear(2040)).isEqualTo("2021");
        assertThat(Generations.formatForYear(null)).isNull();
        assertThat(new Generation("2019", 2019, 2020).covers(2021)).isFalse();
    }
}
