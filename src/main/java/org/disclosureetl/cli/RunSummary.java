package org.disclosureetl.cli;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts of one job execution for the end-of-run summary and the {@code runs} listing. */
@Component
class RunSummary {

    private final JdbcClient jdbc;

    RunSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Counts(long processed, long extracted, long noTable, long notReport, long failed, long cells, long issues) {
    }

    Counts of(long runId) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT COUNT(*) AS processed,
                               COALESCE(SUM(CASE WHEN status = 'extracted' THEN 1 ELSE 0 END), 0) AS extracted,
                               COALESCE(SUM(CASE WHEN status = 'no_table' THEN 1 ELSE 0 END), 0) AS no_table,
                               COALESCE(SUM(CASE WHEN status = 'not_a_report' THEN 1 ELSE 0 END), 0) AS not_report,
                               COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS failed,
                               COALESCE(SUM(cells), 0) AS cells,
                               COALESCE(SUM(issues), 0) AS issues
                        FROM document WHERE processed_run = ?""")
                .param(runId).query().singleRow();
        return new Counts(number(row, "PROCESSED"), number(row, "EXTRACTED"), number(row, "NO_TABLE"),
                number(row, "NOT_REPORT"), number(row, "FAILED"), number(row, "CELLS"), number(row, "ISSUES"));
    }

    private static long number(Map<String, Object> row, String key) {
        Object value = row.get(key);
        if (value == null) {
            value = row.get(key.toLowerCase());
        }
        return value == null ? 0 : ((Number) value).longValue();
    }
}
