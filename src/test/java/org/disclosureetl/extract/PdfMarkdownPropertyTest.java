package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.ReportPipeline;
import org.disclosureetl.testsupport.TestKinds;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties over the real-shaped PDF-made markdown ({@code markdown/README.md}), each fixture damaged
 * again at random, one to three times: a table split at a random row under an empty, placeholder or copied header
 * after a page number; a page number or a footnote with the statistics period's digits as a row; a number cell
 * dropped from a random row. Whatever the damage, no reader fails, the document is extracted in the 2021 form,
 * and every cell of the key is right or flagged. A failure names the fixture and the seed.
 */
@Tag(TestKinds.ACCURACY)
class PdfMarkdownPropertyTest {

    private static final int SEEDS_PER_FIXTURE = 40;

    private final ReportPipeline pipeline = ReportPipeline.shared();

    @TempDir
    Path work;

    static List<String> fixtures() {
        return List.of("md-000.md", "md-002.md", "md-004.txt", "md-103.md", "md-104.md", "md-b01.md", "md-b02.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void damagedAgainEveryCellIsRightOrFlagged(String fixture) throws IOException {
        List<String> original = Files.readAllLines(Fixtures.resource("markdown/" + fixture), StandardCharsets.UTF_8);
        Map<String, BigDecimal> truth = new LinkedHashMap<>();
        for (CSVRecord r : Fixtures.csv("markdown/expected-cells.csv")) {
            if (r.get("source_file").equals(fixture)) {
                truth.put(r.get("table_code") + "/" + r.get("row_code") + "/" + r.get("column_code"),
                        r.get("value").isEmpty() ? null : new BigDecimal(r.get("value")));
            }
        }
        int right = 0;
        int flagged = 0;
        for (int seed = 0; seed < SEEDS_PER_FIXTURE; seed++) {
            Random random = new Random(seed * 7919L + fixture.hashCode());
            List<String> lines = new ArrayList<>(original);
            List<String> damages = new ArrayList<>();
            for (int d = 1 + random.nextInt(3); d > 0; d--) {
                damages.add(damage(lines, random));
            }
            String described = fixture + " seed " + seed + " " + damages;
            Path file = work.resolve(seed + "-" + fixture);
            Files.write(file, lines, StandardCharsets.UTF_8);
            Extraction extraction = pipeline.extract(file);
            List<Finding> findings = pipeline.findings(extraction);
            assertThat(extraction.status()).as(described).isEqualTo(DocumentStatus.EXTRACTED);
            assertThat(extraction.formatVersion()).as(described).isEqualTo("2021");
            assertThat(findings).as(described).noneMatch(f -> f.rule().equals(FindingRule.READER_FAILED.code()));
            Map<String, BigDecimal> got = new LinkedHashMap<>();
            extraction.observations().forEach(o -> got.put(o.tableCode() + "/" + o.rowCode() + "/" + o.columnCode(),
                    o.value()));
            for (Map.Entry<String, BigDecimal> cell : truth.entrySet()) {
                BigDecimal value = got.get(cell.getKey());
                boolean ok = cell.getValue() == null ? value == null
                        : value != null && value.compareTo(cell.getValue()) == 0;
                if (ok) {
                    right++;
                    continue;
                }
                assertThat(MutatedLayoutTest.covers(cell.getKey(), findings))
                        .as("%s: %s read as %s, expected %s, unflagged", described, cell.getKey(), value, cell.getValue())
                        .isTrue();
                flagged++;
            }
        }
        System.out.printf("%-12s damaged %d times: %d right, %d flagged, 0 silently wrong%n", fixture,
                SEEDS_PER_FIXTURE, right, flagged);
    }

    /** Damages the lines once, at random; says what it did. */
    private static String damage(List<String> lines, Random random) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| ") && !lines.get(i).startsWith("|---")) {
                rows.add(i);
            }
        }
        int at = rows.get(random.nextInt(rows.size()));
        int columns = lines.get(at).split("\\|", -1).length - 2;
        switch (random.nextInt(4)) {
            case 0 -> {
                List<String> header = switch (random.nextInt(3)) {
                    case 0 -> emptyRow(columns);
                    case 1 -> placeholders(columns);
                    default -> List.of("信息内容", "本年制发件数", "本年废止件数", "现行有效件数");
                };
                lines.addAll(at, List.of("", "— " + (2 + random.nextInt(4)) + " —", "", row(header),
                        "|" + "---|".repeat(header.size())));
                return "split before line " + (at + 1);
            }
            case 1 -> {
                List<String> marker = new ArrayList<>(emptyRow(columns));
                marker.set(0, "-" + (2 + random.nextInt(4)) + "-");
                lines.add(at, row(marker));
                return "page number row at line " + (at + 1);
            }
            case 2 -> {
                List<String> note = new ArrayList<>(emptyRow(columns));
                note.set(0, "注：本表统计时间为1月1日至12月31日。");
                lines.add(at, row(note));
                return "footnote row at line " + (at + 1);
            }
            default -> {
                String[] cells = lines.get(at).split("\\|", -1);
                List<Integer> numbers = new ArrayList<>();
                for (int c = 1; c < cells.length - 1; c++) {
                    if (cells[c].strip().matches("\\d+")) {
                        numbers.add(c);
                    }
                }
                if (numbers.isEmpty()) {
                    return "nothing at line " + (at + 1);
                }
                int drop = numbers.get(random.nextInt(numbers.size()));
                List<String> kept = new ArrayList<>();
                for (int c = 1; c < cells.length - 1; c++) {
                    if (c != drop) {
                        kept.add(cells[c].strip());
                    }
                }
                lines.set(at, row(kept));
                return "number dropped at line " + (at + 1);
            }
        }
    }

    private static List<String> emptyRow(int columns) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(1, columns); c++) {
            cells.add("");
        }
        return cells;
    }

    private static List<String> placeholders(int columns) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(1, columns); c++) {
            cells.add(c == 0 ? "项目" : "数据" + c);
        }
        return cells;
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
