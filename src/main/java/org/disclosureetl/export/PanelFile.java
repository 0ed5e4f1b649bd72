package org.disclosureetl.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.disclosureetl.codebook.Codebook;
import org.disclosureetl.codebook.CodebookEntry;
import org.disclosureetl.extract.CellValue;
import org.disclosureetl.store.ExportQueries;

/**
 * panel.csv (and the workbook's {@code panel} sheet): one row per agency and report year, the series' copy only
 * (series/SeriesLinker), with the agency's keys and then one column per cell code of the codebook, named
 * {@code table.row.column}, in codebook order; a table filter keeps that table's columns only.
 */
final class PanelFile {

    static final String FILE = "panel.csv";

    private final List<String> codes = new ArrayList<>();
    private final Map<String, Integer> column = new HashMap<>();

    PanelFile(Codebook codebook, String table) {
        for (CodebookEntry e : codebook.entries()) {
            if (table == null || table.equals(e.tableCode())) {
                column.put(key(e.tableCode(), e.rowCode(), e.columnCode()), codes.size());
                codes.add(code(e));
            }
        }
    }

    /** A cell's column name in the panel: {@code table.row.column}, the codebook's code joined by dots. */
    static String code(CodebookEntry e) {
        return e.tableCode() + "." + e.rowCode() + "." + e.columnCode();
    }

    private static String key(String table, String row, String column) {
        return table + "/" + row + "/" + column;
    }

    List<String> header() {
        List<String> header = new ArrayList<>(OutputSchema.PANEL_KEYS);
        header.addAll(codes);
        return header;
    }

    List<String> codes() {
        return codes;
    }

    /** The position of a cell among the value columns, or null when the panel has no column for it (x.unlisted). */
    Integer column(String table, String row, String columnCode) {
        return column.get(key(table, row, columnCode));
    }

    int width() {
        return codes.size();
    }

    /** The folder of this panel's fragments: named by its columns, so a codebook with other codes never reads them. */
    String fragmentFolder() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(",", header()).getBytes(StandardCharsets.UTF_8));
            return FILE + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document's record: its keys (spreadsheet-safe text) and its values as plain decimals, empty where none. */
    List<String> record(ExportQueries.PanelDocument d, BigDecimal[] values) {
        List<String> record = new ArrayList<>(OutputSchema.PANEL_KEYS.size() + values.length);
        record.add(text(d.agencyKey()));
        record.add(text(d.agency()));
        record.add(String.valueOf(d.reportYear()));
        record.add(text(d.regionCode()));
        record.add(text(d.province()));
        record.add(text(d.prefecture()));
        record.add(text(d.county()));
        record.add(text(d.formatVersion()));
        record.add(d.documentId());
        for (BigDecimal value : values) {
            record.add(value == null ? "" : CellValue.plain(value));
        }
        return record;
    }

    private static String text(String value) {
        return value == null ? "" : SpreadsheetSafe.text(value);
    }
}
