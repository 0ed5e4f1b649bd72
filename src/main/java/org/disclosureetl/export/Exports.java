package org.disclosureetl.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.disclosureetl.store.ExportQueries;
import org.springframework.stereotype.Component;

/**
 * Everything an export writes into the output folder: the tidy CSV files (optionally with a BOM for
 * Excel) or the workbook, and always the codebook beside them, so the codes in the data are
 * explained by the same build that wrote them.
 */
@Component
public class Exports {

    private static final List<String> CSV_FILES = List.of(CsvRows.DOCUMENTS, CsvRows.OBSERVATIONS, CsvRows.ISSUES,
            CsvRows.FAILURES, PanelFile.FILE, CodebookFiles.CSV_FILE, CodebookFiles.MD_FILE, DatasetPage.FILE);

    private final CsvExporter csv;
    private final XlsxExporter xlsx;
    private final CodebookFiles codebook;
    private final ExportQueries queries;
    private final DatasetPage dataset;

    public Exports(CsvExporter csv, XlsxExporter xlsx, CodebookFiles codebook, ExportQueries queries,
                   DatasetPage dataset) {
        this.dataset = dataset;
        this.csv = csv;
        this.xlsx = xlsx;
        this.codebook = codebook;
        this.queries = queries;
    }

    /**
     * Row counts per file (or per sheet of the workbook, as {@code disclosure.xlsx:documents}).
     *
     * @param written false when the files in the folder were already those of the same data (nothing written)
     */
    public record Result(Path folder, List<String> files, Map<String, Long> rows, boolean written) {
        /** The documents written: documents.csv's rows, or those of the workbook's documents sheet. */
        public long documents() {
            Long csv = rows.get(CsvRows.DOCUMENTS);
            return csv != null ? csv : rows.getOrDefault(XlsxExporter.FILE + ":" + XlsxExporter.DOCUMENTS_SHEET, 0L);
        }
    }

    /**
     * The export of a run: all documents as CSV, skipped when the folder holds the complete export of
     * the same data already (an unchanged inbox changes nothing in the database, see {@link ExportManifest}).
     */
    public Result exportIfChanged(Path folder) throws IOException {
        String fingerprint = queries.dataFingerprint();
        Optional<Map<String, Long>> done = ExportManifest.upToDate(folder, fingerprint, ExportOptions.CSV, CSV_FILES);
        if (done.isPresent()) {
            return new Result(folder, CSV_FILES, done.get(), false);
        }
        return export(folder, ExportFilter.ALL, ExportOptions.CSV, fingerprint);
    }

    public Result export(Path folder, ExportFilter filter, ExportOptions options) throws IOException {
        return export(folder, filter, options, queries.dataFingerprint());
    }

    private Result export(Path folder, ExportFilter filter, ExportOptions options, String fingerprint)
            throws IOException {
        ExportManifest.invalidate(folder);
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> files;
        if (options.xlsx()) {
            XlsxExporter.Result workbook = xlsx.export(folder, filter);
            workbook.rows().forEach((sheet, n) -> rows.put(XlsxExporter.FILE + ":" + sheet, n));
            files = List.of(XlsxExporter.FILE, CodebookFiles.CSV_FILE, CodebookFiles.MD_FILE, DatasetPage.FILE);
        } else {
            rows.putAll(csv.export(folder, filter, options.excelBom()).rows());
            files = CSV_FILES;
        }
        codebook.write(folder, options);
        dataset.write(folder, filter);
        rows.put(CodebookFiles.CSV_FILE, (long) codebook.codebook().entries().size());
        if (!options.xlsx() && ExportFilter.ALL.equals(filter)) {
            ExportManifest.record(folder, fingerprint, options, files, rows);
        }
        return new Result(folder, files, rows, true);
    }
}
