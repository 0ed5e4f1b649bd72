package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.extract.SmallTables.numbers;
import static org.disclosureetl.extract.SmallTables.values;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How the values found for one anchored row are put into its cells, and what is said about it. */
class RowCellAssignmentTest {

    private final TableTemplate table = SmallTables.requests();
    private final TableTemplate.Row row = table.rows().get(0);
    private final List<Observation> observations = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    private static Token value(String text) {
        return new Token(Token.Kind.VALUE, text, text, new BigDecimal(text), false, 1, "line 2");
    }

    private void assign(List<IdentityRule> rules, Token... cells) {
        RowCellAssignment.assign(table, row, new RowCellAssignment.RowValues(List.of(cells), null, 0, false, 0),
                new RowBalance(rules), observations, findings, 3);
    }

    @Test
    void fewerNumbersThanCellsAreAssignedFromTheLeftAndFlagged() {
        assign(SmallTables.rowTotal(), value("3"), value("4"));

        assertThat(values(observations, "new")).isEqualTo(numbers(3, 4, null));
        assertThat(observations).extracting(Observation::ordinal).containsExactly(3, 4, 5);
        assertThat(observations.get(2).rawValue()).isEmpty();
        assertThat(observations.get(2).where()).isNull();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("cells_missing");
            assertThat(f.message()).isEqualTo("row 本年新收申请 has 2 numbers where 3 belong (3 4); they were assigned from the left");
        });
    }

    @Test
    void noNumbersAtAllLeaveEveryCellEmpty() {
        assign(SmallTables.rowTotal());

        assertThat(values(observations, "new")).isEqualTo(numbers(null, null, null));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("cells_missing");
            assertThat(f.actual()).isEqualTo("0");
            assertThat(f.message()).isEqualTo("row 本年新收申请 has no numbers");
        });
    }

    @Test
    void aRemarkAfterANumberGivesTheNumberAndAFinding() {
        Token annotated = new Token(Token.Kind.VALUE, "4(其中2件转办)", "4(其中2件转办)", BigDecimal.valueOf(4), true, 1,
                "line 2");
        assign(SmallTables.rowTotal(), value("3"), annotated, value("7"));

        assertThat(values(observations, "new")).isEqualTo(numbers(3, 4, 7));
        assertThat(observations.get(1).rawValue()).isEqualTo("4(其中2件转办)");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("annotated_value");
            assertThat(f.columnCode()).isEqualTo("company");
            assertThat(f.actual()).isEqualTo("4(其中2件转办)");
        });
    }

    @Test
    void digitsThatRanTogetherWithoutAnIdentityAreLeftEmptyAndFlagged() {
        assign(List.of(), value("347"));

        assertThat(values(observations, "new")).isEqualTo(numbers(null, null, null));
        assertThat(observations).extracting(Observation::rawValue).containsOnly("347");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("unsplittable_run_together");
            assertThat(f.message()).isEqualTo("the numbers of row 本年新收申请 ran together (347) and cannot be split with"
                    + " confidence: the row has no identity to tell the splits apart; its cells are left empty");
        });
    }

    @Test
    void digitsWithTwoSplitsThatAddUpAreLeftEmpty() {
        // 1|10|11 and 11|0|11 both add up
        assign(SmallTables.rowTotal(), value("11011"));

        assertThat(values(observations, "new")).isEqualTo(numbers(null, null, null));
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
                .endsWith("cannot be split with confidence: 2 splits make the row's total add up; its cells are left empty"));
    }

    @Test
    void onlyPlainDigitRunsWithEnoughDigitsRanTogether() {
        assertThat(RowCellAssignment.ranTogether(List.of(value("347")), 3)).isTrue();
        assertThat(RowCellAssignment.ranTogether(List.of(value("34")), 3)).isFalse();
        assertThat(RowCellAssignment.ranTogether(List.of(value("3"), value("4"), value("7")), 4)).isFalse();
        assertThat(RowCellAssignment.ranTogether(List.of(value("3.5"), value("47")), 3)).isFalse();
    }
}
