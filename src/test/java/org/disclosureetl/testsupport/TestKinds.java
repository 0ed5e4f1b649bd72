package org.disclosureetl.testsupport;

/**
 * JUnit tags of the tests that need more than the JVM they run in, or much of its time. The fast loop
 * ({@code mvn -B -q -Punit test}, docs/DEVELOPING.md) leaves them out; {@code mvn -B verify} runs all.
 */
public final class TestKinds {

    /** starts a Spring application context */
    public static final String APPLICATION = "application";
    /** writes a real database: an H2 file or a PostgreSQL server it starts */
    public static final String DATABASE = "database";
    /** starts parser child JVMs */
    public static final String PROCESSES = "processes";
    /** opens a page in a real headless Chromium */
    public static final String BROWSER = "browser";
    /** scores a large synthetic corpus: each case fast, the class tens of seconds (docs/DEVELOPING.md "the accuracy check") */
    public static final String ACCURACY = "accuracy";

    /** runs the tesseract command over scanned pages: seconds a page (README "Scanned reports") */
    public static final String OCR = "ocr";

    private TestKinds() {
    }
}
