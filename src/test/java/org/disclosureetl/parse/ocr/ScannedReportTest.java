package org.disclosureetl.parse.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.Observation;
import org.disclosureetl.parse.Block;
import org.disclosureetl.parse.ParseProperties;
import org.disclosureetl.parse.ParsedDocument;
import org.disclosureetl.parse.ReportParser;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.ReportPipeline;
import org.disclosureetl.testsupport.TestKinds;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scans made from the seeds (src/test/resources/ocr/README.md) through parse, normalize and extract, scored cell by
 * cell against the seeds' hand-checked cells: right, flagged (wrong or empty, and a finding names its cell or row) or
 * silent (wrong and unflagged, which must never happen).
 */
@Tag(TestKinds.OCR)
class ScannedReportTest {

    private static final Map<String, Fixtures.Expected> EXPECTED = Fixtures.expected();

    private final ReportPipeline pipeline = ReportPipeline.shared();

    record Score(int right, int flagged, int silent) {
    }

    @Test
    void a200DpiScanOfATraditionalSeedComesOutWithItsCellsAgencyAndYear() throws IOException {
        Extraction extraction = pipeline.extract(Fixtures.resource("ocr/000-scan-200dpi.pdf"));
        Fixtures.Expected expected = EXPECTED.get("000_e61bf2b8057539f0.txt");

        assertThat(extraction.status()).isEqualTo(DocumentStatus.EXTRACTED);
        assertThat(extraction.identity().agency()).isEqualTo(expected.agency());
        assertThat(extraction.identity().reportYear()).isEqualTo(expected.reportYear());
        assertThat(extraction.formatVersion()).isEqualTo(expected.formatVersion());
        assertThat(score(extraction, expected)).isEqualTo(new Score(200, 0, 0));
        assertThat(extraction.observations()).filteredOn(o -> o.where() != null).hasSizeGreaterThan(150)
                .allSatisfy(o -> assertThat(o.where()).matches("page \\d table \\d row \\d+ "
                + "box \\d+,\\d+,\\d+,\\d+ \\(OCR\\).*"));
    }

    @Test
    void a150DpiScanComesOutWithItsCellsAgencyAndYear() throws IOException {
        Extraction extraction = pipeline.extract(Fixtures.resource("ocr/004-scan-150dpi.pdf"));
        Fixtures.Expected expected = EXPECTED.get("004_48ee5ca18b0bc9b0.txt");

        assertThat(extraction.identity().agency()).isEqualTo(expected.agency());
        assertThat(extraction.identity().reportYear()).isEqualTo(expected.reportYear());
        assertThat(score(extraction, expected)).isEqualTo(new Score(200, 0, 0));
    }

    /**
     * A text PDF whose page 2 is a picture under a mojibake text layer: that page is read by OCR instead of its
     * layer (none of the layer's characters is left), pages 1 and 3 by their own text.
     */
    @Test
    void aPageWhoseTextLayerIsGarbageIsReadByOcr() throws IOException {
        Path file = Fixtures.resource("ocr/002-page2-garbage-layer.pdf");
        Extraction extraction = pipeline.extract(file);
        Fixtures.Expected expected = EXPECTED.get("002_2bd72b0ede0a148a.txt");

        assertThat(extraction.identity().agency()).isEqualTo(expected.agency());
        assertThat(extraction.identity().reportYear()).isEqualTo(expected.reportYear());
        assertThat(score(extraction, expected)).isEqualTo(new Score(200, 0, 0));
        try (ReportParser parser = inProcess()) {
            ParsedDocument parsed = parser.parse(file);
            assertThat(OcrPages.of(parsed.blocks())).isEqualTo("2");
            assertThat(parsed.plainText()).doesNotContain("ç³è¯·").contains("湛河区金融工作局");
        }
    }

    /** A DOCX whose tables are pasted as pictures (no table of its own): the pictures are read by OCR, in order. */
    @Test
    void theTablePicturesOfAWordDocumentWithoutTablesAreReadByOcr() throws IOException {
        Path file = Fixtures.resource("ocr/002-pictures.docx");
        Extraction extraction = pipeline.extract(file);
        Fixtures.Expected expected = EXPECTED.get("002_2bd72b0ede0a148a.txt");

        assertThat(extraction.identity().agency()).isEqualTo(expected.agency());
        assertThat(extraction.identity().reportYear()).isEqualTo(expected.reportYear());
        assertThat(score(extraction, expected)).isEqualTo(new Score(200, 0, 0));
        try (ReportParser parser = inProcess()) {
            assertThat(OcrPages.of(parser.parse(file).blocks())).isEqualTo("1-3");
        }
    }

    /**
     * A DOCX whose table 1 is a Word table and whose tables 2 and 3 are pasted screenshots (the applications table in
     * two pieces, as it was cut by a page's end), with a stamp after the text: the table pictures are read by OCR,
     * the stamp is not, and the report comes out whole.
     */
    @Test
    void theTablePicturesOfAWordDocumentWithATextTableAreReadButNotItsStamp() throws IOException {
        Path file = Fixtures.resource("ocr/002-table1-text-tables2-3-pictures.docx");
        Extraction extraction = pipeline.extract(file);
        Fixtures.Expected expected = EXPECTED.get("002_2bd72b0ede0a148a.txt");

        assertThat(ScannedPages.mayBeScan(file)).isTrue();
        assertThat(extraction.identity().agency()).isEqualTo(expected.agency());
        assertThat(extraction.identity().reportYear()).isEqualTo(expected.reportYear());
        assertThat(score(extraction, expected)).isEqualTo(new Score(200, 0, 0));
        try (ReportParser parser = inProcess()) {
            assertThat(OcrPages.of(parser.parse(file).blocks())).isEqualTo("1-3");
        }
    }

    /**
     * The seeds' own Word documents hold all their tables as Word tables: a picture in them would not be read by OCR,
     * and they are read exactly as before.
     */
    @Test
    void theSeedsWordDocumentsHoldAllTheirTablesAsText() throws IOException {
        List<Path> files;
        try (java.util.stream.Stream<Path> docx = java.nio.file.Files.list(Path.of("data/inbox/docx"));
             java.util.stream.Stream<Path> doc = java.nio.file.Files.list(Path.of("data/inbox/doc"))) {
            files = java.util.stream.Stream.concat(docx, doc).sorted().toList();
        }
        assertThat(files).hasSize(5);
        TemplateTables tables = TemplateTables.fromTemplates();
        try (ReportParser parser = inProcess()) {
            for (Path file : files) {
                ParsedDocument parsed = parser.parse(file);
                assertThat(tables.holdAll(parsed.blocks())).as(file.toString()).isTrue();
                assertThat(OcrPages.of(parsed.blocks())).as(file.toString()).isNull();
            }
        }
    }

    /**
     * A picture under a text layer that names its font (saved uncompressed): the file goes to the parser children
     * with etl.parse.ocr-timeout, so a parse time limit far shorter than its OCR does not cut it off.
     */
    @Test
    void aPdfWithAGarbageTextLayerGetsTheOcrTimeLimit(@org.junit.jupiter.api.io.TempDir Path folder)
            throws IOException {
        Path file = folder.resolve("garbage-layer-uncompressed.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                Fixtures.resource("ocr/002-page2-garbage-layer.pdf").toFile())) {
            pdf.save(file.toFile(), org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
        }
        assertThat(new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("/Font");
        try (ReportParser fork = new ReportParser(ParseProperties.defaults().withPoolSize(1)
                .withTimeout(java.time.Duration.ofSeconds(3)))) {
            assertThat(OcrPages.of(fork.parse(file).blocks())).isEqualTo("2");
        }
    }

    /** A picture of the application table alone: each number keeps its row and column. */
    @Test
    void aPngOfATablePageGivesItsRowsCellByCell() throws IOException {
        try (ReportParser parser = inProcess()) {
            ParsedDocument parsed = parser.parse(Fixtures.resource("ocr/002-page2-200dpi.png"));

            assertThat(rowWith(parsed, "(七)总计").cells())
                    .containsExactly("(七)总计", "0", "0", "0", "0", "0", "0", "0");
            assertThat(rowWith(parsed, "四、结转下年度继续办理").cells())
                    .containsExactly("四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0");
            assertThat(rowWith(parsed, "(七)总计").where()).startsWith("page 1 table 1 row 24 box 320,1526,");
            assertThat(parsed.blocks()).filteredOn(Block.TableRow.class::isInstance).hasSizeGreaterThan(25);
        }
    }

    /** A slightly turned, noisy JPEG: every number read is right, and a cell it is unsure of stays empty. */
    @Test
    void aSkewedNoisyJpegReadsNoNumberWrong() throws IOException {
        try (ReportParser parser = inProcess()) {
            ParsedDocument parsed = parser.parse(Fixtures.resource("ocr/004-page2-200dpi-skewed.jpg"));

            assertThat(rowWith(parsed, "规范性文件").cells()).containsExactly("规范性文件", "1", "0", "3");
            assertThat(rowWith(parsed, "5.属于三类内部事务信息").cells())
                    .containsExactly("5.属于三类内部事务信息", "1", "0", "0", "0", "0", "0", "1");
            List<String> numbers = parsed.blocks().stream().filter(Block.TableRow.class::isInstance)
                    .flatMap(b -> ((Block.TableRow) b).cells().stream()).filter(c -> c.matches("\\d+")).toList();
            assertThat(numbers).hasSize(80).allMatch(n -> n.equals("0") || n.equals("1") || n.equals("2")
                    || n.equals("3"));
        }
    }

    /** Through a parser child JVM, as the job runs it: the same rows as in this JVM. */
    @Test
    void aScanIsReadTheSameInAParserChild() throws IOException {
        Path png = Fixtures.resource("ocr/002-page2-200dpi.png");
        try (ReportParser fork = new ReportParser(ParseProperties.defaults().withPoolSize(1));
             ReportParser here = inProcess()) {
            assertThat(fork.parse(png).blocks()).isEqualTo(here.parse(png).blocks());
        }
    }

    private static ReportParser inProcess() {
        return new ReportParser(ParseProperties.defaults().withIsolation(ParseProperties.Isolation.IN_PROCESS)
                .withPoolSize(2));
    }

    private static Block.TableRow rowWith(ParsedDocument parsed, String label) {
        return parsed.blocks().stream().filter(Block.TableRow.class::isInstance).map(Block.TableRow.class::cast)
                .filter(r -> r.cells().contains(label)).findFirst().orElseThrow(() -> new AssertionError(
                        "no row " + label + " in " + parsed.plainText()));
    }

    private Score score(Extraction extraction, Fixtures.Expected expected) {
        Map<String, String> actual = new HashMap<>();
        for (Observation o : extraction.observations()) {
            actual.put(o.tableCode() + "/" + o.rowCode() + "/" + o.columnCode(), plain(o.value()));
        }
        List<Finding> findings = pipeline.findings(extraction);
        int right = 0;
        int flagged = 0;
        int silent = 0;
        for (Map.Entry<String, String> cell : expected.cells().entrySet()) {
            String value = actual.get(cell.getKey());
            boolean blankExpected = cell.getValue().isEmpty();
            if (cell.getValue().equals(value) || (blankExpected && (value == null || value.equals("0")))) {
                right++;
            } else if (flags(findings, cell.getKey())) {
                flagged++;
            } else {
                silent++;
            }
        }
        return new Score(right, flagged, silent);
    }

    private static boolean flags(List<Finding> findings, String key) {
        String[] k = key.split("/");
        return findings.stream().anyMatch(f -> k[0].equals(f.tableCode())
                && (f.rowCode() == null || k[1].equals(f.rowCode()))
                && (f.columnCode() == null || k[2].equals(f.columnCode())));
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : org.disclosureetl.extract.CellValue.plain(value);
    }
}
