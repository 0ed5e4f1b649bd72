package org.disclosureetl.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Where the cells of a workbook's rows lie (XLSX, and legacy XLS read by POI's HSSF): its merged regions, which
 * Tika's extractors drop, and each cell's sheet column (issue 26). Tika gives a sheet as one table with a cell per
 * sheet column, the cells a merge covers empty, and a row ending at its last written cell; a row's blank cells
 * after its last number (not written, or a merged region of blank cells as LibreOffice writes a page's blank
 * cells) are then missing, and the readers, which place a row's cells after its label from the right, put the
 * number in a column to its right. With the merges, a region is one cell spanning its columns and rows, laid on
 * the grid by {@link TableGrid} as an HTML {@code colspan}/{@code rowspan} is; a sheet without merges keeps every
 * sheet column, a row padded to its table's width ({@link #unmerged}).
 * <p>
 * Tika's rows are matched to the sheet's by their text ({@link TableGrid.SourceRows}): a table is laid on the
 * first sheet (from the one after the last matched) whose rows give every printed row of it, in order; a table no
 * sheet gives is left as Tika gave it. Anything this reading cannot read gives no sheets, never a failed document.
 */
final class SheetGrid {

    /** No sheets: not an XLSX or XLS workbook, or one this reading could not read. */
    static final SheetGrid NONE = new SheetGrid(List.of());

    /** A workbook this large is mostly pictures; POI would hold its sheets once more beside Tika's reading. */
    private static final long MAX_WORKBOOK_BYTES = 16L << 20;
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

    /** The rows and merged regions of the XLSX or XLS {@code file}'s sheets, or {@link #NONE}. */
    static SheetGrid read(Path file) {
        try {
            byte[] magic = new byte[4];
            try (InputStream in = Files.newInputStream(file)) {
                if (in.readNBytes(magic, 0, 4) < 4 || Files.size(file) > MAX_WORKBOOK_BYTES) {
                    return NONE;
                }
            }
            if (magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    if (zip.getEntry("xl/workbook.xml") == null) {
                        return NONE; // a DOCX, or a zip of something else: no workbook to open
                    }
                }
                try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                        Workbook workbook = new XSSFWorkbook(pkg)) {
                    return of(workbook);
                }
            }
            if ((magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF && magic[2] == 0x11
                    && (magic[3] & 0xFF) == 0xE0) {
                try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                    // a legacy workbook's stream ("Book": Excel 5); a DOC has "WordDocument" instead
                    if (!fs.getRoot().hasEntry("Workbook") && !fs.getRoot().hasEntry("Book")) {
                        return NONE;
                    }
                    try (Workbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
                        return of(workbook);
                    }
                }
            }
            return NONE;
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            // only a help to Tika's reading (a DOCX is a zip too, and no workbook): a file it cannot read is Tika's
            return NONE;
        }
    }

    private static SheetGrid of(Workbook workbook) {
        DataFormatter formatter = new DataFormatter();
        // a total as a formula: Tika prints its cached result, and so must the text rows are matched by
        formatter.setUseCachedValuesForFormulaCells(true);
        List<SheetRows> sheets = new ArrayList<>();
        for (Sheet sheet : workbook) {
            sheets.add(sheet(sheet, formatter));
        }
        return sheets.stream().anyMatch(s -> s != null) ? new SheetGrid(sheets) : NONE;
    }

    /** The sheet's rows and merges; null when it is too large. */
    private static SheetRows sheet(Sheet sheet, DataFormatter formatter) {
        List<CellRangeAddress> merges = sheet.getMergedRegions();
        if (sheet.getLastRowNum() >= MAX_ROWS) {
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
        if (sheet.merges().isEmpty()) {
            return unmerged(texts, tika, sheetRow);
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

    /**
     * A sheet without merged regions: every sheet column is a place, and a row of a table reaches as far right as
     * the table does. Tika ends a row at its last written cell, so a row whose last cells are blank would be short,
     * and the readers, which place a row's cells after its label from the right, would move its numbers right; here
     * each value keeps its sheet column and the row is padded with empty cells to its table's width. A table is a
     * run of rows of two cells or more (a title or heading between tables is one cell), its width that of its
     * widest printed row.
     */
    private static List<List<String>> unmerged(List<List<String>> texts, List<List<String>> tika, int[] sheetRow) {
        int rowCount = texts.size();
        int[] widths = new int[rowCount];
        int[] written = new int[rowCount];
        for (int r = 0; r < rowCount; r++) {
            List<String> row = texts.get(r);
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) != null) {
                    written[r]++;
                    if (!TableGrid.blank(row.get(c))) {
                        widths[r] = c + 1;
                    }
                }
            }
        }
        List<List<String>> padded = new ArrayList<>(rowCount);
        int bandStart = 0;
        for (int r = 1; r <= rowCount; r++) {
            if (r == rowCount || written[r - 1] <= 1 || written[r] <= 1) {
                int width = 0;
                for (int b = bandStart; b < r; b++) {
                    width = Math.max(width, widths[b]);
                }
                for (int b = bandStart; b < r; b++) {
                    List<String> row = texts.get(b);
                    List<String> cells = new ArrayList<>(Math.max(width, row.size()));
                    for (int c = 0; c < Math.max(width, row.size()); c++) {
                        cells.add(c < row.size() && row.get(c) != null ? row.get(c) : "");
                    }
                    padded.add(cells);
                }
                bandStart = r;
            }
        }
        List<List<String>> laid = new ArrayList<>(tika.size());
        for (int t = 0; t < tika.size(); t++) {
            laid.add(sheetRow[t] >= 0 ? padded.get(sheetRow[t]) : tika.get(t));
        }
        return laid;
    }
}
