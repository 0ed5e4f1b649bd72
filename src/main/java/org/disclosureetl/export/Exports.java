package org.disclosureetl.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Everything an export writes into the output folder: the tidy CSV files (optionally with a BOM for
 * Excel) or the workbook, and always the codebook beside them, so the codes in the data are
 * explained by the same build that wrote them.
 */
@Component
public class Exports {

    private final CsvExporter csv;
    private final XlsxExporter xlsx;
    private final CodebookFiles codebook;

    public Exports(CsvExporter csv, XlsxExporter xlsx, CodebookFiles codebook) {
        this.csv = csv;
        this.xlsx = xlsx;
        this.codebook = codebook;
    }

    /** Row counts per file (or per sheet of the workbook, as {@code disclosure.xlsx:documents}). */
    public record Result(Path folder, List<String> files, Map<String, Long> rows) {
    }

    public Result export(Path folder, ExportFilter filter, ExportOptions options) throws IOException {
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> files;
        if (options.xlsx()) {
            XlsxExporter.Result workbook = xlsx.export(folder, filter);
            workbook.rows().forEach((sheet, n) -> rows.put(XlsxExporter.FILE + ":" + sheet, n));
            files = List.of(XlsxExporter.FILE, CodebookFiles.CSV_FILE, CodebookFiles.MD_FILE);
        } else {
            rows.putAll(csv.export(folder, filter, options.excelBom()).rows());
            files = List.of("documents.csv", "observations.csv", "validation_issues.csv", "failures.csv",
                    CodebookFiles.CSV_FILE, CodebookFiles.MD_FILE);
        }
        codebook.write(folder, options);
        rows.put(CodebookFiles.CSV_FILE, (long) codebook.codebook().entries().size());
        return new Result(folder, files, rows);
    }
}
