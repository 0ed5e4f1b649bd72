package org.disclosureetl.discover;

import java.util.List;

import org.disclosureetl.vocabulary.ErrorType;

/** What one pass over the input folder found; {@code unreadable} files were skipped, the rest registered. */
public record Discovery(int files, int added, int changed, int unchanged, int deleted, List<Unreadable> unreadable) {

    public Discovery {
        unreadable = List.copyOf(unreadable);
    }

    /** A file (or folder) that could not be read or hashed: it becomes a failure row, the run goes on. */
    public record Unreadable(String path, ErrorType errorType, String message) {
    }
}
