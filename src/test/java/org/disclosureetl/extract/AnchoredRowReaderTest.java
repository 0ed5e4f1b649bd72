package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.extract.SmallTables.numbers;
import static org.disclosureetl.extract.SmallTables.values;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The reader of tables that kept their cell boundaries, on small pipe-separated tables. */
class AnchoredRowReaderTest {

    private static TableReading read(String... lines) {
        AnchoredRowReader reader = new AnchoredRowReader(Tokenizer.tokenize(TextDocuments.cells(lines)));
        return reader.read(SmallTables.requests(), SmallTables.rowTotal(), new ProseEvidence(""), 0);
    }

    @Test
    void rowsAnchoredOnTheirLabelsGiveTheirCellsWithoutADoubt() {
        TableReading reading = read("申请人|自然人|法人|总计", "一、本年新收申请|3|4|7", "二、上年结转申请|0|1|1");

        assertThat(values(reading.observations(), "new")).isEqualTo(numbers(3, 4, 7));
        assertThat(values(reading.observations(), "carried_over")).isEqualTo(numbers(0, 1, 1));
        assertThat(reading.findings()).isEmpty();
        assertThat(reading.rowsFound()).isEqualTo(2);
        // 4 header tokens, then a label and three values per row
        assertThat(reading.end()).isEqualTo(12);
        Observation first = reading.observations().get(0);
        assertThat(first).isEqualTo(new Observation(SmallTables.TABLE, "new", "person", java.math.BigDecimal.valueOf(3),
                "3", null, "本年新收申请", "自然人", "line 2", 0));
        assertThat(reading.observations()).extracting(Observation::ordinal).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aMissingRowIsAFindingAndTheNextRowKeepsItsPlaceInTheOrder() {
        TableReading reading = read("二、上年结转申请|0|1|1");

        assertThat(reading.rowsFound()).isEqualTo(1);
        assertThat(reading.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("row_missing");
            assertThat(f.rowCode()).isEqualTo("new");
            assertThat(f.message()).isEqualTo("no row labelled 本年新收申请 was found");
        });
        assertThat(reading.observations()).extracting(Observation::ordinal).containsExactly(3, 4, 5);
    }

    @Test
    void valuesOnTheLinesBelowTheLabelAreTheRowsAndAUnitAfterTheLabelIsKept() {
        TableReading reading = read("一、本年新收申请|件", "3 4 7", "二、上年结转申请", "0", "1", "1");

        assertThat(values(reading.observations(), "new")).isEqualTo(numbers(3, 4, 7));
        assertThat(values(reading.observations(), "carried_over")).isEqualTo(numbers(0, 1, 1));
        assertThat(reading.observations().get(0).unit()).isEqualTo("件");
        assertThat(reading.observations().get(3).unit()).isNull();
        assertThat(reading.observations().get(5).where()).isEqualTo("line 6");
        assertThat(reading.findings()).isEmpty();
    }

    @Test
    void moreNumbersThanCellsKeepTheWindowWhereTheTotalAddsUp() {
        TableReading reading = read("一、本年新收申请|9|3|4|7", "二、上年结转申请|0|1|1");

        assertThat(values(reading.observations(), "new")).isEqualTo(numbers(3, 4, 7));
        assertThat(reading.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("extra_cells");
            assertThat(f.expected()).isEqualTo("3");
            assertThat(f.actual()).isEqualTo("4");
            assertThat(f.message()).isEqualTo("row 本年新收申请 has 4 numbers where 3 belong (9 3 4 7); numbers 2 to 4"
                    + " were kept, the reading where the row's total adds up");
        });
    }

    @Test
    void digitsThatRanTogetherAreSplitWhereOnlyOneSplitAddsUp() {
        TableReading reading = read("一、本年新收申请|347", "二、上年结转申请|0|1|1");

        assertThat(values(reading.observations(), "new")).isEqualTo(numbers(3, 4, 7));
        assertThat(reading.observations().get(0).rawValue()).isEqualTo("347");
        assertThat(reading.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("split_run_together");
            assertThat(f.message()).isEqualTo("the numbers of row 本年新收申请 ran together (347); split as 3 4 7,"
                    + " the only split where the row's total adds up");
        });
    }

    @Test
    void aLoneDashFillsEveryCellOfItsRowWithABlank() {
        TableReading reading = read("一、本年新收申请|-", "二、上年结转申请|0|1|1");

        assertThat(values(reading.observations(), "new")).isEqualTo(numbers(null, null, null));
        assertThat(reading.observations().subList(0, 3)).extracting(Observation::rawValue).containsOnly("-");
        assertThat(reading.findings()).isEmpty();
    }

    @Test
    void aLabelCutShortByALineWrapStillMatchesItsRow() {
        TableTemplate.Row row = SmallTables.row("new", "本年新收政府信息公开申请数量", "一");

        assertThat(AnchoredRowReader.matches(row, LabelKey.of("一、本年新收政府信息"))).isTrue();
        assertThat(AnchoredRowReader.matches(row, LabelKey.of("一、本年新收"))).isFalse();
        assertThat(AnchoredRowReader.matches(row, LabelKey.of("二、本年新收政府信息公开申请数量"))).isFalse();
        assertThat(AnchoredRowReader.matches(row, null)).isFalse();
    }

    @Test
    void theLayoutKindKeepsCellBoundariesAndIsNamedAnchored() {
        assertThat(AnchoredRowReader.KIND.keepsCellBoundaries()).isTrue();
        TableReader reader = AnchoredRowReader.KIND.readerFor(new TableReader.ReportText(TextDocuments.cells("a|1"),
                new LabelStream(List.of()), RowLabelIndex::of, PlacedIdentity::placeAll));
        assertThat(reader.name()).isEqualTo("anchored");
    }
}
