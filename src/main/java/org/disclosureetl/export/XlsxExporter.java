package org.disclosureetl.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.disclosureetl.codebook.Codebook;
import org.disclosureetl.codebook.CodebookEntry;
import org.disclosureetl.store.ExportQueries;
import org.disclosureetl.store.ReportingQueries;
import org.disclosureetl.store.ReportingQueries.DocumentRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code export --format=xlsx}: one workbook, {@value #FILE}, with the documents, one sheet per
 * table in the wide layout (one row per document that has the table, one column per cell code of
 * the codebook, in template order), the validation issues, the failures and the codebook.
 *
 * <p>Written with POI's streaming SXSSF: only {@link #WINDOW} rows per sheet stay in memory, the rest
 * goes to compressed temp files that {@code close()} deletes, so a large database does not fill the
 * heap. Numbers are numeric cells (a value, a year, a count); text is a string cell, never a formula,
 * so unlike the CSV files no apostrophe is needed. Written to a temp file and renamed into place.
 */
@Component
public class XlsxExporter {

    private static final Logger log = LoggerFactory.getLogger(XlsxExporter.class);

    public static final String FILE = "disclosure.xlsx";
    /** The sheet of the documents, first in the workbook. */
    static final String DOCUMENTS_SHEET = "documents";
    static final int WINDOW = 200;

    /** The document columns in front of every table sheet's cells. */
    public static final List<String> KEY_COLUMNS = List.of("document_id", "source_file", "agency", "report_year",
            "format_version", "region_code", "province", "prefecture", "county", "agency_key");

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

    private final ReportingQueries queries;
    private final ExportQueries panelQueries;
    private final Codebook codebook;

    public XlsxExporter(ReportingQueries queries, ExportQueries panelQueries, Codebook codebook) {
        this.queries = queries;
        this.panelQueries = panelQueries;
        this.codebook = codebook;
    }

    /** Rows per sheet (header rows not counted). */
    public record Result(Path file, Map<String, Long> rows) {
    }

    public Result export(Path folder, ExportFilter filter) throws IOException {
        Files.createDirectories(folder);
        ExportFilter f = filter == null ? ExportFilter.ALL : filter;
        ReportingQueries.Selection selection = new ReportingQueries.Selection(f.year(), f.agency(), f.region(), f.table());
        Map<String, Long> rows = new LinkedHashMap<>();
        Path temp = OutputFiles.newScratch(folder, FILE);
        try {
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
                workbook.setCompressTempFiles(true);
                Sheets sheets = new Sheets(workbook);
                List<DocumentRow> documents = new ArrayList<>();
                queries.forEachDocument(selection, documents::add);
                Map<String, List<String>> paths = panelQueries.pathsByContent();

                SXSSFSheet documentSheet = sheets.create(DOCUMENTS_SHEET, OutputSchema.DOCUMENTS, null);
                for (DocumentRow d : documents) {
                    Row row = sheets.next(documentSheet);
                    int c = 0;
                    c = text(row, c, d.documentId(), d.sourceFile(), d.sha256(), d.contentType(), d.script(), d.agency());
                    c = number(row, c, d.reportYear());
                    c = text(row, c, d.formatVersion(), d.status());
                    c = number(row, c, d.tablesFound(), d.cells(), d.issues());
                    c = text(row, c, String.valueOf(d.present()), d.regionCode(), d.regionLevel(), d.province(),
                            d.prefecture(), d.county(), d.agencyKey());
                    c = number(row, c, d.sourceRecord());
                    c = text(row, c, d.duplicateOf());
                    text(row, c, CsvRows.paths(paths.get(d.sha256())), d.ocrPages());
                }
                rows.put(DOCUMENTS_SHEET, (long) documents.size());

                Map<String, TableSheet> tables = tableSheets(sheets, f.table());
                tables.keySet().forEach(t -> rows.put(t, 0L)); // counted below, listed in sheet order
                for (DocumentRow d : documents) {
                    Map<String, Row> rowOfTable = new HashMap<>();
                    queries.forEachCell(d.documentId(), f.table(), cell -> {
                        TableSheet table = tables.get(cell.tableCode());
                        Integer column = table == null ? null : table.columns().get(cell.rowCode() + "/" + cell.columnCode());
                        if (column == null) {
                            log.warn("{}: cell {}/{}/{} is not in the codebook; left out of the workbook",
                                    d.documentId(), cell.tableCode(), cell.rowCode(), cell.columnCode());
                            return;
                        }
                        Row row = rowOfTable.computeIfAbsent(cell.tableCode(), k -> keyRow(sheets, table.sheet(), d));
                        if (cell.value() != null) {
                            row.createCell(column).setCellValue(cell.value().doubleValue());
                        }
                    });
                    rowOfTable.keySet().forEach(t -> rows.merge(t, 1L, Long::sum));
                }

                rows.put("panel", panelSheet(sheets, selection, f.table()));

                SXSSFSheet issues = sheets.create("validation_issues", List.of("document_id", "source_file", "rule",
                        "table_code", "row_code", "column_code", "expected", "actual", "message"), null);
                long[] issueRows = {0};
                queries.forEachIssue(selection, i -> {
                    Row row = sheets.next(issues);
                    int c = text(row, 0, i.documentId(), i.sourceFile(), i.rule(), i.tableCode(), i.rowCode(),
                            i.columnCode());
                    c = numberOrText(row, c, i.expected());
                    c = numberOrText(row, c, i.actual());
                    text(row, c, i.message());
                    issueRows[0]++;
                });
                rows.put("validation_issues", issueRows[0]);

                SXSSFSheet failures = sheets.create("failures", OutputSchema.FAILURES, null);
                long[] failureRows = {0};
                queries.forEachFailure(null, fl -> {
                    Row row = sheets.next(failures);
                    int c = number(row, 0, fl.runId());
                    text(row, c, fl.sourceFile(), fl.step(), fl.errorType(), fl.message(), fl.time().toString(),
                            fl.documentId());
                    failureRows[0]++;
                });
                rows.put("failures", failureRows[0]);

                SXSSFSheet codes = sheets.create("codebook", OutputSchema.CODEBOOK, null);
                for (CodebookEntry e : codebook.entries()) {
                    Row row = sheets.next(codes);
                    int c = text(row, 0, e.tableCode(), e.rowCode(), e.columnCode(), e.rowLabel(), e.columnLabel(),
                            e.description(), e.unit(), String.join(";", e.formatVersions()));
                    c = number(row, c, e.firstYear(), e.lastYear());
                    text(row, c, String.join(";", e.identities()), PanelFile.code(e));
                }
                rows.put("codebook", (long) codebook.entries().size());

                try (OutputStream out = Files.newOutputStream(temp)) {
                    workbook.write(out);
                }
            }
            Path target = folder.resolve(FILE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Result(target, rows);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The panel sheet: as panel.csv (PanelFile), years and values as numbers. */
    private long panelSheet(Sheets sheets, ReportingQueries.Selection selection, String table) {
        PanelFile panel = new PanelFile(codebook, table);
        SXSSFSheet sheet = sheets.create("panel", panel.header(), null);
        long count = 0;
        for (ExportQueries.PanelDocument d : panelQueries.panelDocuments(selection)) {
            Row row = sheets.next(sheet);
            int c = text(row, 0, d.agencyKey(), d.agency());
            c = number(row, c, d.reportYear());
            text(row, c, d.regionCode(), d.province(), d.prefecture(), d.county(), d.formatVersion(), d.documentId());
            int first = OutputSchema.PANEL_KEYS.size();
            queries.forEachCell(d.documentId(), table, cell -> {
                Integer column = panel.column(cell.tableCode(), cell.rowCode(), cell.columnCode());
                if (column != null && cell.value() != null) {
                    row.createCell(first + column).setCellValue(cell.value().doubleValue());
                }
            });
            count++;
        }
        return count;
    }

    /** A table's sheet and the column of each {@code row_code/column_code}. */
    private record TableSheet(SXSSFSheet sheet, Map<String, Integer> columns) {
    }

    /** One sheet per table of the codebook (or only the filtered one), columns in codebook order. */
    private Map<String, TableSheet> tableSheets(Sheets sheets, String onlyTable) {
        Map<String, List<CodebookEntry>> byTable = new LinkedHashMap<>();
        for (CodebookEntry e : codebook.entries()) {
            if (onlyTable == null || onlyTable.equals(e.tableCode())) {
                byTable.computeIfAbsent(e.tableCode(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, TableSheet> tables = new LinkedHashMap<>();
        byTable.forEach((table, entries) -> {
            List<String> header = new ArrayList<>(KEY_COLUMNS);
            List<String> labels = new ArrayList<>();
            KEY_COLUMNS.forEach(k -> labels.add(""));
            Map<String, Integer> columns = new HashMap<>();
            for (CodebookEntry e : entries) {
                columns.put(e.rowCode() + "/" + e.columnCode(), header.size());
                header.add(e.rowCode() + "/" + e.columnCode());
                labels.add(e.rowLabel() + " · " + e.columnLabel());
            }
            tables.put(table, new TableSheet(sheets.create(table, header, labels), columns));
        });
        return tables;
    }

    private static Row keyRow(Sheets sheets, SXSSFSheet sheet, DocumentRow d) {
        Row row = sheets.next(sheet);
        int c = text(row, 0, d.documentId(), d.sourceFile(), d.agency());
        c = number(row, c, d.reportYear());
        text(row, c, d.formatVersion(), d.regionCode(), d.province(), d.prefecture(), d.county(), d.agencyKey());
        return row;
    }

    /** Text cells from column {@code from}; null or empty leaves the cell blank. Returns the next column. */
    private static int text(Row row, int from, String... values) {
        int c = from;
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                row.createCell(c).setCellValue(value);
            }
            c++;
        }
        return c;
    }

    private static int number(Row row, int from, Number... values) {
        int c = from;
        for (Number value : values) {
            if (value != null) {
                row.createCell(c).setCellValue(value.doubleValue());
            }
            c++;
        }
        return c;
    }

    /** expected/actual of an issue: a number when it is one, else the text as found. */
    private static int numberOrText(Row row, int column, String value) {
        if (value != null && PLAIN_NUMBER.matcher(value).matches()) {
            row.createCell(column).setCellValue(new BigDecimal(value).doubleValue());
        } else if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
        return column + 1;
    }

    /** Creates sheets with a bold, frozen header and hands out their next row. */
    private static final class Sheets {
        private final SXSSFWorkbook workbook;
        private final CellStyle bold;
        private final Map<SXSSFSheet, Integer> nextRow = new HashMap<>();

        Sheets(SXSSFWorkbook workbook) {
            this.workbook = workbook;
            Font font = workbook.createFont();
            font.setBold(true);
            this.bold = workbook.createCellStyle();
            bold.setFont(font);
        }

        /** A sheet with a header row of codes and, when given, a second one of the Chinese labels. */
        SXSSFSheet create(String name, List<String> header, List<String> labels) {
            SXSSFSheet sheet = workbook.createSheet(name);
            int rows = 0;
            for (List<String> line : labels == null ? List.of(header) : List.of(header, labels)) {
                Row row = sheet.createRow(rows++);
                for (int c = 0; c < line.size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(line.get(c));
                    cell.setCellStyle(bold);
                }
            }
            sheet.createFreezePane(labels == null ? 1 : KEY_COLUMNS.size(), rows);
            nextRow.put(sheet, rows);
            return sheet;
        }

        Row next(SXSSFSheet sheet) {
            int index = nextRow.merge(sheet, 1, Integer::sum) - 1;
            return sheet.createRow(index);
        }
    }
}
