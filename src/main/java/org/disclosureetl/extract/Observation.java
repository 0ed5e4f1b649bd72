package org.disclosureetl.extract;

import java.math.BigDecimal;

/**
 * One cell of one standardized table of one report.
 *
 * @param value    the number, or null when the report gives none (blank, dash)
 * @param rawValue the cell text exactly as found
 * @param unit     unit printed beside the value (legacy statistics tables), or null
 * @param where    where the cell was found in the source file
 * @param ordinal  position of the cell in its template, for stable output order
 */
public record Observation(String tableCode, String rowCode, String columnCode, BigDecimal value, String rawValue,
                          String unit, String rowLabel, String columnLabel, String where, int ordinal) {
}
