package org.disclosureetl.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.FindingRule;
import org.disclosureetl.extract.Observation;
import org.disclosureetl.store.CorrectionRepository;
import org.disclosureetl.store.CorrectionRepository.Question;
import org.disclosureetl.store.ReportingQueries;
import org.disclosureetl.validate.ReportValidator;
import org.disclosureetl.vocabulary.QuestionKind;
import org.springframework.stereotype.Component;

/**
 * {@code review}: the open questions of the data (store/CorrectionRepository#openQuestions) as {@value #CSV_FILE} and
 * {@value #XLSX_FILE}, one row per question with an empty {@code answer} column for the analyst; apply-corrections
 * reads either back ({@link ReviewAnswers}). The CSV's text is spreadsheet-safe ({@link SpreadsheetSafe}); the
 * workbook's text cells are string cells, never formulas. Both are written through scratch files renamed into place.
 */
@Component
public class ReviewSheet {

    public static final String CSV_FILE = "review.csv";
    public static final String XLSX_FILE = "review.xlsx";
    public static final String SHEET = "review";

    private final CorrectionRepository corrections;
    private final ReportValidator validator;

    public ReviewSheet(CorrectionRepository corrections, ReportValidator validator) {
        this.corrections = corrections;
        this.validator = validator;
    }

    /** The questions written, and where. */
    public record Result(Path folder, List<Question> questions) {
    }

    /**
     * @param input the folder the documents' source_file paths are relative to, for the link column
     */
    public Result write(Path folder, Path input, ExportFilter filter) throws IOException {
        Files.createDirectories(folder);
        ExportFilter f = filter == null ? ExportFilter.ALL : filter;
        List<Question> questions = corrections.openQuestions(
                new ReportingQueries.Selection(f.year(), f.agency(), f.region(), f.table()));
        Map<Question, ReadingsOfRun> runs = readings(questions);
        List<List<String>> rows = new ArrayList<>();
        for (Question q : questions) {
            rows.add(row(q, input, runs.get(q)));
        }
        writeCsv(folder, rows);
        writeWorkbook(folder, rows);
        return new Result(folder, questions);
    }

    /**
     * The readings of a run of digits the solver kept (an {@code ambiguous_reading}: its cells' questions share the
     * message), and what each makes of the table's identities.
     *
     * @param readings   each reading as the message lists it ({@code 4 50 0 | 45 0 0})
     * @param identities per reading, the identities it breaks that hold without it, or that it breaks none
     */
    record ReadingsOfRun(String readings, String identities) {
    }

    private static final Pattern READINGS = Pattern.compile("\\(readings: (.*)\\)\\s*$");

    /**
     * For every ambiguous cell, its run's readings and, for each, the identities of the document that it breaks
     * (with the run's cells set to that reading, the other cells as exported): the solver keeps only readings that
     * break none, which the sheet shows rather than asserts.
     */
    private Map<Question, ReadingsOfRun> readings(List<Question> questions) {
        Map<String, List<Question>> runs = new LinkedHashMap<>();
        for (Question q : questions) {
            if (q.kind() == QuestionKind.CELL && FindingRule.AMBIGUOUS_READING.code().equals(q.rule())
                    && q.expected() != null && q.formatVersion() != null) {
                runs.computeIfAbsent(q.documentId() + "\n" + q.message(), k -> new ArrayList<>()).add(q);
            }
        }
        Map<Question, ReadingsOfRun> result = new HashMap<>();
        Map<String, List<Observation>> cellsOf = new HashMap<>();
        for (List<Question> run : runs.values()) {
            Question first = run.get(0);
            List<Observation> cells = cellsOf.computeIfAbsent(first.documentId(), corrections::cells);
            Set<String> before = new HashSet<>();
            validator.validate(first.formatVersion(), cells).forEach(f -> before.add(key(f)));
            Matcher m = READINGS.matcher(first.message() == null ? "" : first.message());
            String[] labels = m.find() ? m.group(1).split("\\s*\\|\\s*") : new String[0];
            int n = first.expected().split("\\|", -1).length;
            List<String> verdicts = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Map<String, BigDecimal> values = new HashMap<>();
                for (Question q : run) {
                    String[] candidates = q.expected().split("\\|", -1);
                    String value = k < candidates.length ? candidates[k] : "blank";
                    values.put(q.tableCode() + "/" + q.rowCode() + "/" + q.columnCode(),
                            value.equals("blank") ? null : new BigDecimal(value));
                }
                List<Observation> reading = cells.stream().map(c -> {
                    String cell = c.tableCode() + "/" + c.rowCode() + "/" + c.columnCode();
                    return !values.containsKey(cell) ? c : Observation.of(c.tableCode(), c.rowCode(), c.columnCode())
                            .value(values.get(cell)).raw(c.rawValue()).ordinal(c.ordinal()).build();
                }).toList();
                Set<String> broken = new TreeSet<>();
                validator.validate(first.formatVersion(), reading).stream().filter(f -> !before.contains(key(f)))
                        .forEach(f -> broken.add(f.rule()));
                verdicts.add((k < labels.length ? labels[k] : "reading " + (k + 1)) + ": "
                        + (broken.isEmpty() ? "every identity holds" : "breaks " + String.join(", ", broken)));
            }
            ReadingsOfRun readings = new ReadingsOfRun(String.join(" | ", labels), String.join("; ", verdicts));
            run.forEach(q -> result.put(q, readings));
        }
        return result;
    }

    private static String key(Finding f) {
        return f.rule() + "/" + f.tableCode() + "/" + f.rowCode() + "/" + f.columnCode();
    }

    /** A question's row in the order of {@link OutputSchema#REVIEW}, the answer columns empty. */
    static List<String> row(Question q, Path input, ReadingsOfRun run) {
        boolean ambiguous = FindingRule.AMBIGUOUS_READING.code().equals(q.rule());
        return List.of(q.kind().code(), q.documentId(), text(q.sourceFile()), number(q.sourceRecord()),
                link(input, q.sourceFile()), text(q.agency()), number(q.reportYear()), text(q.formatVersion()),
                text(q.rule()), text(q.tableCode()), text(q.rowCode()), text(q.columnCode()), text(q.rowLabel()),
                text(q.columnLabel()), text(q.rawValue()), text(q.sourceLocation()),
                ambiguous ? text(q.expected()) : "", run == null ? "" : run.readings(),
                run != null ? run.identities() : q.kind() == QuestionKind.IDENTITY_CELL
                        ? "read inside " + q.rule() + ", which does not hold" : "", text(q.expected()), text(q.actual()), text(q.message()),
                text(q.earlier()), "", "", "");
    }

    /** The source file as a file: URI, for a spreadsheet's hyperlink; empty when the folder is not known. */
    static String link(Path input, String sourceFile) {
        if (input == null || sourceFile == null) {
            return "";
        }
        try {
            return input.toAbsolutePath().normalize().resolve(sourceFile).toUri().toString();
        } catch (RuntimeException e) {
            return ""; // a stored name that is no path of this system (an escaped byte, say)
        }
    }

    private static void writeCsv(Path folder, List<List<String>> rows) throws IOException {
        Path temp = OutputFiles.newScratch(folder, CSV_FILE);
        try {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(writer, CsvRows.CSV)) {
                printer.printRecord(OutputSchema.REVIEW);
                for (List<String> row : rows) {
                    printer.printRecord(row.stream().map(SpreadsheetSafe::text).toList());
                }
            }
            OutputFiles.moveIntoPlace(temp, folder.resolve(CSV_FILE));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * One sheet, {@value #SHEET}: a bold frozen header, the answer columns shaded; numbers of the document
     * (source_record, report_year) are numeric cells, everything else text as found.
     */
    private static void writeWorkbook(Path folder, List<List<String>> rows) throws IOException {
        Path temp = OutputFiles.newScratch(folder, XLSX_FILE);
        try {
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(temp)) {
                Sheet sheet = workbook.createSheet(SHEET);
                Font font = workbook.createFont();
                font.setBold(true);
                CellStyle bold = workbook.createCellStyle();
                bold.setFont(font);
                CellStyle answer = workbook.createCellStyle();
                answer.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
                answer.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                int firstAnswer = OutputSchema.REVIEW.indexOf("answer");
                Row header = sheet.createRow(0);
                for (int c = 0; c < OutputSchema.REVIEW.size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(OutputSchema.REVIEW.get(c));
                    cell.setCellStyle(bold);
                }
                sheet.createFreezePane(0, 1);
                int numberOfRecord = OutputSchema.REVIEW.indexOf("source_record");
                int numberOfYear = OutputSchema.REVIEW.indexOf("report_year");
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<String> values = rows.get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Cell cell = row.createCell(c);
                        String value = values.get(c);
                        if ((c == numberOfRecord || c == numberOfYear) && !value.isEmpty()) {
                            cell.setCellValue(Integer.parseInt(value));
                        } else if (!value.isEmpty()) {
                            cell.setCellValue(value);
                        }
                        if (c >= firstAnswer) {
                            cell.setCellStyle(answer);
                        }
                    }
                }
                workbook.write(out);
            }
            OutputFiles.moveIntoPlace(temp, folder.resolve(XLSX_FILE));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(Integer value) {
        return value == null ? "" : String.valueOf(value);
    }
}
