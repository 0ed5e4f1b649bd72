package org.disclosureetl.parse;

import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.testsupport.HostileCorpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus of {@link HostileCorpus} through the real fork-isolated {@link ReportParser}: every
 * file ends in exactly the expected error type (or, for a text that is simply not a report, a parsed
 * document), within the timeout, and the bombs never reach this JVM's heap. Children get their classes over
 * the pipe here (the test class path); {@link HostileDocumentsFromApplicationJarIT} runs the same files through
 * children started from the packaged application.
 */
@Tag(TestKinds.PROCESSES)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileDocumentsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * The most this JVM's heap may grow while a child parses a bomb. The zip bomb needs more than a gigabyte;
     * meanwhile this JVM only relays the document and, to a freshly started child, the class files it loads
     * (tens of megabytes of short-lived buffers).
     */
    private static final long PARENT_HEAP_GROWTH_LIMIT = 256L << 20;

    @TempDir
    static Path dir;

    private ReportParser parser;
    private Path zipBomb;

    @BeforeAll
    void startParser() {
        ParseProperties properties = ParseProperties.defaults().withTimeout(TIMEOUT).withPoolSize(1);
        parser = new ReportParser(properties, 1, new ForkChildParser(properties.maxChars()), childJvm(),
                ReportParser.DEFAULT_GRACE_MILLIS);
    }

    ReportParser parser() {
        return parser;
    }

    /** Where the children get their classes from. */
    ChildJvm childJvm() {
        return ChildJvm.OVER_THE_PIPE;
    }

    @AfterAll
    void stopParser() {
        parser.close();
    }

    @Test
    void emptyFile() throws IOException {
        DocumentParseException e = failure(HostileCorpus.empty(dir));

        assertThat(e.errorType()).isEqualTo(ErrorType.EMPTY_FILE);
        assertThat(e.getMessage()).isEqualTo("the file is empty (0 bytes)");
    }

    @Test
    void randomBytesNamedPdf() throws IOException {
        DocumentParseException e = failure(HostileCorpus.randomBytesPdf(dir));

        assertThat(e.errorType()).isEqualTo(ErrorType.PARSE_ERROR);
        assertThat(e.getMessage()).startsWith("TikaException: TIKA-198: Illegal IOException from "
                        + "org.apache.tika.parser.pdf.PDFParser@")
                .endsWith(" (caused by IOException: Missing root object specification in trailer.)");
    }

    @Test
    void docxCutInHalf() throws IOException {
        DocumentParseException e = failure(HostileCorpus.truncatedDocx(dir));

        assertThat(e.errorType()).isEqualTo(ErrorType.PARSE_ERROR);
        assertThat(e.getMessage()).startsWith("TikaException: TIKA-237: Illegal SAXException from "
                        + "org.apache.tika.parser.microsoft.ooxml.OOXMLParser@")
                .endsWith(" (caused by MalformedByteSequenceException: Expected byte 2 of 3-byte UTF-8 sequence.)");
    }

    @Test
    void pdfWithAUserPassword() throws IOException {
        DocumentParseException e = failure(HostileCorpus.encryptedPdf(dir));

        assertThat(e.errorType()).isEqualTo(ErrorType.ENCRYPTED);
        assertThat(e.getMessage()).isEqualTo("the document is encrypted: Unable to process: document is encrypted");
    }

    @Test
    void zipBombDocxExhaustsOnlyTheChildHeap() throws IOException {
        assertThat(Files.size(zipBomb())).isBetween(4L << 20, 6L << 20);

        DocumentParseException e = failureWithinParentHeapLimit(zipBomb());

        // the DOCX extractor buffers a text run whole: 1.1 GB of letters in one run kills the child
        assertThat(e.errorType()).isEqualTo(ErrorType.PARSER_CRASH);
        assertThat(e.getMessage()).startsWith("the parser process died after ")
                .endsWith(" (out of memory beyond -Xmx512m, or a JVM crash)");
    }

    @Test
    void billionLaughsXml() throws IOException {
        DocumentParseException e = failureWithinParentHeapLimit(HostileCorpus.entityBombXml(dir));

        assertThat(e.errorType()).isEqualTo(ErrorType.PARSE_ERROR);
        assertThat(e.getMessage()).isEqualTo("TikaException: XML parse error (caused by SAXParseException: "
                + "JAXP00010001: The parser has encountered more than \"20\" entity expansions in this document; "
                + "this is the limit imposed by the JDK.)");
    }

    @Test
    void billionLaughsInsideDocx() throws IOException {
        DocumentParseException e = failureWithinParentHeapLimit(HostileCorpus.entityBombDocx(dir));

        assertThat(e.errorType()).isEqualTo(ErrorType.PARSE_ERROR);
        // the streaming DOCX extractor reads word/document.xml with the JDK's entity limit in force
        assertThat(e.getMessage()).startsWith("TikaException: TIKA-237: Illegal SAXException from "
                        + "org.apache.tika.parser.microsoft.ooxml.OOXMLParser@")
                .endsWith(" (caused by SAXParseException: JAXP00010001: The parser has encountered more than "
                        + "\"20\" entity expansions in this document; this is the limit imposed by the JDK.)");
    }

    @Test
    void hundredMegabyteTextHitsTheOutputLimit() throws IOException {
        Path huge = HostileCorpus.hugeText(dir, 100L << 20);
        try {
            assertThat(Files.size(huge)).isBetween(100L << 20, (100L << 20) + 200);

            DocumentParseException e = failureWithinParentHeapLimit(huge);

            assertThat(e.errorType()).isEqualTo(ErrorType.OUTPUT_LIMIT);
            assertThat(e.getMessage()).isEqualTo("text output exceeds the limit of 5000000 characters");
        } finally {
            Files.delete(huge);
        }
    }

    @Test
    void englishTextThatIsNotAReportStillParses() throws IOException {
        ParsedDocument parsed = parser.parse(HostileCorpus.notAReport(dir));

        assertThat(parsed.contentType()).isEqualTo("text/plain; charset=ISO-8859-1");
        assertThat(parsed.blocks()).containsExactly(
                new Block.TextLine("Minutes of the Riverside Garden Club", "line 1"),
                new Block.TextLine("The meeting opened at 7 pm with twelve members present.", "line 3"),
                new Block.TextLine("Mrs Carter reported that the tomato seedlings are ready for the spring sale.",
                        "line 4"),
                new Block.TextLine("Next meeting: first Tuesday of May.", "line 5"));
    }

    @Test
    void pngPicture() throws IOException {
        DocumentParseException e = failure(HostileCorpus.png(dir));

        assertThat(e.errorType()).isEqualTo(ErrorType.UNSUPPORTED_TYPE);
        assertThat(e.getMessage()).isEqualTo("no text could be extracted and image/png is not a report format "
                + "(TXT, HTML, DOC, DOCX, XLS, XLSX, PDF)");
    }

    @Test
    void theSameParserStillParsesAReportAfterTheHostileFiles() throws IOException {
        Path report = HostileCorpus.DOCX_002;
        try (ReportParser inProcess = new ReportParser(
                ParseProperties.defaults().withIsolation(ParseProperties.Isolation.IN_PROCESS))) {
            ParsedDocument expected = inProcess.parse(report);
            // a parse error the child survives, then one that kills it
            for (Path hostile : List.of(HostileCorpus.truncatedDocx(dir), zipBomb())) {
                failure(hostile);
                assertThat(parser.parse(report)).isEqualTo(expected);
            }
        }
    }

    /** The 1.1 GB zip bomb, built once (it takes a couple of seconds). */
    private synchronized Path zipBomb() throws IOException {
        if (zipBomb == null) {
            zipBomb = HostileCorpus.zipBombDocx(dir, 1_100L << 20);
        }
        return zipBomb;
    }

    /** Parses a file that must fail, and checks it took less than the timeout. */
    DocumentParseException failure(Path file) {
        long start = System.nanoTime();
        DocumentParseException e = catchThrowableOfType(() -> parser.parse(file), DocumentParseException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
        assertThat(e).as("parsing %s", file.getFileName()).isNotNull();
        return e;
    }

    /** {@link #failure}, and this JVM's heap grew by less than {@link #PARENT_HEAP_GROWTH_LIMIT} meanwhile. */
    private DocumentParseException failureWithinParentHeapLimit(Path file) {
        System.gc();
        long before = heapUsed();
        List<MemoryPoolMXBean> heap = heapPools();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);

        DocumentParseException e = failure(file);

        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        assertThat(peak - before).as("growth of this JVM's heap while a child parsed %s", file.getFileName())
                .isLessThan(PARENT_HEAP_GROWTH_LIMIT);
        return e;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    private static long heapUsed() {
        return heapPools().stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }
}
