package org.disclosureetl.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.disclosureetl.codebook.Codebook;
import org.disclosureetl.codebook.CodebookEntry;
import org.springframework.stereotype.Component;

/**
 * Writes codebook.csv (one row per cell code, for joining and filtering) and codebook.md (the same,
 * readable, with the tables' and the validation rules' descriptions) beside the exported data.
 */
@Component
public class CodebookFiles {

    public static final String CSV_FILE = "codebook.csv";
    public static final String MD_FILE = "codebook.md";

    private final Codebook codebook;

    public CodebookFiles(Codebook codebook) {
        this.codebook = codebook;
    }

    public Codebook codebook() {
        return codebook;
    }

    /** The record of one entry as in codebook.csv (also the codebook sheet of the workbook). */
    public static List<String> record(CodebookEntry e) {
        return List.of(e.tableCode(), e.rowCode(), e.columnCode(), e.rowLabel(), e.columnLabel(), e.description(),
                e.unit(), String.join(";", e.formatVersions()), String.valueOf(e.firstYear()),
                e.lastYear() == null ? "" : String.valueOf(e.lastYear()), String.join(";", e.identities()),
                PanelFile.code(e));
    }

    /** Writes both files into {@code folder}, each through a temp file renamed into place. */
    public void write(Path folder, ExportOptions options) throws IOException {
        Files.createDirectories(folder);
        writeAtomically(folder, CSV_FILE, writer -> {
            if (options.excelBom()) {
                writer.write('\uFEFF');
            }
            try (CSVPrinter printer = new CSVPrinter(writer, CsvRows.CSV)) {
                printer.printRecord(OutputSchema.CODEBOOK);
                for (CodebookEntry e : codebook.entries()) {
                    printer.printRecord(record(e).stream().map(SpreadsheetSafe::text).toList());
                }
            }
        });
        writeAtomically(folder, MD_FILE, this::markdown);
    }

    private void markdown(Writer out) throws IOException {
        out.write("# Codebook\n\n");
        out.write("Generated from `templates/canonical-cells.csv`, `templates/legacy-cells.csv` and "
                + "`templates/identities.csv` with every export; English texts from `codebook/descriptions.csv`.\n"
                + "A cell of `observations.csv` is identified by `table_code/row_code/column_code`. "
                + "Years: the 2021 form from report year 2021 on, the 2019 form for 2019-2020, "
                + "the pre-2019 statistics table (`legacy`) for 2008-2018.\n\n");
        out.write("## panel.csv\n\n`panel.csv` (and the workbook's `panel` sheet) has one row per agency (`agency_key`) and "
                + "report year, the series' copy only (documents.csv `duplicate_of` empty): the columns "
                + String.join(", ", OutputSchema.PANEL_KEYS.stream().map(c -> "`" + c + "`").toList())
                + ", then one column per cell code of this codebook, in its order, named `table_code.row_code.column_code` "
                + "(the `panel_column` of codebook.csv, e.g. `applications.carried_over.total`); empty where the "
                + "report has no number there.\n\n");
        out.write("## value_source\n\nThe last column of `observations.csv`: where `value` comes from. `read`: the report "
                + "prints it; `settled_by_series`: the extractor left it empty as `ambiguous_reading` and exactly one reading "
                + "agrees with the neighbouring year's report; `corrected`: an analyst's answer to the review sheet "
                + "(`review`, then `apply-corrections FILE`), stored for this document's bytes; empty when `value` is empty. "
                + "`review.xlsx` / `review.csv` list the open questions (flagged empty cells with their candidate readings, "
                + "documents whose agency, year or format is unknown or doubtful, corrections gone stale because their "
                + "file changed); `dataset.html` summarizes coverage and the headline figures over the years.\n\n");
        for (Codebook.Table table : codebook.tables()) {
            out.write("## " + table.tableCode() + "\n\n" + table.description() + "\n\n");
            out.write("| row_code | column_code | label | description | unit | formats | years | identities |\n");
            out.write("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (CodebookEntry e : codebook.entries()) {
                if (!e.tableCode().equals(table.tableCode())) {
                    continue;
                }
                out.write("| " + cell(e.rowCode()) + " | " + cell(e.columnCode()) + " | "
                        + cell(e.rowLabel() + " · " + e.columnLabel()) + " | " + cell(e.description()) + " | "
                        + cell(e.unit()) + " | " + String.join(", ", e.formatVersions()) + " | " + e.reportYears()
                        + " | " + cell(String.join(", ", e.identities())) + " |\n");
            }
            out.write("\n");
        }
        out.write("## Validation rules\n\nThe `rule` column of `validation_issues.csv`.\n\n");
        out.write("| rule | kind | meaning |\n| --- | --- | --- |\n");
        for (Codebook.Rule rule : codebook.rules()) {
            out.write("| " + cell(rule.rule()) + " | " + rule.kind() + " | " + cell(rule.description()) + " |\n");
        }
    }

    /** Markdown table cell: a pipe or a line break would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private interface Content {
        void write(Writer writer) throws IOException;
    }

    private static void writeAtomically(Path folder, String name, Content content) throws IOException {
        Path temp = OutputFiles.newScratch(folder, name);
        try {
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp),
                    StandardCharsets.UTF_8))) {
                content.write(writer);
            }
            OutputFiles.moveIntoPlace(temp, folder.resolve(name));
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
