package org.disclosureetl.export;

import java.io.BufferedWriter;
import java.io.IOException;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The export stage: writes the four CSV files of the output contract (OUTPUT.md) from the database.
 * Each file is written to a temporary file beside it and then renamed, so a reader never sees a
 * half-written file and a crash leaves the previous export intact. Rows come in a fixed order so the
 * same database always gives the same bytes: documents by source file, cells and issues by document id
 * and their position in the template (the primary key order, so large exports stream without a sort).
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

    public ExportResult export(Path folder, ExportFilter filter) throws IOException {
        Files.createDirectories(folder);
        Map<String, Long> rows = new LinkedHashMap<>();
        Where where = Where.of(filter);
        rows.put("documents.csv", write(folder.resolve("documents.csv"),
                List.of("document_id", "source_file", "sha256", "content_type", "script", "agency", "report_year",
                        "format_version", "status", "tables_found", "cells", "issues", "present"),
                "SELECT d.document_id, d.source_file, d.sha256, d.content_type, d.script, d.agency, d.report_year,"
                        + " d.format_version, d.status, d.tables_found, d.cells, d.issues, d.present"
                        + " FROM document d" + where.documents() + " ORDER BY d.source_file, d.document_id",
                where.params(false),
                rs -> List.of(rs.getString(1), text(rs.getString(2)), rs.getString(3), nullToEmpty(rs.getString(4)),
                        nullToEmpty(rs.getString(5)), text(rs.getString(6)), intOrEmpty(rs, 7), nullToEmpty(rs.getString(8)),
                        rs.getString(9), intOrEmpty(rs, 10), intOrEmpty(rs, 11), intOrEmpty(rs, 12),
                        String.valueOf(rs.getBoolean(13)))));
        rows.put("observations.csv", write(folder.resolve("observations.csv"),
                List.of("document_id", "report_year", "agency", "format_version", "table_code", "row_code",
                        "column_code", "value", "raw_value", "row_label", "column_label", "unit", "source_location"),
                "SELECT o.document_id, d.report_year, d.agency, d.format_version, o.table_code, o.row_code,"
                        + " o.column_code, o.value_number, o.raw_value, o.row_label, o.column_label, o.unit,"
                        + " o.source_location FROM observation o JOIN document d ON d.document_id = o.document_id"
                        + where.documents() + where.table("o") + " ORDER BY o.document_id, o.ordinal",
                where.params(true),
                rs -> List.of(rs.getString(1), intOrEmpty(rs, 2), text(rs.getString(3)), nullToEmpty(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7), plain(rs.getBigDecimal(8)),
                        text(rs.getString(9)), text(rs.getString(10)), text(rs.getString(11)),
                        nullToEmpty(rs.getString(12)), nullToEmpty(rs.getString(13)))));
        rows.put("validation_issues.csv", write(folder.resolve("validation_issues.csv"),
                List.of("document_id", "rule", "table_code", "row_code", "column_code", "expected", "actual", "message"),
                "SELECT v.document_id, v.rule, v.table_code, v.row_code, v.column_code, v.expected, v.actual, v.message"
                        + " FROM validation_issue v JOIN document d ON d.document_id = v.document_id"
                        + where.documents() + where.table("v") + " ORDER BY v.document_id, v.ordinal",
                where.params(true),
                rs -> List.of(rs.getString(1), rs.getString(2), nullToEmpty(rs.getString(3)), nullToEmpty(rs.getString(4)),
                        nullToEmpty(rs.getString(5)), text(rs.getString(6)), text(rs.getString(7)), text(rs.getString(8)))));
        rows.put("failures.csv", write(folder.resolve("failures.csv"),
                List.of("run_id", "source_file", "step", "error_type", "message", "time", "document_id"),
                "SELECT f.run_id, f.source_file, f.step, f.error_type, f.message, f.failed_at, f.document_id"
                        + " FROM failure f ORDER BY f.failure_id",
                List.of(),
                rs -> List.of(nullToEmpty(rs.getString(1)), text(rs.getString(2)), rs.getString(3), rs.getString(4),
                        text(rs.getString(5)), rs.getTimestamp(6).toLocalDateTime().toString(),
                        nullToEmpty(rs.getString(7)))));
        return new ExportResult(folder, rows);
    }

    private interface RowMapper {
        List<String> map(ResultSet rs) throws SQLException;
    }

    private long write(Path target, List<String> header, String sql, List<Object> params, RowMapper mapper)
            throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        long[] count = {0};
        try {
            try (BufferedWriter out = new BufferedWriter(
                    new java.io.OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
                 CSVPrinter printer = new CSVPrinter(out, CSV)) {
                printer.printRecord(header);
                jdbc.sql(sql).params(params).query(rs -> {
                    try {
                        printer.printRecord(mapper.map(rs));
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

        String table(String alias) {
            if (filter.table() == null) {
                return "";
            }
            return (documents().isEmpty() ? " WHERE " : " AND ") + alias + ".table_code = ?";
        }

        List<Object> params(boolean withTable) {
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
            if (withTable && filter.table() != null) {
                params.add(filter.table());
            }
            return params;
        }
    }
}
