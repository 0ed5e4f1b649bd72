package org.disclosureetl.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosureetl.ingest.IngestJobConfiguration;
import org.disclosureetl.codebook.Codebook;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What analysts open, on one ingest of every fixture (seeds and their other formats, encodings and
 * scripts) and the ten real reports (test resources real/): region columns of documents.csv, the
 * codebook beside the data (covering every code and rule the exports contain), the workbook (every
 * cell of the hand-checked key, as a number) and the byte-order-marked CSV files for Excel.
 */
@IngestDatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystExportsTest {

    /** The ingest's output folder, shared by the tests (the run happens once, in @BeforeAll). */
    Path output;


    /** Where each seed's agency is, read off the division list by hand: code, level, province, prefecture, county, agency_key. */
    static final Map<String, List<String>> REGION_OF_SEED = Map.of(
            "000_e61bf2b8057539f0.txt", List.of("4412", "prefecture", "广东省", "肇庆市", "", "4412/金融工作局"),
            "001_e299ec6f40b1d0d2.txt", List.of("500114", "county", "重庆市", "", "黔江区", "500114/财政局"),
            "002_2bd72b0ede0a148a.txt", List.of("410411", "county", "河南省", "平顶山市", "湛河区", "410411/金融工作局"),
            "003_1c21803a08480ac6.txt", List.of("371703", "county", "山东省", "菏泽市", "定陶区", "371703/金融工作办公室"),
            "004_48ee5ca18b0bc9b0.txt", List.of("4419", "prefecture", "广东省", "东莞市", "", "4419/金融工作局"));

    /** The real reports (real/README.md): all of Pingtan's agencies in 350128, Hongze's in 320813. */
    static final Map<String, List<String>> REGION_OF_REAL = Map.of(
            "real/101.txt", List.of("350128", "county", "福建省", "福州市", "平潭县", "350128/财政局"),
            "real/102.txt", List.of("350128", "county", "福建省", "福州市", "平潭县", "350128/公安局"),
            "real/103.txt", List.of("350128", "county", "福建省", "福州市", "平潭县", "350128/公安局"),
            "real/104.txt", List.of("350128", "county", "福建省", "福州市", "平潭县", "350128/财政金融局"),
            "real/105.txt", List.of("350128", "county", "福建省", "福州市", "平潭县", "350128/公安局"),
            "real/106.txt", List.of("350128", "county", "福建省", "福州市", "平潭县", "350128/财政金融局"),
            "real/107.txt", List.of("350128", "county", "福建省", "福州市", "平潭县", "350128/人民政府"),
            "real/108.txt", List.of("350128", "county", "福建省", "福州市", "平潭县", "350128/地方税务局"),
            "real/B01_hongze-2023.pdf", List.of("320813", "county", "江苏省", "淮安市", "洪泽区", "320813/人民政府"),
            "real/B02_hongze-2024.pdf", List.of("320813", "county", "江苏省", "淮安市", "洪泽区", "320813/人民政府"));

    static final String UNPLACED = "unplaced/002-renamed.txt";

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job ingestJob;
    @Autowired
    Exports exports;
    @Autowired
    Codebook codebook;

    @BeforeAll
    void ingestEveryFixture(@TempDir Path input, @TempDir Path output) throws Exception {
        this.output = output;
        Fixtures.copyAllTo(input);
        // seed 002 issued by a district the division list does not have: placed nowhere, and said so
        Files.createDirectories(input.resolve("unplaced"));
        Files.writeString(input.resolve(UNPLACED), Files.readString(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt"))
                .replace("湛河区", "星河区"));
        Files.createDirectories(input.resolve("real"));
        for (String report : REGION_OF_REAL.keySet()) {
            Files.copy(Fixtures.resource(report), input.resolve(report));
        }
        JobExecution run = jobOperator.start(ingestJob, IngestJobConfiguration.runParameters(input, output, System.nanoTime()));
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void everyDocumentIsPlacedInItsRegion() {
        Map<String, CSVRecord> documents = documents();

        Map<String, List<String>> expected = new LinkedHashMap<>(REGION_OF_REAL);
        expected.put(UNPLACED, List.of("", "", "", "", "", "星河区金融工作局"));
        Fixtures.all().forEach(fixture -> expected.put(fixture.path(), REGION_OF_SEED.get(fixture.seed())));
        Map<String, List<String>> placed = new LinkedHashMap<>();
        documents.forEach((file, d) -> placed.put(file, List.of(d.get("region_code"), d.get("region_level"),
                d.get("province"), d.get("prefecture"), d.get("county"), d.get("agency_key"))));

        assertThat(placed).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(documents).hasSize(Fixtures.all().size() + 10 + 1);
        List<CSVRecord> regionIssues = Fixtures.readCsv(output.resolve("validation_issues.csv")).stream()
                .filter(i -> i.get("rule").startsWith("region_")).toList();
        assertThat(regionIssues).hasSize(1);
        CSVRecord unplaced = regionIssues.get(0);
        assertThat(List.of(unplaced.get("document_id"), unplaced.get("rule"), unplaced.get("actual"), unplaced.get("message")))
                .containsExactly(documents.get(UNPLACED).get("document_id"), "region_unplaced", "星河区金融工作局",
                        "agency '星河区金融工作局' starts with no place of the division list");
        assertThat(documents.get(UNPLACED).get("issues")).isEqualTo("1");
    }

    @Test
    void theCodebookIsWrittenWithTheDataAndCoversEveryCodeAndRuleTheyContain() {
        List<CSVRecord> codes = Fixtures.readCsv(output.resolve(CodebookFiles.CSV_FILE));
        Set<String> listed = codes.stream().map(c -> c.get("table_code") + "/" + c.get("row_code") + "/" + c.get("column_code"))
                .collect(Collectors.toSet());
        Set<String> exported = Fixtures.readCsv(output.resolve("observations.csv")).stream()
                .map(o -> o.get("table_code") + "/" + o.get("row_code") + "/" + o.get("column_code"))
                .collect(Collectors.toSet());
        Set<String> rules = codebook.rules().stream().map(Codebook.Rule::rule).collect(Collectors.toSet());

        assertThat(codes).hasSize(codebook.entries().size());
        assertThat(listed).containsAll(exported);
        // the fixtures carry all three generations, so every table of the codebook shows up
        assertThat(exported.stream().map(k -> k.substring(0, k.indexOf('/'))).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("proactive", "applications", "review_litigation", "statistics");
        assertThat(Fixtures.readCsv(output.resolve("validation_issues.csv"))).allSatisfy(
                i -> assertThat(rules).as(i.get("rule")).contains(i.get("rule")));
        CSVRecord withheld = codes.stream().filter(c -> c.get("row_code").equals("withheld.prohibited_by_law")
                && c.get("column_code").equals("total")).findFirst().orElseThrow();
        assertThat(withheld.get("row_label")).isEqualTo("(三)不予公开 2.其他法律行政法规禁止公开");
        assertThat(withheld.get("format_versions")).isEqualTo("2021;2019");
        assertThat(withheld.get("first_year")).isEqualTo("2019");
        assertThat(withheld.get("last_year")).isEmpty();
        assertThat(withheld.get("identities")).isEqualTo("applicant_total;results_total");
    }

    @Test
    void theCodebookMarkdownExplainsTablesCellsAndRules() throws IOException {
        String md = Files.readString(output.resolve(CodebookFiles.MD_FILE));

        assertThat(md).contains("## applications", "## statistics", "## Validation rules",
                "| withheld.prohibited_by_law | natural_person | (三)不予公开 2.其他法律行政法规禁止公开 · 自然人 |",
                "| requests.received.fax | value | 传真申请数 · 统计数 | Requests received by fax | applications | legacy | 2008-2018 | requests_received_total, cumulative_covers_year |");
    }

    @Test
    void theWorkbookCarriesEveryCellOfTheKeyAsANumber() throws Exception {
        Exports.Result result = exports.export(output.resolve("xlsx"), ExportFilter.ALL, new ExportOptions(false, true));

        assertThat(result.files()).containsExactly(XlsxExporter.FILE, CodebookFiles.CSV_FILE, CodebookFiles.MD_FILE,
                DatasetPage.FILE);
        Map<String, Fixtures.Expected> expected = Fixtures.expected();
        Map<String, CSVRecord> documents = documents();
        try (XSSFWorkbook workbook = new XSSFWorkbook(output.resolve("xlsx").resolve(XlsxExporter.FILE).toFile())) {
            List<String> sheets = java.util.stream.IntStream.range(0, workbook.getNumberOfSheets())
                    .mapToObj(workbook::getSheetName).toList();
            assertThat(sheets).containsExactly("documents", "proactive", "applications", "review_litigation",
                    "statistics", "panel", "validation_issues", "failures", "codebook");
            assertThat(workbook.getSheet("documents").getLastRowNum()).isEqualTo(documents.size());
            assertThat(workbook.getSheet("codebook").getLastRowNum()).isEqualTo(codebook.entries().size());
            assertThat(workbook.getSheet("validation_issues").getLastRowNum())
                    .isEqualTo(Fixtures.readCsv(output.resolve("validation_issues.csv")).size());
            assertThat(workbook.getSheet("panel").getLastRowNum())
                    .isEqualTo(Fixtures.readCsv(output.resolve("panel.csv")).size()).isPositive();
            assertThat(workbook.getSheet("panel").getRow(0).getCell(9).getStringCellValue())
                    .isEqualTo("proactive.art20_1.rules.issued");
            Map<String, Wide> wide = new HashMap<>();
            for (String table : List.of("proactive", "applications", "review_litigation", "statistics")) {
                wide.put(table, new Wide(workbook.getSheet(table)));
            }
            int checked = 0;
            for (Fixtures.Fixture fixture : Fixtures.all()) {
                Fixtures.Expected seed = expected.get(fixture.seed());
                if (seed == null) {
                    continue; // the legacy seed: checked below against its own key
                }
                String id = documents.get(fixture.path()).get("document_id");
                for (Map.Entry<String, String> cell : seed.cells().entrySet()) {
                    String[] key = cell.getKey().split("/");
                    Cell found = wide.get(key[0]).cell(id, key[1] + "/" + key[2]);
                    if (cell.getValue().isEmpty()) {
                        assertThat(found).as(fixture.path() + " " + cell.getKey()).isNull();
                    } else {
                        assertThat(found).as(fixture.path() + " " + cell.getKey()).isNotNull();
                        assertThat(found.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(found.getNumericCellValue()).as(fixture.path() + " " + cell.getKey())
                                .isEqualTo(Double.parseDouble(cell.getValue()));
                    }
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(3000);
            String legacyId = documents.get("seeds/003_1c21803a08480ac6.txt").get("document_id");
            for (CSVRecord r : Fixtures.csv("seeds/expected-legacy-003.csv")) {
                Cell found = wide.get("statistics").cell(legacyId, r.get("row_code") + "/value");
                if (r.get("value").isEmpty()) {
                    assertThat(found).as(r.get("row_code")).isNull();
                } else {
                    assertThat(found.getNumericCellValue()).as(r.get("row_code")).isEqualTo(Double.parseDouble(r.get("value")));
                }
            }
            Row first = workbook.getSheet("documents").getRow(1);
            Map<String, Integer> header = header(workbook.getSheet("documents").getRow(0));
            CSVRecord firstDocument = documents.get(first.getCell(header.get("source_file")).getStringCellValue());
            assertThat(first.getCell(header.get("agency")).getStringCellValue()).isEqualTo(firstDocument.get("agency"));
            assertThat(first.getCell(header.get("report_year")).getNumericCellValue())
                    .isEqualTo(Double.parseDouble(firstDocument.get("report_year")));
            assertThat(first.getCell(header.get("province")).getStringCellValue()).isEqualTo(firstDocument.get("province"));
            assertThat(wide.get("applications").labels().get("withheld.prohibited_by_law/total"))
                    .isEqualTo("(三)不予公开 2.其他法律行政法规禁止公开 · 总计");
        }
        assertThat(output.resolve("xlsx")).isDirectoryContaining(p -> p.getFileName().toString().equals("codebook.md"));
        try (var files = Files.list(output.resolve("xlsx"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(XlsxExporter.FILE,
                    CodebookFiles.CSV_FILE, CodebookFiles.MD_FILE, DatasetPage.FILE);
        }
    }

    @Test
    void excelCsvFilesStartWithAByteOrderMarkAndOtherwiseMatchTheTidyOnes() throws Exception {
        Path excel = output.resolve("excel");

        exports.export(excel, ExportFilter.ALL, new ExportOptions(true, false));

        for (String file : List.of("documents.csv", "observations.csv", "validation_issues.csv", "failures.csv",
                CodebookFiles.CSV_FILE)) {
            byte[] plain = Files.readAllBytes(output.resolve(file));
            byte[] marked = Files.readAllBytes(excel.resolve(file));
            assertThat(Arrays.copyOf(marked, 3)).as(file).containsExactly(0xEF, 0xBB, 0xBF);
            assertThat(Arrays.copyOfRange(marked, 3, marked.length)).as(file).isEqualTo(plain);
            assertThat(plain[0]).as(file).isNotEqualTo((byte) 0xEF);
        }
    }



    private Map<String, CSVRecord> documents() {
        Map<String, CSVRecord> bySource = new LinkedHashMap<>();
        Fixtures.readCsv(output.resolve("documents.csv")).forEach(d -> bySource.put(d.get("source_file"), d));
        return bySource;
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : row) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    /** A wide table sheet: codes in row 0, labels in row 1, one row per document. */
    private static final class Wide {
        final Map<String, Integer> columns;
        final Map<String, String> labels = new HashMap<>();
        final Map<String, Row> rows = new HashMap<>();

        Wide(Sheet sheet) {
            columns = header(sheet.getRow(0));
            columns.forEach((code, c) -> labels.put(code, sheet.getRow(1).getCell(c).getStringCellValue()));
            Set<String> seen = new HashSet<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                String id = sheet.getRow(r).getCell(0).getStringCellValue();
                assertThat(seen.add(id)).as("one row per document in " + sheet.getSheetName()).isTrue();
                rows.put(id, sheet.getRow(r));
            }
        }

        Map<String, String> labels() {
            return labels;
        }

        Cell cell(String documentId, String code) {
            Row row = rows.get(documentId);
            assertThat(row).as(documentId).isNotNull();
            assertThat(columns).containsKey(code);
            Cell cell = row.getCell(columns.get(code));
            return cell == null || cell.getCellType() == CellType.BLANK ? null : cell;
        }
    }

}
