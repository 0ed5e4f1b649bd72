package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.extract.SmallTables.numbers;
import static org.disclosureetl.extract.SmallTables.values;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The review and litigation table's run of cells read from tokens, on a two-row, two-column run table. */
class AnchoredRunReaderTest {

    private static final TableTemplate RUN = new TableTemplate("2021", "review_litigation", "",
            TableTemplate.Layout.RUN, "行政复议", null, List.of(row("review", "行政复议"), row("litigation", "行政诉讼")),
            List.of());

    private static TableTemplate.Row row(String code, String label) {
        return new TableTemplate.Row(code, label, null, false, List.of(label),
                List.of(new TableTemplate.Column("upheld", "结果维持"), new TableTemplate.Column("total", "总计")), null);
    }

    private static TableReading read(String... lines) {
        AnchoredRowReader reader = new AnchoredRowReader(Tokenizer.tokenize(TextDocuments.cells(lines)));
        return reader.read(RUN, List.of(), new ProseEvidence(""), 0);
    }

    @Test
    void aLineWithExactlyTheTablesCellsIsReadByPositionBlanksIncluded() {
        TableReading reading = read("行政复议|行政诉讼", "结果维持|总计|结果维持|总计", "5|5|-|0", "四、存在的主要问题");

        assertThat(values(reading.observations(), "review")).isEqualTo(numbers(5, 5));
        assertThat(values(reading.observations(), "litigation")).isEqualTo(numbers(null, 0));
        assertThat(reading.observations().get(2).rawValue()).isEqualTo("-");
        assertThat(reading.findings()).isEmpty();
        assertThat(reading.rowsFound()).isEqualTo(2);
        // the tokens of the first three lines: 2 + 4 + 4
        assertThat(reading.end()).isEqualTo(10);
    }

    @Test
    void numbersOnePerLineAreTakenInOrderAndTooFewAreFlagged() {
        TableReading reading = read("行政复议", "1", "1", "2", "四、存在的主要问题", "3");

        assertThat(reading.observations()).extracting(Observation::value).isEqualTo(numbers(1, 1, 2));
        assertThat(reading.observations()).extracting(Observation::ordinal).containsExactly(0, 1, 2);
        assertThat(reading.rowsFound()).isEqualTo(2);
        assertThat(reading.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("cells_missing");
            assertThat(f.message()).isEqualTo("expected 4 numbers after the header, found 3; the cells without a number"
                    + " are left empty");
        });
        assertThat(reading.end()).isEqualTo(4);
    }

    @Test
    void withoutItsHeaderTheTableIsNotFound() {
        TableReading reading = read("行政诉讼", "1", "1", "2", "3");

        assertThat(reading.rowsFound()).isZero();
        assertThat(reading.observations()).isEmpty();
        assertThat(reading.end()).isZero();
    }
}
