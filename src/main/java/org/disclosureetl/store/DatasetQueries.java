package org.disclosureetl.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Cells to total: the given rows and columns of one table. */
    public record CellBlock(String table, List<String> rows, List<String> columns) {
    }

    /**
     * The totals of the cells of each block, per report year, over the series' copies: each block's totals in
     * report year, row and column order, the blocks one after the other. One pass over the observation table for
     * every block: a query per block scanned it once each (the dataset page's two blocks were most of the export
     * step's own time at 3,000 documents).
     */
    public List<CellTotal> totals(ReportingQueries.Selection selection, List<CellBlock> blocks) {
        StringBuilder cells = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            CellBlock block = blocks.get(i);
            cells.append(i == 0 ? "(" : " OR ").append("(o.table_code = :table").append(i)
                    .append(" AND o.row_code IN (:rows").append(i).append(") AND o.column_code IN (:columns")
                    .append(i).append("))");
            parameters.put("table" + i, block.table());
            parameters.put("rows" + i, block.rows());
            parameters.put("columns" + i, block.columns());
        }
        cells.append(')');
        List<CellTotal> all = selection.bind(jdbc.sql("SELECT d.report_year, o.table_code, o.row_code, o.column_code,"
                        + " SUM(COALESCE(c.value_number, o.value_number)), COUNT(COALESCE(c.value_number, o.value_number))"
                        + " FROM observation o JOIN document d ON d.document_id = o.document_id"
                        + " LEFT JOIN correction c ON c.document_id = o.document_id AND c.table_code = o.table_code"
                        + " AND c.row_code = o.row_code AND c.column_code = o.column_code"
                        + and(selection) + SERIES_COPY + " AND " + cells
                        + " GROUP BY d.report_year, o.table_code, o.row_code, o.column_code"
                        + " ORDER BY d.report_year, o.table_code, o.row_code, o.column_code")
                .param("extracted", DocumentStatus.EXTRACTED.code()).params(parameters))
                .query((rs, n) -> new CellTotal(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getInt(6)))
                .list();
        List<CellTotal> ordered = new ArrayList<>(all.size());
        for (CellBlock block : blocks) {
            for (CellTotal total : all) {
                if (total.tableCode().equals(block.table()) && block.rows().contains(total.rowCode())
                        && block.columns().contains(total.columnCode())) {
                    ordered.add(total);
                }
            }
        }
        return ordered;
    }

    private static String and(ReportingQueries.Selection selection) {
        String where = selection.where();
        return where.isEmpty() ? " WHERE" : where + " AND";
    }

    private static Integer integer(int value, boolean wasNull) {
        return wasNull ? null : value;
    }
}
