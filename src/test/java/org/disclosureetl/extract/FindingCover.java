package org.disclosureetl.extract;

import java.util.List;

/** How the acceptance scorer decides that a cell is flagged: a finding on its cell, its row, its column or its table. */
final class FindingCover {

    private FindingCover() {
    }

    static boolean flags(String table, String row, String column, List<Finding> findings) {
        for (Finding f : findings) {
            if (table.equals(f.tableCode()) && (f.rowCode() == null || f.rowCode().equals(row))
                    && (f.columnCode() == null || f.columnCode().equals(column))) {
                return true;
            }
        }
        return false;
    }
}
