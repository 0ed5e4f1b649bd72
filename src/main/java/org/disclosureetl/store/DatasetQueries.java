package org.disclosureetl.store;

import java.math.BigDecimal;
import java.util.List;

import org.disclosureetl.vocabulary.DocumentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the dataset page (export/DatasetPage) summarizes: coverage by year and province, each agency's series of
 * years, and the totals of a few cells per report year over the series' copies (as panel.csv's rows), with the
 * analyst's corrections applied as the export applies them.
 */
@Repository
public class DatasetQueries {

    /** The series' copies: panel.csv's rows (V16__document_series.sql). */
    private static final String SERIES_COPY = " d.status = :extracted AND d.agency_key IS NOT NULL"
            + " AND d.agency_key <> '' AND d.report_year IS NOT NULL AND d.duplicate_of IS NULL";

    private final JdbcClient jdbc;

    public DatasetQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Extracted documents of one report year (null: unknown) and province (null: not placed). */
    public record Coverage(Integer reportYear, String province, int documents) {
    }

    /** A report year of an agency's series (its copy). */
    public record SeriesYear(String agencyKey, String agency, int reportYear) {
    }

    /**
     * The sum over a report year's series copies of one cell, how many of them have a number there, and how many
     * copies of the year are of a form that has the cell.
     */
    public record CellTotal(int reportYear, String tableCode, String rowCode, String columnCode, BigDecimal sum,
                            int valued) {
    }

    /** Series copies per report year and form. */
    public record Reports(int reportYear, String formatVersion, int documents) {
    }

    public List<Coverage> coverage(ReportingQueries.Selection selection) {
        return selection.bind(jdbc.sql("SELECT d.report_year, d.province, COUNT(*) FROM document d"
                        + and(selection) + " d.status = :extracted GROUP BY d.report_year, d.province"
                        + " ORDER BY d.report_year, d.province")
                .param("extracted", DocumentStatus.EXTRACTED.code()))
                .query((rs, n) -> new Coverage(integer(rs.getInt(1), rs.wasNull()), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** Extracted documents without an agency (or one that could not be keyed) or a year: not in any series. */
    public int outsideSeries(ReportingQueries.Selection selection) {
        return selection.bind(jdbc.sql("SELECT COUNT(*) FROM document d" + and(selection)
                        + " d.status = :extracted AND (d.agency_key IS NULL OR d.agency_key = '' OR d.report_year IS NULL)")
                .param("extracted", DocumentStatus.EXTRACTED.code()))
                .query(Integer.class).single();
    }

    public List<SeriesYear> seriesYears(ReportingQueries.Selection selection) {
        return selection.bind(jdbc.sql("SELECT d.agency_key, MIN(d.agency), d.report_year FROM document d"
                        + and(selection) + SERIES_COPY + " GROUP BY d.agency_key, d.report_year"
                        + " ORDER BY d.agency_key, d.report_year")
                .param("extracted", DocumentStatus.EXTRACTED.code()))
                .query((rs, n) -> new SeriesYear(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    public List<Reports> reports(ReportingQueries.Selection selection) {
        return selection.bind(jdbc.sql("SELECT d.report_year, d.format_version, COUNT(*) FROM document d"
                        + and(selection) + SERIES_COPY + " GROUP BY d.report_year, d.format_version"
                        + " ORDER BY d.report_year, d.format_version")
                .param("extracted", DocumentStatus.EXTRACTED.code()))
                .query((rs, n) -> new Reports(rs.getInt(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** The totals of the cells of one table's rows and columns, per report year, over the series' copies. */
    public List<CellTotal> totals(ReportingQueries.Selection selection, String table, List<String> rows,
                                  List<String> columns) {
        return selection.bind(jdbc.sql("SELECT d.report_year, o.table_code, o.row_code, o.column_code,"
                        + " SUM(COALESCE(c.value_number, o.value_number)), COUNT(COALESCE(c.value_number, o.value_number))"
                        + " FROM observation o JOIN document d ON d.document_id = o.document_id"
                        + " LEFT JOIN correction c ON c.document_id = o.document_id AND c.table_code = o.table_code"
                        + " AND c.row_code = o.row_code AND c.column_code = o.column_code"
                        + and(selection) + SERIES_COPY + " AND o.table_code = :table AND o.row_code IN (:rows)"
                        + " AND o.column_code IN (:columns)"
                        + " GROUP BY d.report_year, o.table_code, o.row_code, o.column_code"
                        + " ORDER BY d.report_year, o.table_code, o.row_code, o.column_code")
                .param("extracted", DocumentStatus.EXTRACTED.code()).param("table", table).param("rows", rows)
                .param("columns", columns))
                .query((rs, n) -> new CellTotal(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getInt(6)))
                .list();
    }

    private static String and(ReportingQueries.Selection selection) {
        String where = selection.where();
        return where.isEmpty() ? " WHERE" : where + " AND";
    }

    private static Integer integer(int value, boolean wasNull) {
        return wasNull ? null : value;
    }
}
