package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The template generations as data (templates/generations.csv): their order and the years each covers. */
class TemplateCatalogTest {

    private final TemplateCatalog catalog = new TemplateCatalog();

    @Test
    void generationsNewestFirst() {
        assertThat(catalog.formats()).containsExactly("2021", "2019", "legacy");
    }

    @Test
    void theGenerationOfAReportYear() {
        assertThat(catalog.formatForYear(2007)).isNull();
        assertThat(catalog.formatForYear(2008)).isEqualTo("legacy");
        assertThat(catalog.formatForYear(2018)).isEqualTo("legacy");
        assertThat(catalog.formatForYear(2019)).isEqualTo("2019");
        assertThat(catalog.formatForYear(2020)).isEqualTo("2019");
        assertThat(catalog.formatForYear(2021)).isEqualTo("2021");
        assertThat(catalog.formatForYear(2035)).isEqualTo("2021");
        assertThat(catalog.formatForYear(null)).isNull();
    }
}
