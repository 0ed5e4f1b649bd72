package org.disclosureetl.series;

/** A cell of a document's tables: table_code, row_code, column_code. */
public record CellKey(String tableCode, String rowCode, String columnCode) {

    @Override
    public String toString() {
        return tableCode + "/" + rowCode + "/" + columnCode;
    }
}
