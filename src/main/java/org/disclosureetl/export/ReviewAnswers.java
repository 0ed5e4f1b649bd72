package org.disclosureetl.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The answered rows of a review sheet ({@link ReviewSheet}) filled in by an analyst: the workbook (its first sheet, or
 * the one named {@value ReviewSheet#SHEET}) or a CSV file with the same key columns ({@link OutputSchema#ANSWER_KEYS}
 * without {@code question}, which is optional, plus {@code answer}; {@code note} and {@code answered_by} optional,
 * and {@code region_code}: for an answer to an agency question, the unit of the division list the agency lies in).
 * Columns are found by header name, so a sheet with columns moved, hidden or added still reads. Rows without an
 * answer are left out.
 */
public final class ReviewAnswers {

    /**
     * One answered row; {@code row} is its number as a spreadsheet shows it (the header is row 1); {@code regionCode}
     * empty unless the file has that column and the row a value in it.
     */
    public record Answer(int row, String question, String documentId, String tableCode, String rowCode,
                         String columnCode, String answer, String note, String answeredBy, String regionCode) {
    }

    /** A file that cannot be read as a review sheet; the message is one line for the console. */
    public static final class UnreadableAnswers extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableAnswers(String message) {
            super(message);
        }
    }

    private static final List<String> REQUIRED = List.of("document_id", "table_code", "row_code", "column_code",
            "answer");

    private ReviewAnswers() {
    }

    public static List<Answer> read(Path file) throws UnreadableAnswers {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableAnswers(file + " does not exist or is not a file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            List<List<String>> rows = name.endsWith(".xlsx") || name.endsWith(".xls") ? workbook(file) : csv(file);
            return answers(file, rows);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableAnswers(file + " cannot be read as a review sheet ("
                    + (name.endsWith(".xlsx") || name.endsWith(".xls") ? "a workbook" : "a CSV file") + "): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().lines()
                    .findFirst().orElse("")));
        }
    }

    private static List<Answer> answers(Path file, List<List<String>> rows) throws UnreadableAnswers {
        if (rows.isEmpty()) {
            throw new UnreadableAnswers(file + " is empty: it has no header row");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int c = 0; c < header.size(); c++) {
            columns.putIfAbsent(header.get(c).strip().replace("\uFEFF", ""), c);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableAnswers(file + " lacks the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " of a review sheet (review.csv, review.xlsx)");
        }
        List<Answer> answers = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String answer = cell(row, columns.get("answer"));
            if (answer.isEmpty()) {
                continue;
            }
            answers.add(new Answer(r + 1, cell(row, columns.get("question")), cell(row, columns.get("document_id")),
                    cell(row, columns.get("table_code")), cell(row, columns.get("row_code")),
                    cell(row, columns.get("column_code")), answer, cell(row, columns.get("note")),
                    cell(row, columns.get("answered_by")), cell(row, columns.get("region_code"))));
        }
        return answers;
    }

    /** The cell's text, stripped; an apostrophe SpreadsheetSafe put before a text is taken off again. */
    private static String cell(List<String> row, Integer column) {
        if (column == null || column >= row.size() || row.get(column) == null) {
            return "";
        }
        String text = row.get(column).strip();
        return text.length() > 1 && text.charAt(0) == '\'' && "=+-@".indexOf(text.charAt(1)) >= 0 ? text.substring(1)
                : text;
    }

    private static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    /** The sheet as text: numbers as a spreadsheet shows them (35, not 35.0). */
    private static List<List<String>> workbook(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheet(ReviewSheet.SHEET);
            if (sheet == null) {
                sheet = workbook.getSheetAt(0);
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                                ? plainNumber(cell.getNumericCellValue()) : formatter.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String plainNumber(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
