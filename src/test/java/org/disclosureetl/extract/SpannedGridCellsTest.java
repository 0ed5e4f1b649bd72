package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.ReportPipeline;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seeds' and the real reports' tables drawn as grids with blank cells and spans (issue 26;
 * {@code fixtures/grids/README.md}): the official layout's rowspan row-group labels and colspan headers, zeros
 * printed blank, two blank cells merged across columns or rows, {@code <br/>} inside header cells; as HTML, and
 * the same pages converted to DOCX and DOC by LibreOffice (merged cells as gridSpan/vMerge) and to XLSX by
 * LibreOffice Calc (one sheet, merged regions) and from there to XLS; typed into a sheet without merged cells
 * ({@code xlsx-unmerged}: a row ends at its last printed cell); inside an outer layout table ({@code nested-html},
 * and {@code nested-docx}: a Word table inside a cell). Every printed number
 * comes out in its cell, every cell printed blank is left empty with a {@code blank_cell} finding on that very
 * cell, and nothing is silently wrong.
 */
@Tag(TestKinds.ACCURACY)
class SpannedGridCellsTest {

    private static final Map<String, List<CSVRecord>> KEY = key();

    private final ReportPipeline pipeline = ReportPipeline.shared();

    /** How a document's cells came out: right, printed blank and flagged as such, flagged otherwise, silently wrong. */
    record Tally(int right, int blankFlagged, int flagged, int silent, List<String> notRight) {
    }

    /**
     * Per fixture folder, the files' extension: the folder's name, or what is before its {@code -} (the same pages
     * drawn another way: {@code xlsx-unmerged} typed into a sheet without merged cells, {@code nested-html} and
     * {@code nested-docx} inside an outer layout table).
     */
    static Stream<Arguments> documents() {
        return Stream.of("html", "docx", "doc", "xlsx", "xls", "xlsx-unmerged", "nested-html", "nested-docx")
                .flatMap(format -> KEY.keySet().stream().map(document -> Arguments.of(format, document)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void everyPrintedNumberInItsCellAndEveryBlankFlagged(String format, String document) throws IOException {
        List<CSVRecord> key = KEY.get(document);
        String extension = format.startsWith("nested-") ? format.substring("nested-".length())
                : format.replaceFirst("-.*", "");
        Extraction extraction = pipeline.extract("fixtures/grids/" + format + "/" + document + "." + extension);

        Tally tally = tally(key, extraction, pipeline.findings(extraction));
        System.out.printf("grids %-13s %-22s right %3d blank+flagged %3d flagged %3d silent %d%n", format, document,
                tally.right(), tally.blankFlagged(), tally.flagged(), tally.silent());

        long blanks = key.stream().filter(r -> r.get("printed").isEmpty()).count();
        assertThat(tally.silent()).as("silently wrong: " + tally.notRight()).isZero();
        assertThat(tally.blankFlagged()).as("not right: " + tally.notRight()).isEqualTo(blanks);
        assertThat(tally.right()).as("not right: " + tally.notRight()).isEqualTo(key.size() - blanks);
    }

    private static Tally tally(List<CSVRecord> key, Extraction extraction, List<Finding> findings) {
        Map<String, Observation> got = new LinkedHashMap<>();
        extraction.observations().forEach(o -> got.put(o.tableCode() + "/" + o.rowCode() + "/" + o.columnCode(), o));
        int right = 0;
        int blankFlagged = 0;
        int flagged = 0;
        List<String> silent = new ArrayList<>();
        List<String> notRight = new ArrayList<>();
        for (CSVRecord r : key) {
            String table = r.get("table_code");
            String row = r.get("row_code");
            String column = r.get("column_code");
            String cell = table + "/" + row + "/" + column;
            Observation o = got.get(cell);
            BigDecimal value = o == null ? null : o.value();
            String printed = r.get("printed");
            if (printed.isEmpty()) {
                boolean blankFinding = findings.stream().anyMatch(f -> FindingRule.BLANK_CELL.code().equals(f.rule())
                        && table.equals(f.tableCode()) && row.equals(f.rowCode()) && column.equals(f.columnCode()));
                if (o != null && value == null && blankFinding) {
                    blankFlagged++;
                    continue;
                }
            } else {
                BigDecimal want = r.get("value").isEmpty() ? null : new BigDecimal(r.get("value"));
                if (o != null && (want == null ? value == null : value != null && value.compareTo(want) == 0)) {
                    right++;
                    continue;
                }
            }
            notRight.add(cell + " printed '" + printed + "' got " + value);
            if (FindingCover.flags(table, row, column, findings)) {
                flagged++;
            } else {
                silent.add(cell);
            }
        }
        return new Tally(right, blankFlagged, flagged, silent.size(), notRight);
    }

    private static Map<String, List<CSVRecord>> key() {
        Map<String, List<CSVRecord>> byDocument = new LinkedHashMap<>();
        for (CSVRecord r : Fixtures.csv("fixtures/grids/expected-cells.csv")) {
            byDocument.computeIfAbsent(r.get("document"), k -> new ArrayList<>()).add(r);
        }
        return byDocument;
    }
}
