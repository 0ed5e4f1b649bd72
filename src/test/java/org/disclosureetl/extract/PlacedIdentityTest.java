package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Identities laid on a table's cells, and their outcome through the one evaluator. */
class PlacedIdentityTest {

    private static final TableSolver.Slot PUBLISHED = new TableSolver.Slot(0, 0);
    private static final TableSolver.Slot PUBLISHED_CUMULATIVE = new TableSolver.Slot(0, 1);
    private static final TableSolver.Slot WEBSITE = new TableSolver.Slot(1, 0);
    private static final TableSolver.Slot WEBSITE_CUMULATIVE = new TableSolver.Slot(1, 1);
    private static final TableSolver.Slot GAZETTE = new TableSolver.Slot(2, 0);
    private static final TableSolver.Slot GAZETTE_CUMULATIVE = new TableSolver.Slot(2, 1);

    @Test
    void aColumnRuleIsLaidOnEveryColumnAndARowRuleOnEveryRowRuleByRule() {
        List<PlacedIdentity> placed = PlacedIdentity.placeAll(SolverTables.statistics(), SolverTables.statisticsRules());

        assertThat(placed).containsExactly(
                new PlacedIdentity(SolverTables.PUBLISHED_TOTAL, List.of(PUBLISHED), List.of(WEBSITE, GAZETTE)),
                new PlacedIdentity(SolverTables.PUBLISHED_TOTAL, List.of(PUBLISHED_CUMULATIVE),
                        List.of(WEBSITE_CUMULATIVE, GAZETTE_CUMULATIVE)),
                new PlacedIdentity(SolverTables.CUMULATIVE_COVERS_YEAR, List.of(PUBLISHED_CUMULATIVE), List.of(PUBLISHED)),
                new PlacedIdentity(SolverTables.CUMULATIVE_COVERS_YEAR, List.of(WEBSITE_CUMULATIVE), List.of(WEBSITE)),
                new PlacedIdentity(SolverTables.CUMULATIVE_COVERS_YEAR, List.of(GAZETTE_CUMULATIVE), List.of(GAZETTE)));
    }

    @Test
    void aRowRuleSkipsARowThatLacksOneOfItsColumns() {
        TableTemplate table = SolverTables.applicants();
        TableTemplate.Row row = table.rows().get(0);
        TableTemplate narrowed = new TableTemplate("2021", "applications", "", TableTemplate.Layout.ROWS, null, null,
                List.of(new TableTemplate.Row(row.code(), row.label(), null, false, row.keys(),
                        row.columns().subList(1, 7), null)), List.of());

        assertThat(PlacedIdentity.placeAll(table, List.of(SolverTables.APPLICANT_TOTAL))).hasSize(1);
        assertThat(PlacedIdentity.placeAll(narrowed, List.of(SolverTables.APPLICANT_TOTAL))).isEmpty();
    }

    @Test
    void atLeastHoldsForARunningTotalAboveTheYearAndBreaksBelowIt() {
        PlacedIdentity covers = PlacedIdentity.placeAll(SolverTables.statistics(), SolverTables.statisticsRules()).get(2);

        assertThat(covers.check(values(PUBLISHED, "7", PUBLISHED_CUMULATIVE, "28"))).isEqualTo(IdentityCheck.Outcome.HOLDS);
        assertThat(covers.check(values(PUBLISHED, "28", PUBLISHED_CUMULATIVE, "28"))).isEqualTo(IdentityCheck.Outcome.HOLDS);
        assertThat(covers.check(values(PUBLISHED, "72", PUBLISHED_CUMULATIVE, "8"))).isEqualTo(IdentityCheck.Outcome.BROKEN);
    }

    @Test
    void aBlankTotalCannotBeCheckedAndABlankAddendCountsAsZero() {
        PlacedIdentity published = PlacedIdentity.placeAll(SolverTables.statistics(), SolverTables.statisticsRules()).get(0);

        assertThat(published.check(values(WEBSITE, "1498", GAZETTE, "34"))).isEqualTo(IdentityCheck.Outcome.UNCHECKABLE);
        assertThat(published.check(values(PUBLISHED, "1498", WEBSITE, "1498"))).isEqualTo(IdentityCheck.Outcome.HOLDS);
        assertThat(published.check(values(PUBLISHED, "1532"))).isEqualTo(IdentityCheck.Outcome.UNCHECKABLE);
        assertThat(published.check(values(PUBLISHED, "1532", WEBSITE, "1498", GAZETTE, "35")))
                .isEqualTo(IdentityCheck.Outcome.BROKEN);
    }

    @Test
    void withinNamesTheIdentitiesOfOneRowsOwnCells() {
        List<PlacedIdentity> placed = PlacedIdentity.placeAll(SolverTables.statistics(), SolverTables.statisticsRules());
        java.util.Set<TableSolver.Slot> websiteRow = java.util.Set.of(WEBSITE, WEBSITE_CUMULATIVE);

        assertThat(placed.stream().filter(p -> p.within(websiteRow)).toList()).containsExactly(placed.get(3));
    }

    private static Map<TableSolver.Slot, BigDecimal> values(Object... slotsAndValues) {
        Map<TableSolver.Slot, BigDecimal> values = new HashMap<>();
        for (int i = 0; i < slotsAndValues.length; i += 2) {
            values.put((TableSolver.Slot) slotsAndValues[i], new BigDecimal((String) slotsAndValues[i + 1]));
        }
        return values;
    }
}
