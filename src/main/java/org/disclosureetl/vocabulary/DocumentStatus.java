package org.disclosureetl.vocabulary;

import java.util.Locale;

/** What became of a document: the one source of the {@code document.status} values, stored and exported as {@link #code()}. */
public enum DocumentStatus {
    /** registered, not yet processed */
    PENDING,
    /** at least one standardized table was read */
    EXTRACTED,
    /** an annual report, but none of its tables could be recognized */
    NO_TABLE,
    /** neither the title of an annual report nor any of its tables */
    NOT_A_REPORT,
    /** the file could not be processed: see the failure log */
    FAILED,
    /**
     * a crawler export (CSV or JSON lines, one report per record): the file itself has no cells, each of its records
     * is a document of its own with the file as {@code source_file} and its number as {@code source_record}
     */
    SPLIT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
