package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.normalize.DocumentNormalizer;
import org.disclosureetl.parse.ReportParser;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.ReportPipeline;
import org.junit.jupiter.api.Test;

/**
 * Ten real reports as published (crawler text of web pages, PDFs; see {@code real/README.md}),
 * scored against their hand-checked key the way an acceptance scorer does: a cell is right, missing,
 * flagged (wrong or empty, but validation_issues names its cell, row, column or table) or silently
 * wrong. A cell the key marks {@code ambiguous} (the text alone does not fix it) counts as right when
 * its value matches and is otherwise acceptable only when flagged.
 */
class RealReportsTest {

    private static final Set<String> REPORTS = Set.of("101.txt", "102.txt", "103.txt", "104.txt", "105.txt",
            "106.txt", "107.txt", "108.txt", "B01_hongze-2023.pdf", "B02_hongze-2024.pdf");

    private final ReportPipeline pipeline = ReportPipeline.shared();

    record Tally(int right, int missing, int flaggedAmbiguous, int flaggedOther, int silent, List<String> silentCells) {
    }

    @Test
    void everyCellIsRightOrAnAmbiguousCellFlaggedAndMetadataIsRight() throws IOException {
        Map<String, List<CSVRecord>> key = new LinkedHashMap<>();
        for (CSVRecord r : Fixtures.csv("real/expected-cells.csv")) {
            key.computeIfAbsent(r.get("source_file"), k -> new ArrayList<>()).add(r);
        }
        assertThat(key.keySet()).containsExactlyInAnyOrderElementsOf(REPORTS);

        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Map.Entry<String, List<CSVRecord>> e : key.entrySet()) {
            Extraction extraction = pipeline.extract("real/" + e.getKey());
            List<Finding> findings = pipeline.findings(extraction);
            CSVRecord first = e.getValue().get(0);
            assertThat(extraction.identity().agency()).as(e.getKey()).isEqualTo(first.get("agency"));
            assertThat(extraction.identity().reportYear()).as(e.getKey()).isEqualTo(Integer.valueOf(first.get("report_year")));
            assertThat(extraction.formatVersion() == null ? "" : extraction.formatVersion()).as(e.getKey())
                    .isEqualTo(first.get("format_version"));
            tallies.put(e.getKey(), tally(e.getValue(), extraction, findings));
        }
        tallies.forEach((file, t) -> System.out.printf("%-22s right %3d missing %d flagged %d (ambiguous %d) silent %d%n",
                file, t.right(), t.missing(), t.flaggedAmbiguous() + t.flaggedOther(), t.flaggedAmbiguous(), t.silent()));

        assertThat(tallies.values()).allSatisfy(t -> {
            assertThat(t.silent()).as("silently wrong: " + t.silentCells()).isZero();
            assertThat(t.missing()).isZero();
            assertThat(t.flaggedOther()).as("flagged cells the key does not call ambiguous").isZero();
        });
        assertThat(tallies.values().stream().mapToInt(Tally::right).sum()).isEqualTo(1252);
        assertThat(tallies.values().stream().mapToInt(Tally::flaggedAmbiguous).sum()).isEqualTo(13);
        assertThat(tallies.get("103.txt").right()).isEqualTo(200);
        assertThat(tallies.get("B01_hongze-2023.pdf").right()).isEqualTo(200);
        assertThat(tallies.get("107.txt").right()).isEqualTo(34);
    }

    @Test
    void aReportWithoutStatisticsTableIsNoTable() throws IOException {
        Extraction extraction = pipeline.extract("real/108.txt");

        assertThat(extraction.status()).isEqualTo(DocumentStatus.NO_TABLE);
        assertThat(extraction.observations()).isEmpty();
    }

    @Test
    void proseDecidesRunTogetherCellsAndSaysSo() throws IOException {
        Extraction extraction = pipeline.extract("real/107.txt");

        assertThat(extraction.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("split_run_together");
            assertThat(f.rowCode()).isEqualTo("proactive.published");
            assertThat(f.message()).contains("20263542").contains("2026 3542").contains("主动公开政府信息2026条");
        });
    }

    private static Tally tally(List<CSVRecord> expected, Extraction extraction, List<Finding> findings) {
        Map<String, BigDecimal> got = new LinkedHashMap<>();
        extraction.observations().forEach(o -> got.put(o.tableCode() + "/" + o.rowCode() + "/" + o.columnCode(), o.value()));
        int right = 0;
        int missing = 0;
        int flaggedAmbiguous = 0;
        int flaggedOther = 0;
        List<String> silent = new ArrayList<>();
        for (CSVRecord r : expected) {
            if (r.get("table_code").equals("none")) {
                right += extraction.observations().isEmpty() ? 1 : 0;
                continue;
            }
            String cell = r.get("table_code") + "/" + r.get("row_code") + "/" + r.get("column_code");
            BigDecimal want = r.get("value").isEmpty() ? null : new BigDecimal(r.get("value"));
            boolean present = got.containsKey(cell);
            BigDecimal value = got.get(cell);
            boolean ok = want == null ? value == null || value.signum() == 0 : value != null && value.compareTo(want) == 0;
            if (ok) {
                right++;
            } else if (!present) {
                missing++;
            } else if (FindingCover.flags(r.get("table_code"), r.get("row_code"), r.get("column_code"), findings)) {
                if (r.get("note").startsWith("ambiguous")) {
                    flaggedAmbiguous++;
                } else {
                    flaggedOther++;
                }
            } else {
                silent.add(cell + " expected " + want + " got " + value);
            }
        }
        return new Tally(right, missing, flaggedAmbiguous, flaggedOther, silent.size(), silent);
    }
}
