package org.disclosureetl.extract;

import java.util.List;

import org.disclosureetl.normalize.Script;
import org.disclosureetl.vocabulary.DocumentStatus;

/**
 * Everything the extract stage learned from one report.
 *
 * @param formatVersion {@code 2021}, {@code 2019}, {@code legacy}, or null when no table was recognized
 * @param status        {@link DocumentStatus} of the document after extraction
 * @param tablesFound   how many template tables had at least one row recognized
 * @param identities    the accounting identities that hold in the tables as read (they depend on
 *                      the printed form of each table), for the validate stage
 */
public record Extraction(String contentType, Script script, ReportIdentity identity, String formatVersion,
                         DocumentStatus status, int tablesFound, List<Observation> observations,
                         List<Finding> findings, List<IdentityRule> identities) {

    public Extraction {
        observations = List.copyOf(observations);
        findings = List.copyOf(findings);
        identities = List.copyOf(identities);
    }
}
