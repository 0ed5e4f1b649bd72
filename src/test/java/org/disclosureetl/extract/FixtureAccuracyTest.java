package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.normalize.Script;
import org.disclosureetl.parse.ReportParser;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.ReportPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every seed and every fixture made from it (HTML, DOCX, DOC, XLSX, PDF, other encodings, Taiwan
 * wording) must come out through parse, normalize and extract with exactly the hand-checked cells.
 */
class FixtureAccuracyTest {

    private static final Map<String, Fixtures.Expected> EXPECTED = Fixtures.expected();

    private final ReportPipeline pipeline = ReportPipeline.shared();

    static List<Fixtures.Fixture> fixturesWithCells() {
        return Fixtures.all().stream().filter(f -> EXPECTED.containsKey(f.seed())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixturesWithCells")
    void everyExpectedCellComesOutExactly(Fixtures.Fixture fixture) throws IOException {
        Fixtures.Expected expected = EXPECTED.get(fixture.seed());
        Extraction extraction = extract(fixture.path());

        assertThat(extraction.status()).isEqualTo(DocumentStatus.EXTRACTED);
        assertThat(extraction.identity().agency()).isEqualTo(expected.agency());
        assertThat(extraction.identity().reportYear()).isEqualTo(expected.reportYear());
        assertThat(extraction.formatVersion()).isEqualTo(expected.formatVersion());
        assertThat(extraction.tablesFound()).isEqualTo(3);
        Map<String, String> actual = new LinkedHashMap<>();
        for (Observation o : extraction.observations()) {
            actual.put(o.tableCode() + "/" + o.rowCode() + "/" + o.columnCode(), plain(o.value()));
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected.cells());
        assertThat(extraction.observations()).allSatisfy(o -> assertThat(o.where()).isNotBlank());
    }

    @Test
    void traditionalSeedIsDetectedAsTraditionalAndSimplifiedSeedsAsSimplified() throws IOException {
        assertThat(extract("seeds/000_e61bf2b8057539f0.txt").script()).isEqualTo(Script.TRADITIONAL);
        assertThat(extract("fixtures/encodings/000-big5.txt").script()).isEqualTo(Script.TRADITIONAL);
        assertThat(extract("fixtures/traditional/002-s2twp.txt").script()).isEqualTo(Script.TRADITIONAL);
        assertThat(extract("seeds/002_2bd72b0ede0a148a.txt").script()).isEqualTo(Script.SIMPLIFIED);
        assertThat(extract("fixtures/encodings/002-gb18030.txt").script()).isEqualTo(Script.SIMPLIFIED);
    }

    @Test
    void legacyStatisticsTableKeepsUnitAndValue() throws IOException {
        Extraction extraction = extract("seeds/003_1c21803a08480ac6.txt");

        assertThat(extraction.identity()).isEqualTo(new ReportIdentity("定陶区金融工作办公室", 2017, true));
        assertThat(extraction.formatVersion()).isEqualTo("legacy");
        Map<String, Observation> byRow = extraction.observations().stream()
                .collect(Collectors.toMap(Observation::rowCode, o -> o));
        assertThat(byRow).hasSize(67);
        Map<String, CSVRecord> handChecked = Fixtures.csv("seeds/expected-legacy-003.csv").stream()
                .collect(Collectors.toMap(r -> r.get("row_code"), r -> r));
        for (Observation o : extraction.observations()) {
            CSVRecord expected = handChecked.get(o.rowCode());
            String value = expected == null ? "0" : expected.get("value");
            String unit = expected == null ? o.unit() : expected.get("unit");
            assertThat(plain(o.value())).as(o.rowCode()).isEqualTo(value);
            assertThat(o.unit() == null ? "" : o.unit()).as(o.rowCode() + " unit").isEqualTo(unit);
        }
        assertThat(byRow.get("meetings.trainees").rawValue()).isEqualTo("4");
        assertThat(byRow.get("meetings.trainees").where()).isEqualTo("line 127");
        // the form's sub-items add up in this report: only the two rows printed without a number are flagged
        assertThat(extraction.findings()).extracting(Finding::rule, Finding::rowCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cells_missing", "proactive.normative_docs_issued"),
                org.assertj.core.groups.Tuple.tuple("cells_missing", "response.channels"));
    }

    @Test
    void provenanceNamesTheLineOrPageOrTableRow() throws IOException {
        Observation txt = cell(extract("seeds/000_e61bf2b8057539f0.txt"), "applications/new/natural_person");
        assertThat(txt.rawValue()).isEqualTo("1");
        assertThat(txt.where()).isEqualTo("line 58");
        Observation pdf = cell(extract("fixtures/formats/pdf/004_48ee5ca18b0bc9b0.pdf"), "applications/new/total");
        assertThat(pdf.where()).startsWith("page 2 line ");
        Observation html = cell(extract("fixtures/formats/html/002_2bd72b0ede0a148a.html"), "proactive/art20_1.rules/issued");
        assertThat(html.where()).isEqualTo("table 1 row 3");
    }

    @Test
    void aLoneDashFillsTheWholeRowWithBlanksAndKeepsTheRawText() throws IOException {
        Extraction extraction = extract("seeds/000_e61bf2b8057539f0.txt");
        List<Observation> other = extraction.observations().stream()
                .filter(o -> o.rowCode().equals("other.other")).toList();
        assertThat(other).hasSize(7).allSatisfy(o -> {
            assertThat(o.value()).isNull();
            assertThat(o.rawValue()).isEqualTo("-");
        });
    }

    @Test
    void extraCellsAreFlaggedNotSilentlyAssigned() throws IOException {
        Extraction extraction = extract("seeds/004_48ee5ca18b0bc9b0.txt");
        assertThat(extraction.findings()).extracting(Finding::rule, Finding::rowCode, Finding::expected, Finding::actual)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("extra_cells", "other.no_correction", "7", "8"),
                        org.assertj.core.groups.Tuple.tuple("extra_cells", "other.unpaid_fee", "7", "8"),
                        org.assertj.core.groups.Tuple.tuple("extra_cells", "other.other", "7", "8"));
    }

    private static Observation cell(Extraction extraction, String key) {
        return extraction.observations().stream()
                .filter(o -> (o.tableCode() + "/" + o.rowCode() + "/" + o.columnCode()).equals(key))
                .findFirst().orElseThrow();
    }

    private Extraction extract(String resource) throws IOException {
        return pipeline.extract(resource);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : CellValue.plain(value);
    }
}
