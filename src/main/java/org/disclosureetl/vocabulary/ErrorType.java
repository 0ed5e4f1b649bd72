package org.disclosureetl.vocabulary;

import java.util.Locale;

/** Why a file or document is in the failure log; stored and exported as {@link #code()}. */
public enum ErrorType {
    // from the parser (DocumentParseException)
    EMPTY_FILE, ENCRYPTED, PARSE_ERROR, OUTPUT_LIMIT, TIMEOUT, PARSER_CRASH, NO_TEXT, UNSUPPORTED_TYPE,
    /** the file went away between discover and extract */
    FILE_MISSING,
    /** permissions forbid reading the file */
    ACCESS_DENIED,
    /** the operating system failed to read the file (an I/O error, an unreadable folder) */
    READ_ERROR,
    /** read fine, but neither the title of an annual report nor any of its tables */
    NOT_A_REPORT,
    /** an unexpected error while extracting this document's content */
    EXTRACT_ERROR,
    /** the document's results could not be stored (a value the database refuses) */
    STORE_ERROR,
    /** a scan (an image file, or PDF pages without text) that needs OCR, and the tesseract command or its Chinese models are not installed */
    OCR_UNAVAILABLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
