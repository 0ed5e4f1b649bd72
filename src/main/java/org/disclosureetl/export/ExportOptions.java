package org.disclosureetl.export;

/**
 * How the export files are written.
 *
 * @param excelBom start every CSV file with a UTF-8 byte-order mark: Excel on a Chinese Windows
 *                 opens a CSV without one in the ANSI code page (GBK) and garbles the text
 * @param xlsx     write the workbook instead of the CSV files
 */
public record ExportOptions(boolean excelBom, boolean xlsx) {

    public static final ExportOptions CSV = new ExportOptions(false, false);
}
