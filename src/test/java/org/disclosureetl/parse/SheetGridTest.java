package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An XLSX sheet's merged regions laid as spans (issue 26): Tika gives a cell per sheet column and a row ends at its
 * last written cell, so a blank region after the last number is missing and the number would be read into the
 * last column; on the grid it keeps its own. Tagged: loading POI's XSSF classes takes the first test about 3 s,
 * more than the fast loop allows a test (in a run, Tika has loaded them already).
 */
@Tag(TestKinds.ACCURACY)
class SheetGridTest {

    @TempDir
    Path work;

    /**
     * A page's two tables on one sheet, as LibreOffice Calc writes an HTML page: a title over all columns, a
     * header of three columns, a row with a number then two blank cells merged, a row-group label over two rows,
     * and a second table whose column lines (2, 3) are none of the first one's.
     */
    private Path page() throws IOException {
        return page(new XSSFWorkbook(), "page.xlsx");
    }

    private Path page(Workbook created, String name) throws IOException {
        try (Workbook workbook = created) {
            Sheet sheet = workbook.createSheet();
            String[][] cells = {
                {"标题", null, null, null, null, null, null},
                {"信息内容", null, "甲", null, "乙", null, "丙"},
                {"规章", null, "636", null, "", null, ""},
                {"组", "行一", "1", null, "2", null, "3"},
                {null, "行二", "4", null, "5", null, null},
                {"二、表", null, null, null, null, null, null},
                {"项", null, null, "数", null, "额", null},
                {"收费", null, null, "", null, "7", null}};
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    if (cells[r][c] != null) {
                        row.createCell(c).setCellValue(cells[r][c]);
                    }
                }
            }
            sheet.getRow(4).createCell(6).setCellFormula("3+4"); // a total computed, as Tika prints it: 7
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            for (String region : List.of("A1:G1", "A2:B2", "C2:D2", "E2:F2", "A3:B3", "C3:D3", "E3:G3", "A4:A5",
                    "C4:D4", "E4:F4", "C5:D5", "E5:F5", "A6:G6", "A7:C7", "D7:E7", "F7:G7", "A8:C8", "D8:E8",
                    "F8:G8")) {
                sheet.addMergedRegion(CellRangeAddress.valueOf(region));
            }
            Path file = work.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        }
    }

    @Test
    void mergedRegionsAreSpansAndEachTableKeepsItsOwnColumns() throws IOException {
        SheetGrid grid = SheetGrid.read(page());
        List<List<String>> tika = List.of(
                List.of("标题"),
                List.of("信息内容", "", "甲", "", "乙", "", "丙"),
                List.of("规章", "", "636"), // Tika stops at the last written value: the blank region E3:G3 is missing
                List.of("组", "行一", "1", "", "2", "", "3"),
                List.of("", "行二", "4", "", "5", "", "7"),
                List.of("二、表"),
                List.of("项", "", "", "数", "", "额"),
                List.of("收费", "", "", "", "", "7"));

        assertThat(grid.lay(tika)).containsExactly(
                List.of("标题"),
                List.of("信息内容", "甲", "乙", "丙"),
                List.of("规章", "636", "", ""),
                List.of("组", "行一", "1", "2", "3"),
                List.of("", "行二", "4", "5", "7"),
                List.of("二、表"),
                List.of("项", "数", "额"),
                List.of("收费", "", "7"));
    }

    @Test
    void aLegacyXlsWorkbooksMergedRegionsAreSpansToo() throws IOException {
        SheetGrid grid = SheetGrid.read(page(new HSSFWorkbook(), "page.xls"));

        assertThat(grid.lay(List.of(List.of("标题"), List.of("信息内容", "", "甲", "", "乙", "", "丙"),
                List.of("规章", "", "636")))).containsExactly(
                        List.of("标题"), List.of("信息内容", "甲", "乙", "丙"), List.of("规章", "636", "", ""));
    }

    /**
     * A sheet typed without merged cells: a heading, a table whose rows end at their last printed cell, another
     * table narrower than the first. Each value keeps its sheet column and a row reaches its table's width.
     */
    @Test
    void aSheetWithoutMergesKeepsEachValuesColumnAndPadsARowToItsTablesWidth() throws IOException {
        Path file = work.resolve("plain.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet();
            String[][] cells = {
                {"二、主动公开"},
                {"信息内容", "甲", "乙", "丙"},
                {"规章", "636"},
                {"规范性文件", null, null, "7"},
                {"第二十条第(八)项"},
                {"信息内容", "甲"},
                {"收费", "12"}};
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    if (cells[r][c] != null) {
                        row.createCell(c).setCellValue(cells[r][c]);
                    }
                }
            }
            workbook.write(out);
        }
        SheetGrid grid = SheetGrid.read(file);

        assertThat(grid.lay(List.of(List.of("二、主动公开"), List.of("信息内容", "甲", "乙", "丙"), List.of("规章", "636"),
                List.of("规范性文件", "", "", "7"), List.of("第二十条第(八)项"), List.of("信息内容", "甲"),
                List.of("收费", "12")))).containsExactly(
                        List.of("二、主动公开"), List.of("信息内容", "甲", "乙", "丙"), List.of("规章", "636", "", ""),
                        List.of("规范性文件", "", "", "7"), List.of("第二十条第(八)项"), List.of("信息内容", "甲"),
                        List.of("收费", "12"));
    }

    @Test
    void aTableNoSheetPrintsStaysAsTikaGaveIt() throws IOException {
        SheetGrid grid = SheetGrid.read(page());

        assertThat(grid.lay(List.of(List.of("标题"), List.of("规章", "", "", "636")))).isNull();
    }

    @Test
    void noWorkbookGivesNoSheets() throws IOException {
        Path text = Files.writeString(work.resolve("a.txt"), "PK", StandardCharsets.UTF_8);
        Path broken = Files.write(work.resolve("b.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        Path plain = work.resolve("c.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
            workbook.createSheet().createRow(0).createCell(0).setCellValue("no merges");
            workbook.write(out);
        }

        assertThat(SheetGrid.read(text)).isSameAs(SheetGrid.NONE);
        assertThat(SheetGrid.read(broken)).isSameAs(SheetGrid.NONE);
        assertThat(SheetGrid.read(plain)).isNotSameAs(SheetGrid.NONE); // a sheet without merges is read too
        assertThat(SheetGrid.read(work.resolve("missing.xlsx"))).isSameAs(SheetGrid.NONE);
        assertThat(SheetGrid.read(Path.of("src/test/resources/fixtures/grids/doc/real-102.doc")))
                .isSameAs(SheetGrid.NONE); // an OLE2 file, but a Word document's
    }
}
