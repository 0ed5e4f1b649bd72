package org.disclosureetl.parse;

import org.disclosureetl.vocabulary.ErrorType;

/** A file that cannot be turned into text: a problem of the document, not of the system. */
public class DocumentParseException extends RuntimeException {

    /** It crosses from a child JVM to the parent by serialization (fork isolation); enums serialize by name. */
    private static final long serialVersionUID = 2L;

    private final ErrorType errorType;

    public DocumentParseException(ErrorType errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public DocumentParseException(ErrorType errorType, String message) {
        this(errorType, message, null);
    }

    /**
     * What kind of failure: {@code EMPTY_FILE}, {@code ENCRYPTED}, {@code PARSE_ERROR}, {@code OUTPUT_LIMIT},
     * {@code TIMEOUT}, {@code PARSER_CRASH}, {@code NO_TEXT} or {@code UNSUPPORTED_TYPE}.
     */
    public ErrorType errorType() {
        return errorType;
    }
}
