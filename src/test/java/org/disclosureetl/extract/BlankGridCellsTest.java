package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.ReportPipeline;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HTML tables whose zeros are printed as empty cells ({@code <td>&nbsp;</td>} or {@code <td></td>}), as many
 * agencies' pages print them (issue 26): every printed number stays in its column, and every blank cell is
 * left empty with a {@code blank_cell} finding on that very cell. Before, a row such as {@code "" | "" | 8}
 * was read as 8 in the first column and the row flagged as short.
 */
class BlankGridCellsTest {

    /** A table row with at least one non-zero number (a row of only blanks is another question: is it 0?). */
    private static final Pattern ROW = Pattern.compile("<tr>.*?</tr>");
    private static final Pattern NON_ZERO = Pattern.compile(">[1-9][0-9]*</td>");
    private static final String ZERO = "<td class=\"num\">0</td>";

    private final ReportPipeline pipeline = ReportPipeline.shared();

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource({
            "000_e61bf2b8057539f0, &nbsp;, 8",
            "001_e299ec6f40b1d0d2, '', 3",
            "004_48ee5ca18b0bc9b0, &nbsp;, 11",
            "004_48ee5ca18b0bc9b0, '   ', 11"})
    void blankCellsKeepTheirColumnAndAreFlaggedOneByOne(String seed, String blank, int blanked) throws Exception {
        String html = Files.readString(Fixtures.sampleInbox().get("html/" + seed + ".html"), StandardCharsets.UTF_8);
        StringBuilder damaged = new StringBuilder();
        Matcher row = ROW.matcher(html);
        int replaced = 0;
        while (row.find()) {
            String printed = row.group();
            if (NON_ZERO.matcher(printed).find()) {
                for (int n = 0; n < 2 && printed.contains(ZERO); n++) {
                    printed = printed.replaceFirst(Pattern.quote(ZERO), "<td class=\"num\">" + blank + "</td>");
                    replaced++;
                }
            }
            row.appendReplacement(damaged, Matcher.quoteReplacement(printed));
        }
        row.appendTail(damaged);
        Path page = work.resolve(seed + ".html");
        Files.writeString(page, damaged, StandardCharsets.UTF_8);

        Extraction extraction = pipeline.extract(page);

        Map<String, String> expected = Fixtures.expected().get(seed + ".txt").cells();
        int flaggedBlank = 0;
        for (Observation o : extraction.observations()) {
            String key = o.tableCode() + "/" + o.rowCode() + "/" + o.columnCode();
            boolean blankFinding = pipeline.findings(extraction).stream()
                    .anyMatch(f -> FindingRule.BLANK_CELL.code().equals(f.rule()) && o.tableCode().equals(f.tableCode())
                            && o.rowCode().equals(f.rowCode()) && o.columnCode().equals(f.columnCode()));
            if (blankFinding) {
                flaggedBlank++;
                assertThat(o.value()).as(key).isNull();
                assertThat(expected.get(key)).as(key).isEqualTo("0");
            } else {
                assertThat(o.value() == null ? "" : o.value().toPlainString()).as(key).isEqualTo(expected.get(key));
            }
        }
        assertThat(replaced).isEqualTo(blanked);
        assertThat(flaggedBlank).isEqualTo(blanked);
        assertThat(extraction.observations()).hasSize(expected.size());
        assertThat(pipeline.findings(extraction)).extracting(Finding::rule).containsOnly(FindingRule.BLANK_CELL.code());
    }
}
