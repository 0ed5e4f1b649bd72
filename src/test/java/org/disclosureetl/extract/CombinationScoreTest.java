package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.extract.SolverTables.cells;
import static org.disclosureetl.extract.SolverTables.crawled;
import static org.disclosureetl.extract.SolverTables.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The fast scorer of combinations against the one evaluator: for every combination it must give what
 * {@link PlacedIdentity#check} (through {@link IdentityCheck}) gives on the same values.
 */
class CombinationScoreTest {

    private static final TableTemplate TABLE = SolverTables.statistics();
    private static final List<PlacedIdentity> IDENTITIES = PlacedIdentity.placeAll(TABLE, SolverTables.statisticsRules());

    @Test
    void everyCombinationScoresAsTheEvaluatorChecksIt() {
        List<SegmentReadings> readings = readings(crawled("主动公开信息数条20263542"), crawled("网站公开条19033041"),
                cells("政府公报公开|12|-"));
        CombinationScore score = CombinationScore.of(IDENTITIES, candidates(readings), allOf(readings), slots());

        List<Integer> scores = new ArrayList<>();
        for (int[] combination : combinations(readings)) {
            assertThat(score.score(combination)).as(java.util.Arrays.toString(combination))
                    .isEqualTo(checked(readings, combination));
            scores.add(score.score(combination));
        }
        // the first two rows keep their >= (+2) in every combination, the gazette's cannot be checked (a dash for
        // its 历年累计); 202 = 190 + 12 keeps the year's sum once (+1, else -1); 历年累计 breaks in every one (-1)
        assertThat(scores).containsExactly(0, 0, 0, 0, 2, 0, 0, 0, 0);
    }

    @Test
    void identitiesOfSegmentsWithoutAChoiceAreLeftOut() {
        List<SegmentReadings> readings = readings(cells("主动公开信息数|1532|6847"), cells("网站公开|1498|6701"),
                crawled("政府公报公开条34146"));
        List<List<Integer>> allowed = List.of(List.of(0), List.of(0), List.of(0, 1));
        CombinationScore score = CombinationScore.of(IDENTITIES, candidates(readings), allowed, slots());

        // 3 | 4146: both column sums break; 34 | 146: both hold. The rows' own >= (fixed rows) count for neither
        assertThat(score.score(new int[] {0, 0, 0})).isEqualTo(-2 + 1);
        assertThat(score.score(new int[] {0, 0, 1})).isEqualTo(2 + 1);
        assertThat(checked(readings, new int[] {0, 0, 1})).isEqualTo(5);
    }

    @Test
    void aLeftSideWhoseRowWasNotReadIsNeverChecked() {
        List<SegmentReadings> readings = readings(List.of(), crawled("网站公开条14986701"), crawled("政府公报公开条34146"));
        CombinationScore score = CombinationScore.of(IDENTITIES, candidates(readings), allOf(readings), slots());

        for (int[] combination : combinations(readings)) {
            assertThat(score.score(combination)).isEqualTo(checked(readings, combination)).isEqualTo(2);
        }
    }

    @Test
    void aValueTooPreciseForMillionthsGivesNoScorer() {
        List<SegmentReadings> readings = readings(cells("主动公开信息数|1532.0000001|6847"), cells("网站公开|1498|6701"),
                cells("政府公报公开|34|146"));

        assertThat(CombinationScore.of(IDENTITIES, candidates(readings), allOf(readings), slots())).isNull();
    }

    /** The score as the evaluator gives it: every identity checked on the combination's values. */
    private static int checked(List<SegmentReadings> readings, int[] combination) {
        Map<TableSolver.Slot, BigDecimal> values = new CombinationSearch(IDENTITIES, readings, slots()).values(combination);
        return IDENTITIES.stream().mapToInt(i -> i.check(values).score()).sum();
    }

    private static List<SegmentReadings> readings(List<LabelStream.Atom> published, List<LabelStream.Atom> website,
                                                  List<LabelStream.Atom> gazette) {
        List<List<LabelStream.Atom>> materials = List.of(published, website, gazette);
        List<SegmentReadings> readings = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            readings.add(SegmentReadings.of(segment(TABLE, r, materials.get(r)), IDENTITIES));
        }
        return readings;
    }

    private static List<List<List<MaterialReadings.ReadCell>>> candidates(List<SegmentReadings> readings) {
        return readings.stream().map(SegmentReadings::readings).toList();
    }

    private static List<List<Integer>> allOf(List<SegmentReadings> readings) {
        return readings.stream().map(r -> java.util.stream.IntStream.range(0, r.readings().size()).boxed().toList())
                .toList();
    }

    private static List<int[]> combinations(List<SegmentReadings> readings) {
        List<int[]> all = new ArrayList<>();
        all.add(new int[readings.size()]);
        for (int s = 0; s < readings.size(); s++) {
            List<int[]> next = new ArrayList<>();
            for (int[] c : all) {
                for (int o = 0; o < Math.max(1, readings.get(s).readings().size()); o++) {
                    int[] d = c.clone();
                    d[s] = o;
                    next.add(d);
                }
            }
            all = next;
        }
        return all;
    }

    private static List<List<TableSolver.Slot>> slots() {
        List<List<TableSolver.Slot>> slots = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            slots.add(List.of(new TableSolver.Slot(r, 0), new TableSolver.Slot(r, 1)));
        }
        return slots;
    }
}
