package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.parse.CrawlerExport;
import org.disclosureetl.parse.CrawlerExportReader;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.ReportPipeline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each record of a crawler export (fixtures/crawler, made from real/*.txt by make-fixtures.py) comes out with exactly
 * the cells, agency, year and format of the crawler text file it was made from, whether its body is one line, its
 * cells are separated only by carriage returns, or it came as a JSON line or in GBK; and agency and year are those
 * of the hand-checked key (real/expected-cells.csv).
 */
class CrawlerExportCellsTest {

    private final ReportPipeline pipeline = ReportPipeline.shared();

    private final CrawlerExportReader reader = new CrawlerExportReader();

    @ParameterizedTest
    @CsvSource({
            "reports.csv, 102.txt;103.txt;104.txt, 198;200;200",
            "reports.jsonl, 102.txt;103.txt;104.txt, 198;200;200",
            "reports-gbk.csv, 101.txt;105.txt;107.txt, 17;17;34"})
    void everyRecordHasTheCellsOfItsTextFile(String export, String reports, String cellCounts) throws IOException {
        CrawlerExport read = reader.read(Fixtures.resource("fixtures/crawler/" + export)).orElseThrow();
        List<String> names = List.of(reports.split(";"));
        List<String> counts = List.of(cellCounts.split(";"));
        Map<String, CSVRecord> key = new HashMap<>();
        Fixtures.csv("real/expected-cells.csv").forEach(r -> key.putIfAbsent(r.get("source_file"), r));

        assertThat(read.entries()).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            Extraction record = pipeline.extract(read.entries().get(i).document());
            Extraction text = pipeline.extract("real/" + names.get(i));
            String as = export + " record " + (i + 1) + " (" + names.get(i) + ")";

            assertThat(record.identity().agency()).as(as).isEqualTo(key.get(names.get(i)).get("agency"));
            assertThat(record.identity().reportYear()).as(as)
                    .isEqualTo(Integer.valueOf(key.get(names.get(i)).get("report_year")));
            assertThat(record.formatVersion()).as(as).isEqualTo(key.get(names.get(i)).get("format_version"));
            assertThat(record.status()).as(as).isEqualTo(text.status());
            assertThat(cells(record)).as(as).hasSize(Integer.parseInt(counts.get(i)))
                    .containsExactlyElementsOf(cells(text));
            assertThat(rules(pipeline.findings(record))).as(as).isEqualTo(rules(pipeline.findings(text)));
            String where = "record " + (i + 1) + " line ";
            assertThat(record.observations()).as(as).allSatisfy(o -> assertThat(o.where()).startsWith(where));
        }
    }

    /** A cell as observations.csv has it, without where it was (a line of the record, a line of the file). */
    private static List<String> cells(Extraction extraction) {
        return extraction.observations().stream().map(o -> o.tableCode() + "/" + o.rowCode() + "/" + o.columnCode()
                + "=" + o.value() + " raw " + o.rawValue() + " unit " + o.unit()).toList();
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + " " + f.tableCode() + "/" + f.rowCode() + "/" + f.columnCode()
                + " " + f.expected() + " " + f.actual()).toList();
    }
}
