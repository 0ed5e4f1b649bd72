package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.ReportPipeline;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seeds' and the real reports' 2021-form tables as a PDF-to-markdown conversion prints them
 * ({@code markdown/README.md}): shredded header words, placeholder and stub headers, labels detached from
 * their number rows, the last rows under a header copied from elsewhere, table 4 in three tables, page
 * markers and footnotes inside tables, a row with fewer values than cells, remarks inside cells. Scored
 * cell by cell against the key the fixtures were made from, as the acceptance scorer does: right,
 * flagged (a finding on the cell, its row, column or table) or silently wrong.
 */
@Tag(TestKinds.ACCURACY)
class PdfMarkdownReportsTest {

    private final ReportPipeline pipeline = ReportPipeline.shared();

    @TempDir
    Path work;

    record Tally(int right, int flagged, List<String> silent) {
    }

    @Test
    void everyCellIsRightOrFlagged() throws IOException {
        Map<String, List<CSVRecord>> key = new LinkedHashMap<>();
        for (CSVRecord r : Fixtures.csv("markdown/expected-cells.csv")) {
            key.computeIfAbsent(r.get("source_file"), k -> new ArrayList<>()).add(r);
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Map.Entry<String, List<CSVRecord>> e : key.entrySet()) {
            Extraction extraction = pipeline.extract("markdown/" + e.getKey());
            CSVRecord first = e.getValue().get(0);
            assertThat(extraction.identity().agency()).as(e.getKey()).isEqualTo(first.get("agency"));
            assertThat(extraction.identity().reportYear()).as(e.getKey()).isEqualTo(Integer.valueOf(first.get("report_year")));
            assertThat(extraction.formatVersion()).as(e.getKey()).isEqualTo(first.get("format_version"));
            assertThat(extraction.findings()).as(e.getKey()).noneMatch(f -> f.rule().equals("reader_failed"));
            tallies.put(e.getKey(), tally(e.getValue(), extraction, pipeline.findings(extraction)));
        }
        Map<String, String> scores = new LinkedHashMap<>();
        tallies.forEach((file, t) -> {
            System.out.printf("%-12s right %3d flagged %3d silent %d %s%n", file, t.right(), t.flagged(),
                    t.silent().size(), t.silent());
            scores.put(file, t.right() + "/" + t.flagged() + "/" + t.silent().size());
        });
        assertThat(tallies.values()).allSatisfy(t -> assertThat(t.silent()).as("silently wrong").isEmpty());
        assertThat(scores).containsExactlyEntriesOf(EXPECTED_SCORES);
    }

    /**
     * A remark inside a cell ({@code 22（其中修订 16 件）}, {@code 55（含自然失效 29 件）}): the cell is the number, the
     * remark stays in raw_value with an {@code annotated_value} note, and the remark's own number is never a cell,
     * in a markdown table and in crawled text alike.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "| 规章 | 22（其中修订 16 件） | 55（含自然失效 29 件） | 235 |\n| 行政规范性文件 | 3 | 0 | 8 |",
            "规章22（其中修订16件）55（含自然失效29件）235行政规范性文件3 0 8"})
    void aRemarkInACellGivesTheNumberAndKeepsTheNote(String rows) throws IOException {
        Path file = work.resolve("remarks.md");
        Files.writeString(file, "# 测试市统计局2022年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
                + "| 第二十条第（一）项 |  |  |  |\n|---|---|---|---|\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
                + rows + "\n", StandardCharsets.UTF_8);
        Extraction extraction = pipeline.extract(file);

        assertThat(extraction.observations()).filteredOn(o -> o.rowCode().startsWith("art20_1."))
                .extracting(Observation::rowCode, Observation::columnCode, o -> CellValue.plain(o.value()),
                        o -> o.rawValue().replace(" ", ""))
                .containsExactly(
                        tuple("art20_1.rules", "issued", "22", "22(其中修订16件)"),
                        tuple("art20_1.rules", "repealed", "55", "55(含自然失效29件)"),
                        tuple("art20_1.rules", "in_force", "235", "235"),
                        tuple("art20_1.normative_docs", "issued", "3", "3"),
                        tuple("art20_1.normative_docs", "repealed", "0", "0"),
                        tuple("art20_1.normative_docs", "in_force", "8", "8"));
        assertThat(extraction.findings()).filteredOn(f -> "art20_1.rules".equals(f.rowCode()))
                .extracting(Finding::rule, Finding::columnCode)
                .containsExactly(tuple("annotated_value", "issued"), tuple("annotated_value", "repealed"));
    }

    /**
     * Right / flagged / silently wrong of each fixture. The one flagged cell of three is a row printed with a
     * value fewer than its cells ({@code | 规章 | 0 | 0 |} under four columns): which cell is gone the row does
     * not say. Before the readers knew placeholder column names, a page number between tables and an empty
     * second label column: 1391 right, 9 flagged.
     */
    private static final Map<String, String> EXPECTED_SCORES = scores(
            "md-000.md", "199/1/0", "md-002.md", "200/0/0", "md-004.txt", "200/0/0", "md-103.md", "200/0/0",
            "md-104.md", "199/1/0", "md-b01.md", "200/0/0", "md-b02.txt", "199/1/0");

    private static Map<String, String> scores(String... fileAndScore) {
        Map<String, String> scores = new LinkedHashMap<>();
        for (int i = 0; i < fileAndScore.length; i += 2) {
            scores.put(fileAndScore[i], fileAndScore[i + 1]);
        }
        return scores;
    }

    private static Tally tally(List<CSVRecord> expected, Extraction extraction, List<Finding> findings) {
        Map<String, BigDecimal> got = new LinkedHashMap<>();
        extraction.observations().forEach(o -> got.put(o.tableCode() + "/" + o.rowCode() + "/" + o.columnCode(), o.value()));
        int right = 0;
        int flagged = 0;
        List<String> silent = new ArrayList<>();
        for (CSVRecord r : expected) {
            String cell = r.get("table_code") + "/" + r.get("row_code") + "/" + r.get("column_code");
            BigDecimal want = r.get("value").isEmpty() ? null : new BigDecimal(r.get("value"));
            BigDecimal value = got.get(cell);
            boolean ok = want == null ? value == null : value != null && value.compareTo(want) == 0;
            if (ok) {
                right++;
            } else if (FindingCover.flags(r.get("table_code"), r.get("row_code"), r.get("column_code"), findings)) {
                flagged++;
            } else {
                silent.add(cell + " expected " + want + " got " + value);
            }
        }
        return new Tally(right, flagged, silent);
    }
}
