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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.ReportPipeline;
import org.disclosureetl.testsupport.TestKinds;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random damage to the grid pages of {@code fixtures/grids/html} (issue 26: HTML grids with random blanks and
 * spans): per seed, printed numbers blanked at random ({@code &nbsp;}, an empty cell, an ideographic space),
 * neighbouring blank cells of a row merged into one cell spanning both, and {@code <br/>} put inside label
 * cells. A blanked number has no right reading but an empty, flagged cell; whatever comes out, every cell of
 * the page's key is right or flagged, and no document fails. The key needs no cell positions: a cell is right
 * when its value is the key's, and every other cell must be covered by a finding.
 */
@Tag(TestKinds.ACCURACY)
class HtmlGridPropertyTest {

    private static final int SEEDS = 6;
    private static final Pattern CELL = Pattern.compile("<td([^>]*)>([^<]*)</td>");
    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
    private static final String[] BLANKS = {"&nbsp;", "", "\u3000"};
    private static final Map<String, List<CSVRecord>> KEY = key();

    private final ReportPipeline pipeline = ReportPipeline.shared();

    @TempDir
    Path work;

    static Stream<Arguments> pagesAndSeeds() {
        return KEY.keySet().stream().flatMap(page -> Stream.iterate(0, s -> s + 1).limit(SEEDS)
                .map(seed -> Arguments.of(page, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("pagesAndSeeds")
    void randomBlanksSpansAndLineBreaksLeaveNothingSilentlyWrong(String page, int seed) throws IOException {
        String html = Files.readString(Fixtures.resource("fixtures/grids/html/" + page + ".html"), StandardCharsets.UTF_8);
        Random random = new Random(page.hashCode() * 31L + seed);
        String damaged = breakLabels(mergeBlanks(blankNumbers(html, random), random), random);
        assertThat(damaged).as("the damage changed the page").isNotEqualTo(html);
        Path file = work.resolve(page + "-" + seed + ".html");
        Files.writeString(file, damaged, StandardCharsets.UTF_8);

        Extraction extraction = pipeline.extract(file);
        List<Finding> findings = pipeline.findings(extraction);

        assertThat(extraction.status()).isEqualTo(DocumentStatus.EXTRACTED);
        assertThat(findings).extracting(Finding::rule).doesNotContain(FindingRule.READER_FAILED.code());
        List<String> silent = new ArrayList<>();
        int right = 0;
        Map<String, Observation> got = new LinkedHashMap<>();
        extraction.observations().forEach(o -> got.put(o.tableCode() + "/" + o.rowCode() + "/" + o.columnCode(), o));
        for (CSVRecord r : KEY.get(page)) {
            Observation o = got.get(r.get("table_code") + "/" + r.get("row_code") + "/" + r.get("column_code"));
            // a cell printed blank has no right reading but an empty, flagged one; one printed "-" is right empty
            BigDecimal want = r.get("value").isEmpty() ? null : new BigDecimal(r.get("value"));
            boolean isRight = !r.get("printed").isEmpty() && o != null
                    && (want == null ? o.value() == null : o.value() != null && o.value().compareTo(want) == 0);
            if (isRight) {
                right++;
            } else if (!FindingCover.flags(r.get("table_code"), r.get("row_code"), r.get("column_code"), findings)) {
                silent.add(r.get("table_code") + "/" + r.get("row_code") + "/" + r.get("column_code") + " got "
                        + (o == null ? "nothing" : o.value()) + ", key " + r.get("value"));
            }
        }
        System.out.printf("html grid %s seed %d: %d of %d right, %d silent%n", page, seed, right, KEY.get(page).size(),
                silent.size());
        assertThat(silent).as("silently wrong").isEmpty();
    }

    /** A fifth of the printed numbers (at least one) replaced by a blank of one of the kinds pages print. */
    private static String blankNumbers(String html, Random random) {
        StringBuilder out = new StringBuilder();
        Matcher cell = CELL.matcher(html);
        boolean any = false;
        while (cell.find()) {
            String text = cell.group(2);
            boolean number = cell.group(1).contains("num") && NUMBER.matcher(text).matches();
            String replacement = cell.group();
            if (number && (random.nextInt(5) == 0 || !any && random.nextInt(3) == 0)) {
                replacement = "<td" + cell.group(1) + ">" + BLANKS[random.nextInt(BLANKS.length)] + "</td>";
                any = true;
            }
            cell.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        cell.appendTail(out);
        return out.toString();
    }

    /** In a row, two neighbouring blank cells of one column each become one blank cell spanning both. */
    private static String mergeBlanks(String html, Random random) {
        StringBuilder out = new StringBuilder();
        Matcher row = ROW.matcher(html);
        Pattern pair = Pattern.compile("<td class=\"num\">(?:&nbsp;|\u3000|)</td><td class=\"num\">(?:&nbsp;|\u3000|)</td>");
        while (row.find()) {
            String cells = row.group(1);
            Matcher blanks = pair.matcher(cells);
            if (blanks.find() && random.nextBoolean()) {
                cells = cells.substring(0, blanks.start()) + "<td colspan=\"2\" class=\"num\">&nbsp;</td>"
                        + cells.substring(blanks.end());
            }
            row.appendReplacement(out, Matcher.quoteReplacement("<tr>" + cells + "</tr>"));
        }
        row.appendTail(out);
        return out.toString();
    }

    /** A line break inside some label cells (four characters or more), as pages wrap long labels. */
    private static String breakLabels(String html, Random random) {
        StringBuilder out = new StringBuilder();
        Matcher cell = CELL.matcher(html);
        while (cell.find()) {
            String text = cell.group(2);
            String replacement = cell.group();
            if (!cell.group(1).contains("num") && text.codePointCount(0, text.length()) >= 4 && random.nextInt(4) == 0) {
                int at = text.offsetByCodePoints(0, 1 + random.nextInt(text.codePointCount(0, text.length()) - 2));
                replacement = "<td" + cell.group(1) + ">" + text.substring(0, at) + "<br/>" + text.substring(at) + "</td>";
            }
            cell.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        cell.appendTail(out);
        return out.toString();
    }

    private static Map<String, List<CSVRecord>> key() {
        Map<String, List<CSVRecord>> byPage = new LinkedHashMap<>();
        for (CSVRecord r : Fixtures.csv("fixtures/grids/expected-cells.csv")) {
            byPage.computeIfAbsent(r.get("document"), k -> new ArrayList<>()).add(r);
        }
        return byPage;
    }
}
