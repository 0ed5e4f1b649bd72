package org.disclosureetl.codebook;

import java.util.List;

/**
 * One cell code of the output contract as analysts see it in codebook.csv: the same
 * {@code table_code/row_code/column_code} may exist in several template generations.
 *
 * @param rowLabel       official Chinese row label; when the generations print it differently, each
 *                       distinct label once, newest first, separated by " / "
 * @param description    English description; the Chinese labels when descriptions.csv has none yet
 * @param unit           what the number counts
 * @param formatVersions the template generations that have this cell, newest first
 * @param firstYear      first report year in which the cell exists
 * @param lastYear       last report year in which it exists, or null while the current form has it
 * @param identities     the accounting rules (identities.csv) the cell takes part in
 */
public record CodebookEntry(String tableCode, String rowCode, String columnCode, String rowLabel,
                            String columnLabel, String description, String unit, List<String> formatVersions,
                            int firstYear, Integer lastYear, List<String> identities) {

    public CodebookEntry {
        formatVersions = List.copyOf(formatVersions);
        identities = List.copyOf(identities);
    }

    /** {@code table/row/column}, the key cells are joined on. */
    public String key() {
        return tableCode + "/" + rowCode + "/" + columnCode;
    }

    /** "2019-2020", "2021-" (still current) or "2008-2018". */
    public String reportYears() {
        return firstYear + "-" + (lastYear == null ? "" : lastYear);
    }
}
