package org.disclosureetl.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** documents.csv's paths column: every path of a document in one cell. */
class CsvRowsTest {

    @Test
    void pathsAreJoinedByABarAndABarInANameIsEscaped() {
        assertThat(CsvRows.paths(List.of("a.txt"))).isEqualTo("a.txt");
        assertThat(CsvRows.paths(List.of("a.txt", "copies/a.txt", "x|y.txt"))).isEqualTo("a.txt|copies/a.txt|x\\|y.txt");
        assertThat(CsvRows.paths(List.of())).isEmpty();
        assertThat(CsvRows.paths(null)).isEmpty();
    }
}
