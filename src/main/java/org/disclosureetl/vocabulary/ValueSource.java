package org.disclosureetl.vocabulary;

import java.util.Locale;

/**
 * Where a cell's value in the export comes from: {@code observations.csv}'s {@code value_source}, written as
 * {@link #code()} (empty where the cell has no value).
 */
public enum ValueSource {
    /** the report prints it and the extractor read it */
    READ,
    /** the extractor left it empty as ambiguous and the link step settled it by the neighbouring year's report */
    SETTLED_BY_SERIES,
    /** an analyst's answer to the review sheet (apply-corrections), for this document's bytes */
    CORRECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
