package org.disclosureetl.export;

import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.disclosureetl.extract.CellValue;
import org.disclosureetl.store.ExportQueries;
import org.disclosureetl.store.ReportingQueries;

/**
 * The four CSV files of the output contract (README.md "CSV files"): how a database row becomes a record, in the
 * order of its header ({@link OutputSchema}). Text an analyst might open in a spreadsheet goes through {@link SpreadsheetSafe}.
 */
final class CsvRows {

    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    static final String DOCUMENTS = "documents.csv";
    static final String OBSERVATIONS = "observations.csv";
    static final String ISSUES = "validation_issues.csv";
    static final String FAILURES = "failures.csv";
    static final String PANEL = "panel.csv";

    private CsvRows() {
    }

    /**
     * @param paths every path that holds the document's content ({@link #paths})
     */
    static List<String> document(ReportingQueries.DocumentRow d, List<String> paths) {
        return List.of(d.documentId(), text(d.sourceFile()), d.sha256(), nullToEmpty(d.contentType()),
                nullToEmpty(d.script()), text(d.agency()), numberOrEmpty(d.reportYear()),
                nullToEmpty(d.formatVersion()), d.status(), String.valueOf(d.tablesFound()), String.valueOf(d.cells()),
                String.valueOf(d.issues()), String.valueOf(d.present()), nullToEmpty(d.regionCode()),
                nullToEmpty(d.regionLevel()), text(d.province()), text(d.prefecture()), text(d.county()),
                text(d.agencyKey()), numberOrEmpty(d.sourceRecord()), nullToEmpty(d.duplicateOf()),
                text(paths(paths)), nullToEmpty(d.ocrPages()));
    }

    /** Separates the paths of one document in documents.csv's {@code paths}. */
    static final char PATH_SEPARATOR = '|';

    /**
     * The paths of one document in one cell: {@code a.txt|copies/a.txt}. A {@code |} in a name is written {@code \|}
     * (names write a backslash as {@code \\} already, discover/FileNames), so the list splits back unambiguously.
     */
    static String paths(List<String> paths) {
        StringBuilder cell = new StringBuilder();
        for (String path : paths == null ? List.<String>of() : paths) {
            if (!cell.isEmpty()) {
                cell.append(PATH_SEPARATOR);
            }
            cell.append(path.replace(String.valueOf(PATH_SEPARATOR), "\\" + PATH_SEPARATOR));
        }
        return cell.toString();
    }

    static List<String> cell(ExportQueries.DocumentKey d, ExportQueries.CellLine c) {
        return List.of(d.documentId(), numberOrEmpty(d.reportYear()), text(d.agency()), nullToEmpty(d.formatVersion()),
                c.tableCode(), c.rowCode(), c.columnCode(), plain(c.value()), text(c.rawValue()), text(c.rowLabel()),
                text(c.columnLabel()), nullToEmpty(c.unit()), nullToEmpty(c.sourceLocation()),
                c.valueSource() == null ? "" : c.valueSource().code());
    }

    static List<String> issue(ExportQueries.DocumentKey d, ExportQueries.IssueLine i) {
        return List.of(d.documentId(), i.rule(), nullToEmpty(i.tableCode()), nullToEmpty(i.rowCode()),
                nullToEmpty(i.columnCode()), text(i.expected()), text(i.actual()), text(i.message()));
    }

    static List<String> failure(ReportingQueries.FailureRow f) {
        return List.of(numberOrEmpty(f.runId()), text(f.sourceFile()), f.step(), f.errorType(), text(f.message()),
                f.time().toString(), nullToEmpty(f.documentId()));
    }

    private static String text(String value) {
        return value == null ? "" : SpreadsheetSafe.text(value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String numberOrEmpty(Number value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : CellValue.plain(value);
    }
}
