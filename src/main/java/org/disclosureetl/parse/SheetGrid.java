package org.disclosureetl.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Where the cells of an XLSX workbook's rows lie: its merged regions, which Tika's XLSX extractor drops (issue 26).
 * Tika gives a sheet as one table with a cell per sheet column, the cells a merge covers empty, and a row ending
 * at its last written cell; a merged region of blank cells after the last number (LibreOffice writes a page's
 * blank cells so) is then missing, and the readers, which place a row's cells after its label from the right,
 * put the number in a column to its right. With the merges, a region is one cell spanning its columns and rows,
 * laid on the grid by {@link TableGrid} as an HTML {@code colspan}/{@code rowspan} is.
 * <p>
 * Tika's rows are matched to the sheet's by their text, column by column: a table is laid on the first sheet
 * (from the one after the last matched) whose rows give every printed row of it, in order; a table no sheet
 * gives is left as Tika gave it. Only sheets with merged regions are kept (a sheet without any is a grid as
 * printed). Anything this reading cannot read gives no sheets, never a failed document.
 */
final class SheetGrid {

    /** No sheets: not an XLSX workbook, one without merged regions, or one this reading could not read. */
    static final SheetGrid NONE = new SheetGrid(List.of());

    /** An XLSX this large is mostly pictures; POI would hold its sheets once more beside Tika's reading. */
    private static final long MAX_XLSX_BYTES = 16L << 20;
    /** More cells than a report's sheet has by far: such a sheet is left as Tika gives it. */
    private static final int MAX_ROWS = 10_000;

    /** A sheet: per row (from row 0), per column the printed text, null where no cell is written; its merges. */
    private record SheetRows(List<String[]> rows, List<CellRangeAddress> merges, TableGrid.SourceRows texts) {
    }

    private final List<SheetRows> sheets;
    private int nextSheet;

    private SheetGrid(List<SheetRows> sheets) {
        this.sheets = sheets;
    }

    /** The merged regions of the XLSX {@code file}'s sheets, or {@link #NONE}. */
    static SheetGrid read(Path file) {
        try {
            byte[] magic = new byte[4];
            try (InputStream in = Files.newInputStream(file)) {
                if (in.readNBytes(magic, 0, 4) < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3
                        || magic[3] != 4 || Files.size(file) > MAX_XLSX_BYTES) {
                    return NONE;
                }
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                if (zip.getEntry("xl/workbook.xml") == null) {
                    return NONE; // a DOCX, or a zip of something else: no workbook to open
                }
            }
            List<SheetRows> sheets = new ArrayList<>();
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                    XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
                if (workbook.getNumberOfSheets() == 0) {
                    return NONE;
                }
                DataFormatter formatter = new DataFormatter();
                // a total as a formula: Tika prints its cached result, and so must the text rows are matched by
                formatter.setUseCachedValuesForFormulaCells(true);
                for (Sheet sheet : workbook) {
                    sheets.add(sheet(sheet, formatter));
                }
            }
            return sheets.stream().anyMatch(s -> s != null) ? new SheetGrid(sheets) : NONE;
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            // only a help to Tika's reading (a DOCX is a zip too, and no workbook): a file it cannot read is Tika's
            return NONE;
        }
    }

    /** The sheet's rows and merges; null when it has no merges or is too large. */
    private static SheetRows sheet(Sheet sheet, DataFormatter formatter) {
        List<CellRangeAddress> merges = sheet.getMergedRegions();
        if (merges.isEmpty() || sheet.getLastRowNum() >= MAX_ROWS) {
            return null;
        }
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String[] cells = new String[row == null || row.getLastCellNum() < 0 ? 0 : row.getLastCellNum()];
            if (cells.length > TableGrid.MAX_COLUMNS * 4) {
                return null;
            }
            for (int c = 0; c < cells.length; c++) {
                Cell cell = row.getCell(c);
                cells[c] = cell == null ? null : formatter.formatCellValue(cell);
            }
            rows.add(cells);
        }
        for (CellRangeAddress merge : merges) {
            if (merge.getLastRow() >= MAX_ROWS || merge.getLastColumn() >= TableGrid.MAX_COLUMNS * 4) {
                return null;
            }
        }
        TableGrid.SourceRows texts = new TableGrid.SourceRows();
        for (String[] cells : rows) {
            texts.add(Arrays.asList(cells));
        }
        return new SheetRows(rows, merges, texts);
    }

    /**
     * The table's rows ({@code tika}, a cell per sheet column as Tika gives them) on the grid of the first sheet
     * after the last matched whose rows give them all, spans expanded; null when no sheet does (or its grid is
     * not to be trusted), and the table stays as Tika gave it.
     */
    List<List<String>> lay(List<List<String>> tika) {
        for (int s = nextSheet; s < sheets.size(); s++) {
            SheetRows sheet = sheets.get(s);
            if (sheet == null) {
                continue;
            }
            int[] sheetRow = sheet.texts().inOrder(tika);
            if (sheetRow != null) {
                nextSheet = s + 1;
                return lay(sheet, tika, sheetRow);
            }
        }
        return null;
    }

    private static List<List<String>> lay(SheetRows sheet, List<List<String>> tika, int[] sheetRow) {
        int rowCount = sheet.rows().size();
        // per sheet row, Tika's cells where Tika gives the row (their text is kept), else the sheet's
        List<List<String>> texts = new ArrayList<>(rowCount);
        for (String[] cells : sheet.rows()) {
            List<String> row = new ArrayList<>(cells.length);
            for (String cell : cells) {
                row.add(cell == null ? null : cell);
            }
            texts.add(row);
        }
        for (int t = 0; t < tika.size(); t++) {
            if (sheetRow[t] >= 0) {
                List<String> row = texts.get(sheetRow[t]);
                List<String> cells = tika.get(t);
                for (int c = 0; c < cells.size(); c++) {
                    if (c < row.size()) {
                        row.set(c, cells.get(c));
                    } else if (!TableGrid.blank(cells.get(c))) {
                        return null; // a printed cell the sheet does not write: the match was wrong
                    }
                }
            }
        }
        int width = 0;
        for (List<String> row : texts) {
            width = Math.max(width, row.size());
        }
        for (CellRangeAddress merge : sheet.merges()) {
            width = Math.max(width, merge.getLastColumn() + 1);
        }
        // per place, the merge starting there (its top-left), or a merge covering it (no cell starts there)
        CellRangeAddress[][] mergeAt = new CellRangeAddress[rowCount][];
        boolean[][] covered = new boolean[rowCount][];
        for (int r = 0; r < rowCount; r++) {
            mergeAt[r] = new CellRangeAddress[width];
            covered[r] = new boolean[width];
        }
        for (CellRangeAddress merge : sheet.merges()) {
            if (merge.getFirstRow() >= rowCount) {
                continue; // a merge below the last written row covers no printed cell
            }
            for (int r = merge.getFirstRow(); r <= Math.min(merge.getLastRow(), rowCount - 1); r++) {
                for (int c = merge.getFirstColumn(); c <= merge.getLastColumn(); c++) {
                    if (covered[r][c] || mergeAt[r][c] != null) {
                        return null; // overlapping merges: Excel refuses them, and so does this reading
                    }
                    if (r == merge.getFirstRow() && c == merge.getFirstColumn()) {
                        mergeAt[r][c] = merge;
                    } else {
                        covered[r][c] = true;
                    }
                }
            }
        }
        List<List<TableGrid.Cell>> rows = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            List<String> text = texts.get(r);
            List<TableGrid.Cell> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                String cell = c < text.size() ? text.get(c) : null;
                CellRangeAddress merge = mergeAt[r][c];
                if (covered[r][c]) {
                    if (cell != null && !TableGrid.blank(cell)) {
                        return null; // text under a merge: Excel hides it, a reader would not
                    }
                } else if (merge != null) {
                    cells.add(new TableGrid.Cell(cell == null ? "" : cell, c, merge.getLastColumn() + 1,
                            Math.min(merge.getLastRow(), rowCount - 1) - r + 1));
                } else if (cell != null) {
                    cells.add(new TableGrid.Cell(cell, c, c + 1, 1));
                }
            }
            rows.add(cells);
        }
        // the sheet's tables one by one: a grid column of one (a page's tables on one sheet each draw their own
        // columns) is no column of another, and would give a blank cell spanning it one place too many
        boolean[] spanDown = new boolean[rowCount];
        for (CellRangeAddress merge : sheet.merges()) {
            for (int r = merge.getFirstRow() + 1; r <= Math.min(merge.getLastRow(), rowCount - 1); r++) {
                spanDown[r] = true;
            }
        }
        List<List<String>> expanded = new ArrayList<>(rowCount);
        int bandStart = 0;
        for (int r = 1; r <= rowCount; r++) {
            boolean boundary = r == rowCount
                    || !spanDown[r] && (rows.get(r - 1).size() <= 1 || rows.get(r).size() <= 1);
            if (boundary) {
                List<List<String>> band = TableGrid.expand(rows.subList(bandStart, r), 0);
                if (band == null) {
                    return null;
                }
                expanded.addAll(band);
                bandStart = r;
            }
        }
        List<List<String>> laid = new ArrayList<>(tika.size());
        for (int t = 0; t < tika.size(); t++) {
            laid.add(sheetRow[t] >= 0 ? expanded.get(sheetRow[t]) : tika.get(t));
        }
        return laid;
    }
}
