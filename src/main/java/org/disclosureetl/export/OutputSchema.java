package org.disclosureetl.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.disclosureetl.codebook.Codebook;
import org.disclosureetl.store.SchemaMigrations;

/**
 * The columns of every exported file (docs/OUTPUT.md), written once: the CSV files and the workbook's sheets take
 * their headers from here. {@link #VERSION} is derived from them and from the database schema, so the export's own
 * state ({@link ExportManifest}, {@link FragmentCache}) written by a build with other columns is never reused:
 * nobody has to remember to bump it when a column changes.
 */
public final class OutputSchema {

    public static final List<String> DOCUMENTS = List.of("document_id", "source_file", "sha256", "content_type",
            "script", "agency", "report_year", "format_version", "status", "tables_found", "cells", "issues", "present",
            "region_code", "region_level", "province", "prefecture", "county", "agency_key", "source_record", "duplicate_of",
            "paths", "ocr_pages");
    public static final List<String> OBSERVATIONS = List.of("document_id", "report_year", "agency", "format_version",
            "table_code", "row_code", "column_code", "value", "raw_value", "row_label", "column_label", "unit",
            "source_location", "value_source");
    public static final List<String> ISSUES = List.of("document_id", "rule", "table_code", "row_code", "column_code",
            "expected", "actual", "message");
    public static final List<String> FAILURES = List.of("run_id", "source_file", "step", "error_type", "message",
            "time", "document_id");
    /** panel.csv's columns before one column per cell code of the codebook. */
    public static final List<String> PANEL_KEYS = List.of("agency_key", "agency", "report_year", "region_code",
            "province", "prefecture", "county", "format_version", "document_id");
    /**
     * review.csv and review.xlsx (export/ReviewSheet): one row per open question. apply-corrections reads back
     * {@link #ANSWER_KEYS}, {@code answer}, {@code note} and {@code answered_by}.
     */
    public static final List<String> REVIEW = List.of("question", "document_id", "source_file", "source_record", "link",
            "agency", "report_year", "format_version", "rule", "table_code", "row_code", "column_code", "row_label",
            "column_label", "raw_value", "source_location", "candidates", "readings", "identities", "expected", "actual", "message",
            "earlier_correction",
            "answer", "note", "answered_by");
    /** The columns that say which cell (or which document question) an answer is for. */
    public static final List<String> ANSWER_KEYS = List.of("question", "document_id", "table_code", "row_code",
            "column_code");
    public static final List<String> CODEBOOK = List.of("table_code", "row_code", "column_code", "row_label",
            "column_label", "description", "unit", "format_versions", "first_year", "last_year", "identities",
            "panel_column");

    /**
     * Raise only when the same columns are rendered differently from the same data (a number or text format in
     * {@link CsvRows}); a column or a migration changes {@link #VERSION} by itself.
     */
    static final int RENDERING = 1;

    /**
     * The version of the export's state: a digest of every header (panel.csv's with a column per cell code of the
     * codebook, so a cell added to the templates counts too), the database schema and {@link #RENDERING}.
     */
    static final String VERSION = version(headers(new Codebook()), SchemaMigrations.LATEST_VERSION + "/" + RENDERING);

    private OutputSchema() {
    }

    /** The header of every exported file, in the order of {@link CsvExporter#FILES} and then codebook.csv. */
    static List<List<String>> headers(Codebook codebook) {
        return List.of(DOCUMENTS, OBSERVATIONS, ISSUES, FAILURES, new PanelFile(codebook, null).header(), CODEBOOK);
    }

    /**
     * The first 12 hex digits of the SHA-256 of the headers (each column name, each header ended) and of
     * {@code schema}: any column added, renamed, moved or dropped, or another schema, gives another version.
     */
    static String version(List<List<String>> headers, String schema) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (List<String> header : headers) {
                for (String column : header) {
                    sha.update(column.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) ',');
                }
                sha.update((byte) '\n');
            }
            sha.update(schema.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
