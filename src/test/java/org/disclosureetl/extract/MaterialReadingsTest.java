package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every way the numbers after a label can fill a row's cells, on material as the label stream reads it. */
class MaterialReadingsTest {

    private static List<LabelStream.Atom> material(String line) {
        return LabelStream.of(TextDocuments.lines(line)).pieces().get(0).material();
    }

    private static MaterialReadings.ReadCell number(String digits) {
        return new MaterialReadings.ReadCell(new BigDecimal(digits), digits, false, false, null, "line 1");
    }

    private static final MaterialReadings.ReadCell EMPTY = MaterialReadings.ReadCell.empty("line 1");

    @Test
    void aRunOfDigitsSplitsIntoCellsWithoutLeadingZerosOrLeavesACellMissingAtACost() {
        List<MaterialReadings.Reading> readings = MaterialReadings.readings(material("规章102"), false, 2, 1, true);

        assertThat(readings).containsExactly(
                new MaterialReadings.Reading(List.of(number("10"), number("2")), 0),
                new MaterialReadings.Reading(List.of(number("102"), EMPTY), 2),
                new MaterialReadings.Reading(List.of(EMPTY, number("102")), 2));
    }

    @Test
    void aSpaceBetweenRunsIsTheCheapestPlaceForAnEmptyCell() {
        List<MaterialReadings.Reading> readings = MaterialReadings.readings(material("规章1 2"), false, 3, 1, true);

        assertThat(readings).containsExactly(
                new MaterialReadings.Reading(List.of(number("1"), number("2"), EMPTY), 2),
                new MaterialReadings.Reading(List.of(number("1"), EMPTY, number("2")), 1),
                new MaterialReadings.Reading(List.of(EMPTY, number("1"), number("2")), 2));
    }

    @Test
    void aSealedNumberAndABlankMarkAreOneCellEach() {
        List<LabelStream.Atom> atoms = material("规章102 -");

        assertThat(MaterialReadings.minCells(atoms)).isEqualTo(2);
        assertThat(MaterialReadings.maxCells(atoms)).isEqualTo(4);
        MaterialReadings.ReadCell blank = new MaterialReadings.ReadCell(null, "-", true, false, null, "line 1");
        assertThat(MaterialReadings.readings(atoms, false, 2, 0, false)).containsExactly(
                new MaterialReadings.Reading(List.of(number("102"), blank), 0));
        assertThat(MaterialReadings.readings(atoms, false, 4, 0, true)).containsExactly(
                new MaterialReadings.Reading(List.of(number("1"), number("0"), number("2"), blank), 0));
    }

    @Test
    void tooManyReadingsAreNone() {
        assertThat(MaterialReadings.readings(material("规章" + "1".repeat(15)), false, 5, 0, true)).hasSize(1001);
        assertThat(MaterialReadings.readings(material("规章" + "1".repeat(18)), false, 9, 0, true)).isNull();
    }
}
