package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random tables that keep their identities, printed as the crawler or a PDF prints them and then damaged:
 * the solver never throws, and a cell it gives a value that is not the printed truth is always flagged, by
 * a finding of the solver on its row or table or by an identity the values break (what the validator reports,
 * through the same {@link IdentityCheck}). Seeded, so a failure names the table that broke it.
 */
class TableSolverPropertyTest {

    private static final int TABLES = 120;

    enum Damage {
        /** none: the crawler runs every cell of a row together */
        NONE,
        /** a row's numbers are lost (crawler) or one of its cells is not printed (PDF) */
        DROPPED_TOKEN,
        /** a stray number (a page number, a footnote mark) is printed among a row's numbers */
        EXTRA_TOKEN,
        /** two rows' numbers run together: the second row's label is lost */
        MERGED_ROWS
    }

    enum Layout { CRAWLED, PDF_CELLS }

    @ParameterizedTest
    @EnumSource(value = Damage.class, names = {"NONE", "DROPPED_TOKEN"})
    void crawledStatisticsTablesAreReadRightOrFlagged(Damage damage) {
        check(Layout.CRAWLED, damage);
    }

    /**
     * Known gap, found by this test: a stray digit run into a crawled row, or two rows run together, can read as
     * a row with one reading only whose column sum breaks; the total of that sum has two readings and is left
     * empty, so the broken sum is never checked and the row's wrong values go unflagged (with 400 tables: seeds 0
     * and 15 of EXTRA_TOKEN, 158, 222 and 248 of MERGED_ROWS; 44 and 6 tables in all).
     */
    @ParameterizedTest
    @EnumSource(value = Damage.class, names = {"EXTRA_TOKEN", "MERGED_ROWS"})
    void crawledStatisticsTablesWithAStrayOrMergedRunAreReadRightOrFlagged(Damage damage) {
        check(Layout.CRAWLED, damage);
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void pdfStatisticsTablesAreReadRightOrFlagged(Damage damage) {
        check(Layout.PDF_CELLS, damage);
    }

    private static void check(Layout layout, Damage damage) {
        TableTemplate table = SolverTables.statisticsAndRequests();
        List<PlacedIdentity> identities = PlacedIdentity.placeAll(table, SolverTables.statisticsRules());
        for (int seed = 0; seed < TABLES; seed++) {
            Random random = new Random(seed * 31L + damage.ordinal() * 7919L + layout.ordinal());
            long[][] truth = statisticsTable(random);
            List<List<String>> printed = new ArrayList<>();
            for (long[] row : truth) {
                printed.add(new ArrayList<>(List.of(String.valueOf(row[0]), String.valueOf(row[1]))));
            }
            int damagedRow = random.nextInt(truth.length);
            switch (damage) {
                case NONE -> { }
                case DROPPED_TOKEN -> {
                    if (layout == Layout.CRAWLED) {
                        printed.get(damagedRow).clear();
                    } else {
                        printed.get(damagedRow).remove(random.nextInt(2));
                    }
                }
                case EXTRA_TOKEN -> printed.get(damagedRow).add(random.nextInt(3), String.valueOf(1 + random.nextInt(9)));
                case MERGED_ROWS -> {
                    if (damagedRow + 1 < truth.length) {
                        printed.get(damagedRow).addAll(printed.get(damagedRow + 1));
                        printed.get(damagedRow + 1).clear();
                    }
                }
            }
            List<TableSolver.Segment> segments = new ArrayList<>();
            for (int r = 0; r < truth.length; r++) {
                String label = table.rows().get(r).label() + "条";
                List<LabelStream.Atom> material = printed.get(r).isEmpty() ? List.of() : layout == Layout.CRAWLED
                        ? SolverTables.crawled(label + String.join("", printed.get(r)))
                        : SolverTables.cells(label + "|" + String.join("|", printed.get(r)));
                segments.add(SolverTables.segment(table, r, material));
            }
            String described = layout + " " + damage + " seed " + seed + ": " + printed;

            TableSolver.Solution solution = new TableSolver(table, SolverTables.statisticsRules(), new ProseEvidence(""))
                    .solve(segments);

            Map<TableSolver.Slot, BigDecimal> values = new HashMap<>();
            solution.cells().forEach((slot, cell) -> {
                if (cell.value() != null) {
                    values.put(slot, cell.value());
                }
            });
            for (Map.Entry<TableSolver.Slot, BigDecimal> cell : values.entrySet()) {
                TableSolver.Slot slot = cell.getKey();
                if (cell.getValue().compareTo(BigDecimal.valueOf(truth[slot.row()][slot.column()])) == 0) {
                    continue;
                }
                String rowCode = table.rows().get(slot.row()).code();
                boolean byFinding = solution.findings().stream()
                        .anyMatch(f -> f.rowCode() == null || f.rowCode().equals(rowCode));
                boolean byIdentity = identities.stream().anyMatch(i -> (i.lhs().contains(slot) || i.rhs().contains(slot))
                        && i.check(values) == IdentityCheck.Outcome.BROKEN);
                assertThat(byFinding || byIdentity).as("%s: %s read as %s, unflagged", described, slot, cell.getValue())
                        .isTrue();
            }
        }
    }

    /**
     * 主动公开 = 网站 + 公报 in both columns, each 历年累计 no smaller than its year, and the requests received; the
     * numbers from 0 to four digits, so that runs have one split or many.
     */
    private static long[][] statisticsTable(Random random) {
        long website = number(random);
        long gazette = number(random);
        long websiteTotal = website + number(random);
        long gazetteTotal = gazette + number(random);
        long requests = number(random);
        return new long[][] {
                {website + gazette, websiteTotal + gazetteTotal},
                {website, websiteTotal},
                {gazette, gazetteTotal},
                {requests, requests + number(random)}};
    }

    private static long number(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(10);
            case 1 -> random.nextInt(100);
            case 2 -> random.nextInt(1000);
            default -> random.nextInt(10000);
        };
    }
}
