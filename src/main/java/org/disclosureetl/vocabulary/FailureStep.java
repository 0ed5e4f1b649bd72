package org.disclosureetl.vocabulary;

import java.util.Locale;

/** The step of the ingest job in which a file or document failed. */
public enum FailureStep {
    DISCOVER, EXTRACT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
