package org.disclosureetl.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.ReportExtractor;
import org.disclosureetl.normalize.DocumentNormalizer;
import org.disclosureetl.parse.DocumentParseException;
import org.disclosureetl.parse.ParseProperties;
import org.disclosureetl.parse.ParsedDocument;
import org.disclosureetl.parse.CrawlerExportReader;
import org.disclosureetl.parse.ReportParser;
import org.disclosureetl.region.RegionPlacer;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.store.StoredDocument;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.HostileCorpus;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.disclosureetl.validate.ReportValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The fault classification of the extract step's processor: a problem of the document comes out as a
 * failed document with its error type (the run goes on); a problem of the machine propagates and fails
 * the step (a restart resumes it). Real files and the real parser chain wherever they can produce the
 * case; a parser that throws stands in for what they cannot produce on demand (a timeout, a database or
 * JVM fault, a permission error while the tests run as root, a defect).
 */
@IngestDatabaseTest
class DocumentProcessorTest {

    @Autowired
    ReportParser parser;
    @Autowired
    DocumentNormalizer normalizer;
    @Autowired
    ReportExtractor extractor;
    @Autowired
    ReportValidator validator;
    @Autowired
    StageObservations stages;
    @Autowired
    RegionPlacer regions;

    @TempDir
    Path inbox;

    @Test
    void aReportComesOutExtracted() throws IOException {
        Files.copy(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt"), inbox.resolve("002.txt"));

        ProcessedDocument processed = processor(parser).process(document("002.txt"));

        assertThat(processed.isFailed()).isFalse();
        assertThat(processed.errorType()).isNull();
        assertThat(processed.extraction().status()).isEqualTo(DocumentStatus.EXTRACTED);
        assertThat(processed.extraction().identity().agency())
                .isEqualTo(Fixtures.expected().get("002_2bd72b0ede0a148a.txt").agency());
    }

    @Test
    void theParsersVerdictOnABadFileIsTheDocumentsErrorType() throws IOException {
        Files.createFile(inbox.resolve("empty.txt"));
        HostileCorpus.randomBytesPdf(inbox);

        assertFailed(processor(parser).process(document("empty.txt")), ErrorType.EMPTY_FILE, "the file is empty (0 bytes)");
        ProcessedDocument random = processor(parser).process(document("random.pdf"));
        assertThat(random.errorType()).isEqualTo(ErrorType.PARSE_ERROR);
        assertThat(random.failureMessage()).startsWith("TikaException: TIKA-198: Illegal IOException from ");
    }

    @Test
    void aParserErrorBecomesTheDocumentsFailureWithItsErrorType() {
        assertFailed(processor(throwing(new DocumentParseException(ErrorType.TIMEOUT, "parsing took longer than 60 s")))
                .process(document("slow.pdf")), ErrorType.TIMEOUT, "parsing took longer than 60 s");
        assertFailed(processor(throwing(new DocumentParseException(ErrorType.PARSER_CRASH, "the parser process died")))
                .process(document("odd.pdf")), ErrorType.PARSER_CRASH, "the parser process died");
    }

    @Test
    void aFileThatIsGoneOrLiesOutsideTheInputFolderIsMissing() throws IOException {
        Files.writeString(inbox.resolveSibling(inbox.getFileName() + "-outside.txt"), "报告");

        assertFailed(processor(parser).process(document("gone.txt")), ErrorType.FILE_MISSING,
                "the file disappeared before it could be read");
        assertFailed(processor(parser).process(document("../" + inbox.getFileName() + "-outside.txt")),
                ErrorType.FILE_MISSING, "the file disappeared before it could be read");
    }

    @Test
    void aFileThePermissionsForbidIsAccessDenied() {
        AccessDeniedException denied = new AccessDeniedException(inbox.resolve("locked.txt").toString());

        assertFailed(processor(throwing(denied)).process(document("locked.txt")), ErrorType.ACCESS_DENIED,
                "the file cannot be read: permission denied");
    }

    @Test
    void anIOErrorIsTheDocumentsWhenItsFileCannotBeReadAndTheMachinesOtherwise() throws IOException {
        // reading /proc/self/mem fails with EIO (for root too): a file the system cannot read
        Files.createSymbolicLink(inbox.resolve("unreadable.txt"), Path.of("/proc/self/mem"));
        Files.writeString(inbox.resolve("readable.txt"), "报告");
        IOException brokenPipe = new IOException("Broken pipe");

        assertFailed(processor(throwing(brokenPipe)).process(document("unreadable.txt")), ErrorType.READ_ERROR,
                "the file cannot be read: Input/output error");
        Throwable fault = catchThrowable(() -> processor(throwing(brokenPipe)).process(document("readable.txt")));
        assertThat(fault).isInstanceOf(UncheckedIOException.class)
                .hasMessage("I/O failure while reading readable.txt").hasCause(brokenPipe);
    }

    @Test
    void aDatabaseFaultOrAnErrorOfTheJvmFailsTheStep() {
        DataAccessResourceFailureException database = new DataAccessResourceFailureException("disk full");
        OutOfMemoryError heap = new OutOfMemoryError("Java heap space");

        assertThat(catchThrowable(() -> processor(throwing(database)).process(document("a.txt")))).isSameAs(database);
        assertThat(catchThrowable(() -> processor(throwing(heap)).process(document("a.txt")))).isSameAs(heap);
    }

    @Test
    void anyOtherExceptionIsADefectOnThisDocumentAndAnExtractError() {
        assertFailed(processor(throwing(new IllegalStateException("no row 7"))).process(document("a.txt")),
                ErrorType.EXTRACT_ERROR, "IllegalStateException: no row 7");
    }

    private static void assertFailed(ProcessedDocument processed, ErrorType errorType, String message) {
        assertThat(processed.isFailed()).isTrue();
        assertThat(processed.errorType()).isEqualTo(errorType);
        assertThat(processed.failureMessage()).isEqualTo(message);
        assertThat(processed.extraction()).isNull();
    }

    private DocumentProcessor processor(ReportParser reportParser) {
        return new DocumentProcessor(inbox, reportParser, normalizer, extractor, validator, stages, regions,
                new CrawlerExportReader());
    }

    private static StoredDocument document(String sourceFile) {
        return new StoredDocument("00000000000000aa", "0".repeat(64), sourceFile, 0);
    }

    /** A parser that fails with {@code failure} whatever the file. */
    private static ReportParser throwing(Throwable failure) {
        return new ReportParser(ParseProperties.defaults().withIsolation(ParseProperties.Isolation.IN_PROCESS)) {
            @Override
            public ParsedDocument parse(Path file) throws IOException {
                if (failure instanceof IOException io) {
                    throw io;
                }
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) failure;
            }
        };
    }
}
