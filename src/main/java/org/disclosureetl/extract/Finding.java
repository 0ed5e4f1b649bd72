package org.disclosureetl.extract;

import java.util.Objects;

/**
 * A broken accounting rule or a doubtful cell, for {@code validation_issues.csv}. Codes are null where
 * the finding is about a whole table or row. Immutable; built by naming its parts, not by position:
 * {@code Finding.of(FindingRule.ROW_MISSING).table(t).row(r).message(m)}.
 */
public final class Finding {

    private final String rule;
    private final String tableCode;
    private final String rowCode;
    private final String columnCode;
    private final String expected;
    private final String actual;
    private final String message;

    private Finding(String rule, String tableCode, String rowCode, String columnCode, String expected, String actual,
                    String message) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.tableCode = tableCode;
        this.rowCode = rowCode;
        this.columnCode = columnCode;
        this.expected = expected;
        this.actual = actual;
        this.message = message;
    }

    /** One of the extractor's own doubts. */
    public static Finding of(FindingRule rule) {
        return named(rule.code());
    }

    /**
     * A rule whose name is data, not code: an accounting identity of {@code templates/identities.csv}
     * or a region problem ({@code region_unplaced}).
     */
    public static Finding named(String rule) {
        return new Finding(rule, null, null, null, null, null, null);
    }

    public Finding table(String code) {
        return new Finding(rule, code, rowCode, columnCode, expected, actual, message);
    }

    public Finding row(String code) {
        return new Finding(rule, tableCode, code, columnCode, expected, actual, message);
    }

    public Finding column(String code) {
        return new Finding(rule, tableCode, rowCode, code, expected, actual, message);
    }

    public Finding expected(String text) {
        return new Finding(rule, tableCode, rowCode, columnCode, text, actual, message);
    }

    public Finding actual(String text) {
        return new Finding(rule, tableCode, rowCode, columnCode, expected, text, message);
    }

    public Finding message(String text) {
        return new Finding(rule, tableCode, rowCode, columnCode, expected, actual, text);
    }

    public String rule() {
        return rule;
    }

    public String tableCode() {
        return tableCode;
    }

    public String rowCode() {
        return rowCode;
    }

    public String columnCode() {
        return columnCode;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }

    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Finding f && rule.equals(f.rule) && Objects.equals(tableCode, f.tableCode)
                && Objects.equals(rowCode, f.rowCode) && Objects.equals(columnCode, f.columnCode)
                && Objects.equals(expected, f.expected) && Objects.equals(actual, f.actual)
                && Objects.equals(message, f.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, tableCode, rowCode, columnCode, expected, actual, message);
    }

    @Override
    public String toString() {
        return "Finding[rule=" + rule + ", tableCode=" + tableCode + ", rowCode=" + rowCode + ", columnCode="
                + columnCode + ", expected=" + expected + ", actual=" + actual + ", message=" + message + "]";
    }
}
