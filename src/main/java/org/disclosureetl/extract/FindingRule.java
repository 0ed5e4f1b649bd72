package org.disclosureetl.extract;

import java.util.Locale;

/**
 * The extractor's own doubts, as {@code rule} of {@code validation_issues.csv}. The accounting
 * identities add their own rule names from {@code templates/identities.csv}.
 */
public enum FindingRule {
    /** a table of the report's format was not found */
    TABLE_MISSING,
    /** a row of a found table was not found */
    ROW_MISSING,
    /** a row has fewer numbers than cells */
    CELLS_MISSING,
    BLANK_CELL,
    /** a row has more numbers than cells; a window of them was kept */
    EXTRA_CELLS,
    /** cells that ran together were split; the message says what decided the split */
    SPLIT_RUN_TOGETHER,
    /** cells that ran together could not be split with confidence (the anchored reader) */
    UNSPLITTABLE_RUN_TOGETHER,
    /** several readings fit every identity; the cell is left empty, the message lists them and expected holds the cell's value in each, separated by {@code |} */
    AMBIGUOUS_READING,
    /** a cell carries a remark; its leading number was taken */
    ANNOTATED_VALUE,
    /** the column labels and the row set or report year point to different template generations */
    FORMAT_EVIDENCE_DISAGREES,
    /** a 2021 report prints the 2019 single （六）其他处理 row; its three sub-rows are left empty */
    UNDIVIDED_ROW,
    /** an indicator printed inside a table that the catalogue lacks, kept under a spare x.unlisted code */
    UNLISTED_INDICATOR,
    /** a report (a title or a table was found) whose text names no agency: the agency is left empty */
    AGENCY_UNKNOWN,
    /** a report whose text gives no year it covers: the year is left empty */
    YEAR_UNKNOWN,
    /** statements of the report name different agencies; the weightiest decided */
    AGENCY_EVIDENCE_DISAGREES,
    /** statements of the report give different years (or a publication date before the year ended); the weightiest decided */
    YEAR_EVIDENCE_DISAGREES,
    /** a table reader failed on a table (a bug); the table is read by the other readers alone */
    READER_FAILED,
    /** an annual report without any recognizable table */
    NO_TABLE,
    /** not recognized as an annual disclosure report */
    NOT_A_REPORT;

    /** The rule as written in the export: lower case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
