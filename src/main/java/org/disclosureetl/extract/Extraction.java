package org.disclosureetl.extract;

import java.util.List;

import org.disclosureetl.normalize.Script;

/**
 * Everything the extract stage learned from one report.
 *
 * @param formatVersion {@code 2021}, {@code 2019}, {@code legacy}, or null when no table was recognized
 * @param status        {@link ReportStatus} of the document after extraction
 * @param tablesFound   how many template tables had at least one row recognized
 * @param identities    the accounting identities that hold in the tables as read (they depend on
 *                      the printed form of each table), for the validate stage
 */
public record Extraction(String contentType, Script script, ReportIdentity identity, String formatVersion,
                         ReportStatus status, int tablesFound, List<Observation> observations,
                         List<Finding> findings, List<IdentityRule> identities) {

    public Extraction {
        observations = List.copyOf(observations);
        findings = List.copyOf(findings);
        identities = List.copyOf(identities);
    }

    /** What became of a document. Stored and exported in lower case. */
    public enum ReportStatus {
        /** registered, not yet processed */
        PENDING,
        /** at least one standardized table was read */
        EXTRACTED,
        /** an annual report, but none of its tables could be recognized */
        NO_TABLE,
        /** neither the title of an annual report nor any of its tables */
        NOT_A_REPORT,
        /** the file could not be processed: see the failure log */
        FAILED;

        public String code() {
            return name().toLowerCase();
        }
    }
}
