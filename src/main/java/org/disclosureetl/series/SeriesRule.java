package org.disclosureetl.series;

/**
 * The rules of the issues the link step finds across an agency's reports ({@code rule} of validation_issues.csv,
 * kind {@code series} in {@code codebook/rules.csv}).
 */
public enum SeriesRule {
    /** applications carried_over of year N+1 equals carried_forward of year N, in every applicant column. */
    CARRIED_OVER_MATCHES("carried_over_matches"),
    /** 2021 form, table 2: in_force of N+1 equals in_force of N + issued − repealed of N+1, for rules and normative documents. */
    IN_FORCE_MOVES("in_force_moves"),
    /** 2019 form, table 2: total_published of N+1 equals total_published of N + published of N+1. */
    TOTAL_PUBLISHED_GROWS("total_published_grows"),
    /** A duplicate's cell differs from the series' copy for the same agency and year. */
    DUPLICATE_DIFFERS("duplicate_differs"),
    /**
     * A cell left empty as ambiguous (several readings of a run of digits fit every identity) filled because
     * exactly one reading agrees with the neighbouring year's report in the cross-year checks.
     */
    SETTLED_BY_SERIES("settled_by_series");

    private final String code;

    SeriesRule(String code) {
        this.code = code;
    }

    /** The name in validation_issues.csv and codebook/rules.csv. */
    public String code() {
        return code;
    }
}
