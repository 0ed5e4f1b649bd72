package org.disclosureetl.extract;

import java.math.BigDecimal;

/**
 * One cell of one standardized table of one report. Built in one way, through {@link #of}: the
 * readers start from the template's row and column, other stages from the codes alone.
 *
 * @param value    the number, or null when the report gives none (blank, dash)
 * @param rawValue the cell text exactly as found
 * @param unit     unit printed beside the value (legacy statistics tables), or null
 * @param where    where the cell was found in the source file
 * @param ordinal  position of the cell in its template, for stable output order
 */
public record Observation(String tableCode, String rowCode, String columnCode, BigDecimal value, String rawValue,
                          String unit, String rowLabel, String columnLabel, String where, int ordinal) {

    /** A cell under the given codes, with nothing else set yet. */
    public static Builder of(String tableCode, String rowCode, String columnCode) {
        return new Builder(tableCode, rowCode, columnCode);
    }

    /** A cell of a template table, under its codes and labels. */
    static Builder of(TableTemplate table, TableTemplate.Row row, TableTemplate.Column column) {
        return of(table.code(), row.code(), column.code()).labels(row.label(), column.label());
    }

    /** The same cell at another position of the output order (the document's running count). */
    public Observation withOrdinal(int newOrdinal) {
        return new Observation(tableCode, rowCode, columnCode, value, rawValue, unit, rowLabel, columnLabel, where,
                newOrdinal);
    }

    /** Sets an observation's fields one by one; unset fields are null (ordinal 0). */
    public static final class Builder {
        private final String tableCode;
        private final String rowCode;
        private final String columnCode;
        private BigDecimal value;
        private String rawValue;
        private String unit;
        private String rowLabel;
        private String columnLabel;
        private String where;
        private int ordinal;

        private Builder(String tableCode, String rowCode, String columnCode) {
            this.tableCode = tableCode;
            this.rowCode = rowCode;
            this.columnCode = columnCode;
        }

        public Builder value(BigDecimal number) {
            this.value = number;
            return this;
        }

        public Builder raw(String text) {
            this.rawValue = text;
            return this;
        }

        public Builder unit(String printedUnit) {
            this.unit = printedUnit;
            return this;
        }

        public Builder labels(String row, String column) {
            this.rowLabel = row;
            this.columnLabel = column;
            return this;
        }

        public Builder rowLabel(String row) {
            this.rowLabel = row;
            return this;
        }

        public Builder where(String place) {
            this.where = place;
            return this;
        }

        public Builder ordinal(int position) {
            this.ordinal = position;
            return this;
        }

        public Observation build() {
            return new Observation(tableCode, rowCode, columnCode, value, rawValue, unit, rowLabel, columnLabel, where,
                    ordinal);
        }
    }
}
