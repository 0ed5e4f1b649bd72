package org.disclosureetl.discover;

import java.util.List;

import org.disclosureetl.vocabulary.ErrorType;

/**
 * What one pass over the input folder found; {@code unreadable} files were skipped, the rest registered. Skipped
 * are the files that could not be read and the paths that are not regular files (a FIFO, a socket, a device, a link
 * to nothing, round in a loop or to a folder): each gets a failure row, none counts among {@code files}.
 */
public record Discovery(int files, int added, int changed, int unchanged, int deleted, List<Unreadable> unreadable) {

    public Discovery {
        unreadable = List.copyOf(unreadable);
    }

    /** A file (or folder) that could not be read or hashed, or is no regular file: a failure row, the run goes on. */
    public record Unreadable(String path, ErrorType errorType, String message) {
    }
}
