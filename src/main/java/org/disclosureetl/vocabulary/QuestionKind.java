package org.disclosureetl.vocabulary;

import java.util.Locale;

/** What a row of the review sheet ({@code review.csv}, {@code review.xlsx}) asks, written as {@link #code()}. */
public enum QuestionKind {
    /** a cell the report does not fix: left empty and flagged (candidate readings, where there are some) */
    CELL,
    /**
     * a cell that has a value read inside an accounting identity that does not hold: the value may be the wrong
     * one (or another of the identity's cells is)
     */
    IDENTITY_CELL,
    /** the document's agency is unknown or its statements disagree */
    AGENCY,
    /** the document's report year is unknown or its statements disagree */
    REPORT_YEAR,
    /** the column labels, the row set and the report year point to different template generations */
    FORMAT_VERSION,
    /** an earlier answer for this cell was given for other bytes of the file: it is not applied */
    STALE_CORRECTION;

    /** Whether an answer to it is a cell's value (else a document's agency, year or format). */
    public boolean asksForCell() {
        return this == CELL || this == IDENTITY_CELL || this == STALE_CORRECTION;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QuestionKind of(String code) {
        for (QuestionKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        return null;
    }
}
