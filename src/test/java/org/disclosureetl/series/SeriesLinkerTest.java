package org.disclosureetl.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.disclosureetl.extract.Finding;
import org.junit.jupiter.api.Test;

/** The series logic without Spring or a database. */
class SeriesLinkerTest {

    private final Map<String, Map<CellKey, BigDecimal>> cells = new HashMap<>();
    private final Map<String, Map<CellKey, Ambiguity>> ambiguous = new HashMap<>();
    private final SeriesLinker.CellSource source = new SeriesLinker.CellSource() {
        @Override
        public Map<CellKey, BigDecimal> cells(String documentId, boolean all) {
            return cells.getOrDefault(documentId, Map.of());
        }

        @Override
        public Map<CellKey, Ambiguity> ambiguous(String documentId) {
            return ambiguous.getOrDefault(documentId, Map.of());
        }
    };

    /** A cell the extractor left empty as ambiguous, with its value in each reading ({@code 1|11}). */
    private void ambiguousCell(String id, String table, String row, String column, String raw, String readings) {
        cell(id, table, row, column, null);
        ambiguous.computeIfAbsent(id, k -> new LinkedHashMap<>())
                .put(new CellKey(table, row, column), Ambiguity.parse(raw, readings));
    }

    private SeriesDocument document(String id, int year, int cellCount, int issues, long run) {
        return new SeriesDocument(id, id + ".txt", "350128/公安局", year, year >= 2021 ? "2021" : "2019", cellCount,
                issues, run);
    }

    private void cell(String id, String table, String row, String column, String value) {
        cells.computeIfAbsent(id, k -> new LinkedHashMap<>())
                .put(new CellKey(table, row, column), value == null ? null : new BigDecimal(value));
    }

    /** A 2021-form applications table's carry-over rows: carried_over and carried_forward for two columns. */
    private void carry(String id, String over, String forward) {
        cell(id, "applications", "carried_over", "natural_person", over);
        cell(id, "applications", "carried_over", "total", over);
        cell(id, "applications", "carried_forward", "natural_person", forward);
        cell(id, "applications", "carried_forward", "total", forward);
    }

    @Test
    void aBrokenCarryOverIsAnIssueOnTheLaterReportNamingBoth() {
        carry("a21", "0", "0");
        carry("b22", "1", "2"); // carried_over 1, but 2021 carried forward 0: broken
        carry("c23", "2", "0"); // carried_over 2 = 2022's carried_forward 2: holds
        List<SeriesDocument> series = List.of(document("c23", 2023, 4, 0, 1), document("a21", 2021, 4, 0, 1),
                document("b22", 2022, 4, 0, 1));

        Map<String, SeriesLinker.Link> links = SeriesLinker.link(series, source);

        assertThat(links).containsOnlyKeys("b22");
        assertThat(links.get("b22").duplicateOf()).isNull();
        assertThat(links.get("b22").issues())
                .extracting(Finding::rule, Finding::tableCode, Finding::rowCode, Finding::columnCode, Finding::expected,
                        Finding::actual)
                .containsExactly(
                        tuple("carried_over_matches", "applications", "carried_over", "natural_person", "0", "1"),
                        tuple("carried_over_matches", "applications", "carried_over", "total", "0", "1"));
        assertThat(links.get("b22").issues().get(0).message()).isEqualTo(
                "applications/carried_over/natural_person is 1 in the 2022 report (document b22, file b22.txt),"
                        + " but carried_forward 0 (2021) = 0 with the 2021 report (document a21, file a21.txt)");
    }

    @Test
    void anUnbrokenSeriesHasNoIssues() {
        carry("a21", "0", "3");
        carry("b22", "3", "0");
        assertThat(SeriesLinker.link(List.of(document("a21", 2021, 4, 0, 1), document("b22", 2022, 4, 0, 1)), source))
                .isEmpty();
    }

    @Test
    void theStockOfRulesInForceMovesByWhatWasIssuedAndRepealed() {
        for (String id : List.of("a21", "b22")) {
            cell(id, "proactive", "art20_1.rules", "issued", "0");
            cell(id, "proactive", "art20_1.rules", "repealed", "0");
            cell(id, "proactive", "art20_1.rules", "in_force", "2");
        }
        cell("a21", "proactive", "art20_1.normative_docs", "issued", "4");
        cell("a21", "proactive", "art20_1.normative_docs", "repealed", "1");
        cell("a21", "proactive", "art20_1.normative_docs", "in_force", "7");
        cell("b22", "proactive", "art20_1.normative_docs", "issued", "4");
        cell("b22", "proactive", "art20_1.normative_docs", "repealed", "1");
        cell("b22", "proactive", "art20_1.normative_docs", "in_force", "7"); // 7 + 4 - 1 = 10 expected

        Map<String, SeriesLinker.Link> links = SeriesLinker.link(
                List.of(document("a21", 2021, 6, 0, 1), document("b22", 2022, 6, 0, 1)), source);

        assertThat(links.get("b22").issues())
                .extracting(Finding::rule, Finding::tableCode, Finding::rowCode, Finding::columnCode, Finding::expected,
                        Finding::actual)
                .containsExactly(tuple("in_force_moves", "proactive", "art20_1.normative_docs", "in_force", "10", "7"));
        assertThat(links.get("b22").issues().get(0).message()).isEqualTo(
                "proactive/art20_1.normative_docs/in_force is 7 in the 2022 report (document b22, file b22.txt),"
                        + " but in_force 7 (2021) + issued 4 (2022) - repealed 1 (2022) = 10"
                        + " with the 2021 report (document a21, file a21.txt)");
    }

    @Test
    void the2019TotalPublishedGrowsByWhatWasPublished() {
        cell("a19", "proactive", "art20_1.rules", "published", "1");
        cell("a19", "proactive", "art20_1.rules", "total_published", "5");
        cell("b20", "proactive", "art20_1.rules", "published", "2");
        cell("b20", "proactive", "art20_1.rules", "total_published", "6"); // 5 + 2 = 7 expected
        cell("a19", "proactive", "art20_1.normative_docs", "published", "1");
        cell("a19", "proactive", "art20_1.normative_docs", "total_published", "5");
        cell("b20", "proactive", "art20_1.normative_docs", "published", null); // no number: not compared
        cell("b20", "proactive", "art20_1.normative_docs", "total_published", "9");

        Map<String, SeriesLinker.Link> links = SeriesLinker.link(
                List.of(document("a19", 2019, 4, 0, 1), document("b20", 2020, 4, 0, 1)), source);

        assertThat(links.get("b20").issues())
                .extracting(Finding::rule, Finding::rowCode, Finding::columnCode, Finding::expected, Finding::actual)
                .containsExactly(tuple("total_published_grows", "art20_1.rules", "total_published", "7", "6"));
    }

    @Test
    void aGapYearIsNotCompared() {
        carry("a19", "0", "0");
        carry("c21", "5", "0");
        assertThat(SeriesLinker.link(List.of(document("a19", 2019, 4, 0, 1), document("c21", 2021, 4, 0, 1)), source))
                .isEmpty();
    }

    @Test
    void otherAgenciesAreOtherSeries() {
        carry("a21", "0", "0");
        carry("b22", "5", "0");
        SeriesDocument other = new SeriesDocument("b22", "b22.txt", "350128/财政金融局", 2022, "2021", 4, 0, 1L);
        assertThat(SeriesLinker.link(List.of(document("a21", 2021, 4, 0, 1), other), source)).isEmpty();
    }

    @Test
    void ofADuplicatePairTheFullerReadingIsTheCopyAndDifferingCellsAreReported() {
        carry("pdf", "1", "0");
        cell("pdf", "proactive", "art20_1.rules", "in_force", "3");
        carry("html", "1", "0");
        cell("html", "applications", "carried_over", "total", "2"); // differs
        cell("html", "applications", "carried_forward", "total", null); // a number against none
        // html lacks the proactive cell: 5 cells against 4 for html... html has 4, pdf 5
        SeriesDocument pdf = document("pdf", 2022, 5, 1, 2);
        SeriesDocument html = document("html", 2022, 4, 0, 1);

        Map<String, SeriesLinker.Link> links = SeriesLinker.link(List.of(html, pdf), source);

        assertThat(links).containsOnlyKeys("html");
        assertThat(links.get("html").duplicateOf()).isEqualTo("pdf");
        assertThat(links.get("html").issues())
                .extracting(Finding::rule, Finding::tableCode, Finding::rowCode, Finding::columnCode, Finding::expected,
                        Finding::actual)
                .containsExactly(
                        tuple("duplicate_differs", "applications", "carried_over", "total", "1", "2"),
                        tuple("duplicate_differs", "applications", "carried_forward", "total", "0", null),
                        tuple("duplicate_differs", "proactive", "art20_1.rules", "in_force", "3", null));
        assertThat(links.get("html").issues().get(0).message()).isEqualTo(
                "applications/carried_over/total is 2 in this duplicate, the 2022 report (document html, file html.txt),"
                        + " but 1 in the series' copy of 350128/公安局 2022, the 2022 report (document pdf, file pdf.txt)");
        assertThat(links.get("html").issues().get(2).message()).startsWith("proactive/art20_1.rules/in_force is absent");
    }

    @Test
    void equalReadingsTieOnIssuesThenRegistrationThenId() {
        SeriesDocument fewerIssues = document("b", 2022, 4, 0, 5);
        SeriesDocument more = document("a", 2022, 4, 2, 1);
        assertThat(SeriesLinker.link(List.of(more, fewerIssues), source).get("a").duplicateOf()).isEqualTo("b");
        SeriesDocument earlier = document("z", 2022, 4, 0, 1);
        SeriesDocument later = document("y", 2022, 4, 0, 2);
        assertThat(SeriesLinker.link(List.of(later, earlier), source).get("y").duplicateOf()).isEqualTo("z");
        SeriesDocument low = document("m", 2022, 4, 0, 1);
        SeriesDocument high = document("n", 2022, 4, 0, 1);
        assertThat(SeriesLinker.link(List.of(high, low), source).get("n").duplicateOf()).isEqualTo("m");
    }

    @Test
    void onlyTheCopiesAreComparedAcrossYears() {
        carry("a21", "0", "0");
        carry("b22", "0", "0");
        carry("b22dup", "9", "0"); // a duplicate of 2022 with another carried_over: reported as differing only
        Map<String, SeriesLinker.Link> links = SeriesLinker.link(List.of(document("a21", 2021, 4, 0, 1),
                document("b22", 2022, 4, 0, 1), document("b22dup", 2022, 4, 0, 2)), source);
        assertThat(links).containsOnlyKeys("b22dup");
        assertThat(links.get("b22dup").issues()).extracting(Finding::rule).containsOnly("duplicate_differs");
    }

    @Test
    void anAmbiguousCarryOverIsSettledByTheOnlyReadingThatAgreesWithTheYearBefore() {
        carry("a21", "0", "11");
        cell("a21", "applications", "carried_forward", "total", "0"); // natural_person 11, total 0... as printed
        // 2022 prints carried_over as the run 110: 1 and 10, or 11 and 0
        ambiguousCell("b22", "applications", "carried_over", "natural_person", "110", "1|11");
        ambiguousCell("b22", "applications", "carried_over", "total", "110", "10|0");
        cell("b22", "applications", "carried_forward", "natural_person", "0");
        cell("b22", "applications", "carried_forward", "total", "0");
        List<SeriesDocument> series = List.of(document("a21", 2021, 4, 0, 1), document("b22", 2022, 4, 1, 1));

        Map<String, SeriesLinker.Link> links = SeriesLinker.link(series, source);

        assertThat(links).containsOnlyKeys("b22");
        assertThat(links.get("b22").issues())
                .extracting(Finding::rule, Finding::rowCode, Finding::columnCode, Finding::expected, Finding::actual)
                .containsExactly(tuple("settled_by_series", "carried_over", "natural_person", null, "11"),
                        tuple("settled_by_series", "carried_over", "total", null, "0"));
        assertThat(links.get("b22").issues().get(0).message()).isEqualTo(
                "applications/carried_over/natural_person is 11 in the 2022 report (document b22, file b22.txt):"
                        + " of the 2 readings of 110 only reading 2 agrees with carried_over_matches against"
                        + " the 2021 report (document a21, file a21.txt)");

        // the next link reads the settled values back: the same links, nothing compared twice
        cell("b22", "applications", "carried_over", "natural_person", "11");
        cell("b22", "applications", "carried_over", "total", "0");
        assertThat(SeriesLinker.link(series, source)).isEqualTo(links);
    }

    @Test
    void anAmbiguousCarriedForwardIsSettledByTheYearAfter() {
        ambiguousCell("a21", "applications", "carried_forward", "natural_person", "303", "3|30");
        ambiguousCell("a21", "applications", "carried_forward", "total", "303", "3|3");
        carry("b22", "3", "0");

        Map<String, SeriesLinker.Link> links = SeriesLinker.link(
                List.of(document("a21", 2021, 4, 1, 1), document("b22", 2022, 4, 0, 1)), source);

        assertThat(links).containsOnlyKeys("a21");
        assertThat(links.get("a21").issues()).extracting(Finding::rule, Finding::columnCode, Finding::actual)
                .containsExactly(tuple("settled_by_series", "natural_person", "3"), tuple("settled_by_series", "total", "3"));
    }

    @Test
    void theStockOfRulesSettlesARunOfTheLaterYear() {
        cell("a21", "proactive", "art20_1.normative_docs", "issued", "2");
        cell("a21", "proactive", "art20_1.normative_docs", "repealed", "0");
        cell("a21", "proactive", "art20_1.normative_docs", "in_force", "7");
        // 4110: 4 1 10 (7 + 4 - 1 = 10, agrees) or 41 1 0 (7 + 41 - 1 = 47, not 0)
        ambiguousCell("b22", "proactive", "art20_1.normative_docs", "issued", "4110", "4|41");
        ambiguousCell("b22", "proactive", "art20_1.normative_docs", "repealed", "4110", "1|1");
        ambiguousCell("b22", "proactive", "art20_1.normative_docs", "in_force", "4110", "10|0");

        Map<String, SeriesLinker.Link> links = SeriesLinker.link(
                List.of(document("a21", 2021, 3, 0, 1), document("b22", 2022, 3, 3, 1)), source);

        assertThat(links.get("b22").issues()).extracting(Finding::rule, Finding::columnCode, Finding::actual)
                .containsExactly(tuple("settled_by_series", "issued", "4"), tuple("settled_by_series", "repealed", "1"),
                        tuple("settled_by_series", "in_force", "10"));
    }

    @Test
    void whenSeveralReadingsAgreeOrNoneCanBeComparedNothingIsSettled() {
        cell("a21", "proactive", "art20_1.normative_docs", "in_force", "0");
        // 1010: 1 0 1 or 10 0 10, and 0 + 1 - 0 = 1, 0 + 10 - 0 = 10: both agree
        ambiguousCell("b22", "proactive", "art20_1.normative_docs", "issued", "1010", "1|10");
        ambiguousCell("b22", "proactive", "art20_1.normative_docs", "repealed", "1010", "0|0");
        ambiguousCell("b22", "proactive", "art20_1.normative_docs", "in_force", "1010", "1|10");
        // carried_over ambiguous, but 2021 has no carried_forward: nothing to compare
        ambiguousCell("b22", "applications", "carried_over", "total", "110", "1|11");

        assertThat(SeriesLinker.link(List.of(document("a21", 2021, 1, 0, 1), document("b22", 2022, 4, 4, 1)), source))
                .isEmpty();
    }

    @Test
    void aReportBetweenTwoIsSettledOnceAndNotAtAllWhenTheyDisagree() {
        cell("a21", "proactive", "art20_1.normative_docs", "in_force", "7");
        ambiguousCell("b22", "proactive", "art20_1.normative_docs", "issued", "3010", "3|30");
        ambiguousCell("b22", "proactive", "art20_1.normative_docs", "repealed", "3010", "0|1");
        ambiguousCell("b22", "proactive", "art20_1.normative_docs", "in_force", "3010", "10|0");
        cell("c23", "proactive", "art20_1.normative_docs", "issued", "0");
        cell("c23", "proactive", "art20_1.normative_docs", "repealed", "0");
        cell("c23", "proactive", "art20_1.normative_docs", "in_force", "10"); // 2023 agrees with 3 0 10 too
        List<SeriesDocument> series = List.of(document("a21", 2021, 1, 0, 1), document("b22", 2022, 3, 3, 1),
                document("c23", 2023, 3, 0, 1));

        assertThat(SeriesLinker.link(series, source).get("b22").issues())
                .extracting(Finding::rule, Finding::columnCode, Finding::actual)
                .containsExactly(tuple("settled_by_series", "issued", "3"), tuple("settled_by_series", "repealed", "0"),
                        tuple("settled_by_series", "in_force", "10"));

        cell("c23", "proactive", "art20_1.normative_docs", "in_force", "0"); // 2023 fits only 30 1 0
        assertThat(SeriesLinker.link(series, source)).doesNotContainKey("b22");
    }

    @Test
    void ambiguousReadingsAreParsedFromTheIssueAndAnUnreadableOneIsIgnored() {
        assertThat(Ambiguity.parse("3500", "3|35").readings()).containsExactly(new BigDecimal("3"), new BigDecimal("35"));
        assertThat(Ambiguity.parse("3 0", "blank|30").readings()).containsExactly(null, new BigDecimal("30"));
        assertThat(Ambiguity.parse("35", "3|3…")).isNull();
        assertThat(Ambiguity.parse("35", null)).isNull();
        assertThat(Ambiguity.parse("35", "3")).isNull();
    }

    @Test
    void theCheckedRowsAreThoseTheChecksRead() {
        assertThat(SeriesLinker.checkedRows()).containsExactly(
                Map.entry("applications", Set.of("carried_over", "carried_forward")),
                Map.entry("proactive", Set.of()));
    }
}
