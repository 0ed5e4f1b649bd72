package org.disclosureetl.normalize;

/** The Chinese script a report is written in. */
public enum Script {
    SIMPLIFIED,
    TRADITIONAL
}
