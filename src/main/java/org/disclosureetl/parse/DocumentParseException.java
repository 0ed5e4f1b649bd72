package org.disclosureetl.parse;

/** A file that cannot be turned into text: a problem of the document, not of the system. */
public class DocumentParseException extends RuntimeException {

    /** It crosses from a child JVM to the parent by serialization (fork isolation). */
    private static final long serialVersionUID = 1L;

    private final String errorType;

    public DocumentParseException(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public DocumentParseException(String errorType, String message) {
        this(errorType, message, null);
    }

    /**
     * Short machine-readable kind: {@code empty_file}, {@code encrypted}, {@code parse_error}, {@code output_limit},
     * {@code timeout}, {@code parser_crash}, {@code no_text} or {@code unsupported_type}.
     */
    public String errorType() {
        return errorType;
    }
}
