package org.disclosureetl.extract.attribution;

import java.util.List;

import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.ReportIdentity;

/**
 * Who published a report and for which year, weighed from all it says, with the findings where its
 * statements disagree and the evidence read.
 */
public record Attribution(ReportIdentity identity, List<Finding> findings, List<Evidence> evidence) {

    public Attribution {
        findings = List.copyOf(findings);
        evidence = List.copyOf(evidence);
    }
}
