package org.disclosureetl.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.disclosureetl.extract.CellValue;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The export stage: writes the four CSV files of the output contract (OUTPUT.md) from the database.
 * Each file is written to a temporary file beside it and then renamed, so a reader never sees a
 * half-written file and a crash leaves the previous export intact. Rows come in a fixed order so the
 * same database always gives the same bytes: documents by source file; cells and issues document by
 * document (in id order), each document's rows read by primary key in template order, so a large
 * export streams without H2 sorting the whole table.
 */
@Component
public class CsvExporter {

    public static final List<String> FILES = List.of("documents.csv", "observations.csv", "validation_issues.csv",
            "failures.csv");

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final JdbcClient jdbc;

    public CsvExporter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows written per file. */
    public record ExportResult(Path folder, Map<String, Long> rows) {
    }

    /** The document columns repeated on every cell row. */
    private record DocumentKey(String documentId, String reportYear, String agency, String formatVersion) {
    }

    public ExportResult export(Path folder, ExportFilter filter) throws IOException {
        Files.createDirectories(folder);
        Where where = Where.of(filter);
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("documents.csv", write(folder.resolve("documents.csv"),
                List.of("document_id", "source_file", "sha256", "content_type", "script", "agency", "report_year",
                        "format_version", "status", "tables_found", "cells", "issues", "present"),
                out -> jdbc.sql("SELECT d.document_id, d.source_file, d.sha256, d.content_type, d.script, d.agency,"
                                + " d.report_year, d.format_version, d.status, d.tables_found, d.cells, d.issues, d.present"
                                + " FROM document d" + where.documents() + " ORDER BY d.source_file, d.document_id")
                        .params(where.documentParams())
                        .query((RowCallbackHandler) rs -> out.print(List.of(rs.getString(1), text(rs.getString(2)), rs.getString(3),
                                nullToEmpty(rs.getString(4)), nullToEmpty(rs.getString(5)), text(rs.getString(6)),
                                intOrEmpty(rs, 7), nullToEmpty(rs.getString(8)), rs.getString(9), intOrEmpty(rs, 10),
                                intOrEmpty(rs, 11), intOrEmpty(rs, 12), String.valueOf(rs.getBoolean(13)))))));
        List<DocumentKey> documents = jdbc.sql("SELECT d.document_id, d.report_year, d.agency, d.format_version"
                        + " FROM document d" + where.documents() + " ORDER BY d.document_id")
                .params(where.documentParams())
                .query((rs, n) -> new DocumentKey(rs.getString(1), intOrEmpty(rs, 2), text(rs.getString(3)),
                        nullToEmpty(rs.getString(4))))
                .list();
        rows.put("observations.csv", write(folder.resolve("observations.csv"),
                List.of("document_id", "report_year", "agency", "format_version", "table_code", "row_code",
                        "column_code", "value", "raw_value", "row_label", "column_label", "unit", "source_location"),
                out -> {
                    for (DocumentKey d : documents) {
                        jdbc.sql("SELECT table_code, row_code, column_code, value_number, raw_value, row_label,"
                                        + " column_label, unit, source_location FROM observation WHERE document_id = ?"
                                        + where.table() + " ORDER BY ordinal")
                                .params(where.cellParams(d.documentId()))
                                .query((RowCallbackHandler) rs -> out.print(List.of(d.documentId(), d.reportYear(), d.agency(),
                                        d.formatVersion(), rs.getString(1), rs.getString(2), rs.getString(3),
                                        plain(rs.getBigDecimal(4)), text(rs.getString(5)), text(rs.getString(6)),
                                        text(rs.getString(7)), nullToEmpty(rs.getString(8)), nullToEmpty(rs.getString(9)))));
                    }
                }));
        rows.put("validation_issues.csv", write(folder.resolve("validation_issues.csv"),
                List.of("document_id", "rule", "table_code", "row_code", "column_code", "expected", "actual", "message"),
                out -> {
                    for (DocumentKey d : documents) {
                        jdbc.sql("SELECT rule, table_code, row_code, column_code, expected, actual, message"
                                        + " FROM validation_issue WHERE document_id = ?" + where.table() + " ORDER BY ordinal")
                                .params(where.cellParams(d.documentId()))
                                .query((RowCallbackHandler) rs -> out.print(List.of(d.documentId(), rs.getString(1), nullToEmpty(rs.getString(2)),
                                        nullToEmpty(rs.getString(3)), nullToEmpty(rs.getString(4)), text(rs.getString(5)),
                                        text(rs.getString(6)), text(rs.getString(7)))));
                    }
                }));
        rows.put("failures.csv", write(folder.resolve("failures.csv"),
                List.of("run_id", "source_file", "step", "error_type", "message", "time", "document_id"),
                out -> jdbc.sql("SELECT run_id, source_file, step, error_type, message, failed_at, document_id"
                                + " FROM failure ORDER BY failure_id")
                        .query((RowCallbackHandler) rs -> out.print(List.of(nullToEmpty(rs.getString(1)), text(rs.getString(2)),
                                rs.getString(3), rs.getString(4), text(rs.getString(5)),
                                rs.getTimestamp(6).toLocalDateTime().toString(), nullToEmpty(rs.getString(7)))))));
        return new ExportResult(folder, rows);
    }

    /** Receives the rows of one CSV file. */
    private interface RowSink {
        void print(List<String> row) throws SQLException;
    }

    private interface RowSource {
        void writeTo(RowSink sink);
    }

    private long write(Path target, List<String> header, RowSource source) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        long[] count = {0};
        try {
            try (BufferedWriter out = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
                 CSVPrinter printer = new CSVPrinter(out, CSV)) {
                printer.printRecord(header);
                source.writeTo(row -> {
                    try {
                        printer.printRecord(row);
                        count[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        return count[0];
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String text(String value) {
        return value == null ? "" : SpreadsheetSafe.text(value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String intOrEmpty(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? "" : String.valueOf(value);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : CellValue.plain(value);
    }

    /** SQL conditions of a filter, always with bind parameters. */
    private record Where(ExportFilter filter) {
        static Where of(ExportFilter filter) {
            return new Where(filter == null ? ExportFilter.ALL : filter);
        }

        String documents() {
            List<String> conditions = new ArrayList<>();
            if (filter.year() != null) {
                conditions.add("d.report_year = ?");
            }
            if (filter.agency() != null) {
                conditions.add("d.agency LIKE ?");
            }
            if (filter.region() != null) {
                conditions.add("d.agency LIKE ?");
            }
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        String table() {
            return filter.table() == null ? "" : " AND table_code = ?";
        }

        List<Object> documentParams() {
            List<Object> params = new ArrayList<>();
            if (filter.year() != null) {
                params.add(filter.year());
            }
            if (filter.agency() != null) {
                params.add("%" + filter.agency() + "%");
            }
            if (filter.region() != null) {
                params.add(filter.region() + "%");
            }
            return params;
        }

        List<Object> cellParams(String documentId) {
            return filter.table() == null ? List.of(documentId) : List.of(documentId, filter.table());
        }
    }
}
