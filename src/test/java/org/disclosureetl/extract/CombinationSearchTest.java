package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.extract.SolverTables.cells;
import static org.disclosureetl.extract.SolverTables.crawled;
import static org.disclosureetl.extract.SolverTables.segment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The search for the combinations of readings that keep the most column identities. */
class CombinationSearchTest {

    private static final TableTemplate TABLE = SolverTables.statistics();
    private static final List<PlacedIdentity> IDENTITIES = PlacedIdentity.placeAll(TABLE, SolverTables.statisticsRules());

    @Test
    void theOneCombinationThatKeepsBothColumnSums() {
        CombinationSearch search = search(crawled("主动公开信息数条15326847"), crawled("网站公开条14986701"),
                crawled("政府公报公开条34146"));

        // readings in order: 1|5326847 15|326847 153|26847 1532|6847; 1|4986701 ... 1498|6701; 3|4146 34|146
        assertThat(search.best()).containsExactly(new int[] {3, 3, 1});
        assertThat(search.brokenSlots(new int[] {3, 3, 1})).isEmpty();
        assertThat(search.values(new int[] {3, 3, 1})).containsOnly(
                Map.entry(new TableSolver.Slot(0, 0), new BigDecimal("1532")),
                Map.entry(new TableSolver.Slot(0, 1), new BigDecimal("6847")),
                Map.entry(new TableSolver.Slot(1, 0), new BigDecimal("1498")),
                Map.entry(new TableSolver.Slot(1, 1), new BigDecimal("6701")),
                Map.entry(new TableSolver.Slot(2, 0), new BigDecimal("34")),
                Map.entry(new TableSolver.Slot(2, 1), new BigDecimal("146")));
    }

    @Test
    void aBrokenColumnNamesItsCellsAndAFixedReadingIsKeptInEveryCombination() {
        // 202 = 190 + 12 keeps the year's column; no reading keeps the 历年累计 column
        CombinationSearch search = search(crawled("主动公开信息数条20263542"), crawled("网站公开条19033041"),
                crawled("政府公报公开条12500"));

        assertThat(search.best()).containsExactly(new int[] {1, 1, 1});
        assertThat(search.brokenSlots(new int[] {1, 1, 1})).containsExactlyInAnyOrder(
                new TableSolver.Slot(0, 1), new TableSolver.Slot(1, 1), new TableSolver.Slot(2, 1));
        // with 2026 | 3542 fixed (the prose's choice) every combination breaks both columns alike: all tie
        assertThat(search.best(Map.of(0, 2))).containsExactly(new int[] {2, 0, 0}, new int[] {2, 1, 0},
                new int[] {2, 2, 0}, new int[] {2, 0, 1}, new int[] {2, 1, 1}, new int[] {2, 2, 1});
    }

    @Test
    void amongCombinationsThatKeepAsManyIdentitiesTheOneThatAssumesLeastWins() {
        // the website's 1498 is its year or its 历年累计 (each a cell not printed, cost 2); only the year keeps 1532 = 1498 + 34
        CombinationSearch search = search(cells("主动公开信息数|1532|6847"), cells("网站公开|1498"),
                cells("政府公报公开|34|146"));

        assertThat(search.best()).containsExactly(new int[] {0, 0, 0});
        assertThat(search.brokenSlots(new int[] {0, 0, 0})).containsExactlyInAnyOrder(
                new TableSolver.Slot(0, 1), new TableSolver.Slot(1, 1), new TableSolver.Slot(2, 1));
    }

    @Test
    void valuesTooPreciseToAddInALongAreNotSearched() {
        CombinationSearch search = search(crawled("主动公开信息数条15326847"), cells("网站公开|0.1234567|2"),
                crawled("政府公报公开条34146"));

        assertThat(search.best()).isNull();
    }

    @Test
    void aRowWithoutReadingsTakesNoPartAndCountsAsNoValue() {
        CombinationSearch search = search(crawled("主动公开信息数条15326847"), List.of(), crawled("政府公报公开条34146"));

        // without the website every combination breaks both column sums alike: all 4 x 2 tie
        assertThat(search.best()).hasSize(8);
        assertThat(search.values(new int[] {3, 0, 1})).containsOnlyKeys(new TableSolver.Slot(0, 0),
                new TableSolver.Slot(0, 1), new TableSolver.Slot(2, 0), new TableSolver.Slot(2, 1));
    }

    private static CombinationSearch search(List<LabelStream.Atom> published, List<LabelStream.Atom> website,
                                            List<LabelStream.Atom> gazette) {
        List<TableSolver.Segment> segments = List.of(segment(TABLE, 0, published), segment(TABLE, 1, website),
                segment(TABLE, 2, gazette));
        return new CombinationSearch(IDENTITIES, segments.stream().map(s -> SegmentReadings.of(s, IDENTITIES)).toList(),
                segments.stream().map(TableSolver.Segment::slots).toList());
    }
}
