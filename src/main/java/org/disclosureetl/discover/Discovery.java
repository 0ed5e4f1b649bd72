package org.disclosureetl.discover;

/** What one pass over the input folder found. */
public record Discovery(int files, int added, int changed, int unchanged, int deleted) {
}
