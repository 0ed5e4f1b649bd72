package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.extract.SolverTables.cells;
import static org.disclosureetl.extract.SolverTables.crawled;
import static org.disclosureetl.extract.SolverTables.segment;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The readings a segment's own row keeps, and what each assumes. */
class SegmentReadingsTest {

    private static final List<PlacedIdentity> STATISTICS =
            PlacedIdentity.placeAll(SolverTables.statistics(), SolverTables.statisticsRules());

    @Test
    void theRowsOwnAtLeastIdentityKeepsOnlyTheSplitsThatHold() {
        // 20263542: 20 | 263542, 202 | 63542 and 2026 | 3542 keep 历年累计 >= the year; 2 | 0263542 is no number
        SegmentReadings readings = SegmentReadings.of(
                segment(SolverTables.statistics(), 0, crawled("主动公开信息数条20263542")), STATISTICS);

        assertThat(shown(readings)).containsExactly("20 263542", "202 63542", "2026 3542");
        assertThat(readings.costs()).containsExactly(0, 0, 0);
        assertThat(readings.extra()).isFalse();
    }

    @Test
    void aReadingTheRowsOwnIdentitiesLeftAloneIsMarkedNarrowedAndASplit() {
        // 728: 7 | 28 keeps 历年累计 >= the year, 72 | 8 breaks it, and 728 with a cell not printed is unchecked
        TableSolver.Segment segment = segment(SolverTables.statistics(), 0, crawled("主动公开信息数条728"));
        SegmentReadings readings = SegmentReadings.of(segment, STATISTICS);

        assertThat(shown(readings)).containsExactly("7 28");
        assertThat(readings.narrowed()).isTrue();
        assertThat(SegmentReadings.splitsARun(segment, readings.readings().get(0))).isTrue();
    }

    @Test
    void cellsThatKeptTheirBoundariesAreNeitherNarrowedNorSplit() {
        TableSolver.Segment segment = segment(SolverTables.statistics(), 1, cells("网站公开|1498|6701"));
        SegmentReadings readings = SegmentReadings.of(segment, STATISTICS);

        assertThat(readings.narrowed()).isFalse();
        assertThat(SegmentReadings.splitsARun(segment, readings.readings().get(0))).isFalse();
    }

    @Test
    void cellsThatKeptTheirBoundariesAreNeverSplit() {
        SegmentReadings readings = SegmentReadings.of(
                segment(SolverTables.statistics(), 1, cells("网站公开|1498|6701")), STATISTICS);

        assertThat(shown(readings)).containsExactly("1498 6701");
    }

    @Test
    void aRowWithoutIdentitiesKeepsEveryReadingWithWhatItAssumes() {
        // without identities nothing is ruled out here; the search prefers the readings that assume nothing
        assertThat(costed(SegmentReadings.of(segment(SolverTables.licensing(), 0, crawled("行政许可4500")), List.of())))
                .containsExactly("4 50 0 (0)", "4 500 blank (2)", "45 0 0 (0)", "450 0 blank (2)",
                        "4500 blank blank (4)", "blank 4 500 (2)", "blank 450 0 (2)", "blank 4500 blank (4)",
                        "blank blank 4500 (4)");
    }

    @Test
    void aSpaceBetweenRunsInARowWithoutIdentitiesIsNeverSplitAcross() {
        // 45 0: two runs; without identities 45 stays whole, and the space is the cheapest place for the empty cell
        assertThat(costed(SegmentReadings.of(segment(SolverTables.licensing(), 0, crawled("行政许可45 0")), List.of())))
                .containsExactly("45 0 blank (2)", "45 blank 0 (1)", "blank 45 0 (2)");
    }

    @Test
    void aMissingCellCostsWhatItAssumes() {
        SegmentReadings readings = SegmentReadings.of(
                segment(SolverTables.statistics(), 1, cells("网站公开|1498")), STATISTICS);

        assertThat(shown(readings)).containsExactly("1498 blank", "blank 1498");
        assertThat(readings.costs()).containsExactly(2, 2);
        assertThat(readings.assumesACell(List.of(0))).isTrue();
    }

    @Test
    void moreNumbersThanCellsGiveTheWindowsThatKeepTheRow() {
        SegmentReadings readings = SegmentReadings.of(
                segment(SolverTables.statistics(), 1, cells("网站公开|9|1498|6701")), STATISTICS);

        assertThat(shown(readings)).containsExactly("9 1498", "1498 6701");
        assertThat(readings.costs()).containsExactly(0, 0);
        assertThat(readings.extra()).isTrue();
    }

    @Test
    void noNumbersOrNoFittingReadingGiveNone() {
        assertThat(SegmentReadings.of(segment(SolverTables.statistics(), 2, List.of()), STATISTICS))
                .isEqualTo(SegmentReadings.NONE);
        // five sealed cells cannot fill two, and no window of them keeps the row (each later one is smaller)
        assertThat(SegmentReadings.of(segment(SolverTables.statistics(), 2, cells("政府公报公开|9|8|7|6|5")), STATISTICS)
                .isEmpty()).isTrue();
    }

    private static List<String> costed(SegmentReadings readings) {
        List<String> shown = shown(readings);
        return java.util.stream.IntStream.range(0, shown.size())
                .mapToObj(i -> shown.get(i) + " (" + readings.costs().get(i) + ")").toList();
    }

    private static List<String> shown(SegmentReadings readings) {
        return readings.readings().stream()
                .map(r -> String.join(" ", r.stream().map(SegmentFindings::show).toList())).toList();
    }
}
