package org.disclosureetl.extract;

/**
 * A broken accounting rule or a doubtful cell, for {@code validation_issues.csv}.
 * Codes are null where the finding is about a whole table or row.
 */
public record Finding(String rule, String tableCode, String rowCode, String columnCode,
                      String expected, String actual, String message) {
}
