package org.disclosureetl.parse;

/** A file that cannot be turned into text: a problem of the document, not of the system. */
public class DocumentParseException extends RuntimeException {

    private final String errorType;

    public DocumentParseException(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public DocumentParseException(String errorType, String message) {
        this(errorType, message, null);
    }

    /** Short machine-readable kind, e.g. {@code empty_file}, {@code unsupported_type}, {@code parse_error}. */
    public String errorType() {
        return errorType;
    }
}
