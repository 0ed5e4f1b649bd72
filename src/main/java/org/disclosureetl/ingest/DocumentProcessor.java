package org.disclosureetl.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.disclosureetl.discover.FileNames;
import org.disclosureetl.discover.InboxScanner;
import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.ReportExtractor;
import org.disclosureetl.normalize.DocumentNormalizer;
import org.disclosureetl.normalize.NormalizedDocument;
import org.disclosureetl.parse.CrawlerExport;
import org.disclosureetl.parse.CrawlerExportReader;
import org.disclosureetl.parse.DocumentParseException;
import org.disclosureetl.parse.ParsedDocument;
import org.disclosureetl.parse.ParseAhead;
import org.disclosureetl.parse.ReportParser;
import org.disclosureetl.parse.ocr.OcrPages;
import org.disclosureetl.region.Placement;
import org.disclosureetl.region.RegionPlacer;
import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.store.StoredDocument;
import org.disclosureetl.validate.ReportValidator;
import org.disclosureetl.ingest.StageObservations.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.dao.DataAccessException;

/**
 * The processor chain of the extract step: parse, normalize, extract, validate. A problem of the
 * document (corrupt file, no text, a parser blowing up on it, a file the system cannot read) makes the
 * document come out failed, and the writer logs it with the chunk; a problem of the machine (disk,
 * database) propagates and fails the step, so that a restart resumes it.
 *
 * <p>A crawler export (CSV or JSON lines, one report per record, {@link CrawlerExportReader}) comes out split: each
 * record normalized, extracted and validated as a document of its own, a record's problem failing that record only.
 * A record retried on its own ({@code retry-failed}) is read again from its file.
 */
class DocumentProcessor implements ItemProcessor<StoredDocument, ProcessedDocument>, ItemReadListener<StoredDocument>,
        StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(DocumentProcessor.class);
    /** Lines of a report's start that may name its place (title, addressee, first paragraph). */
    private static final int CONTEXT_LINES = 12;

    private final Path inputRoot;
    /** This partition's parses in a child JVM, started as the chunk's documents are read (see ParseAhead). */
    private final ParseAhead parser;
    private final DocumentNormalizer normalizer;
    private final ReportExtractor extractor;
    private final ReportValidator validator;
    private final StageObservations stages;
    private final RegionPlacer regions;
    private final CrawlerExportReader exports;

    DocumentProcessor(Path inputRoot, ReportParser parser, DocumentNormalizer normalizer, ReportExtractor extractor,
                      ReportValidator validator, StageObservations stages, RegionPlacer regions,
                      CrawlerExportReader exports) {
        this.exports = exports;
        this.inputRoot = inputRoot.toAbsolutePath().normalize();
        this.parser = new ParseAhead(parser);
        this.normalizer = normalizer;
        this.extractor = extractor;
        this.validator = validator;
        this.stages = stages;
        this.regions = regions;
    }

    /** Registered by the step builder as the processor's own listener: the chunk is read before it is processed. */
    @Override
    public void afterRead(StoredDocument document) {
        try {
            Path file = resolve(document.sourceFile());
            // a file that may be a crawler export is read here first: parsing it ahead in a child would be wasted
            if (!CrawlerExportReader.candidate(file)) {
                parser.offer(file);
            }
        } catch (NoSuchFileException e) {
            // process() says so, in the document's failure row
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        parser.close();
        return null;
    }

    @Override
    public ProcessedDocument process(StoredDocument document) {
        Path file = null;
        try {
            file = resolve(document.sourceFile());
            Path source = file;
            Optional<CrawlerExport> export = CrawlerExportReader.candidate(file)
                    ? stages.observe(Stage.PARSE, () -> exports.read(source)) : Optional.empty();
            if (export.isPresent()) {
                return document.sourceRecord() == null ? split(document, export.get())
                        : oneRecord(document, export.get());
            }
            if (document.sourceRecord() != null) {
                return fail(document, ErrorType.PARSE_ERROR, "the file is no longer a crawler export");
            }
            ParsedDocument parsed = stages.observe(Stage.PARSE, () -> parser.parse(source));
            NormalizedDocument normalized = stages.observe(Stage.NORMALIZE, () -> normalizer.normalize(parsed));
            return stages.observe(Stage.EXTRACT, () -> extract(document, normalized))
                    .withOcrPages(OcrPages.of(parsed.blocks()));
        } catch (DocumentParseException e) {
            return fail(document, e.errorType(), e.getMessage());
        } catch (NoSuchFileException e) {
            return fail(document, ErrorType.FILE_MISSING, "the file disappeared before it could be read");
        } catch (AccessDeniedException e) {
            return fail(document, ErrorType.ACCESS_DENIED, "the file cannot be read: permission denied");
        } catch (IOException e) {
            String unreadable = unreadable(file);
            if (unreadable != null) {
                return fail(document, ErrorType.READ_ERROR, "the file cannot be read: " + unreadable);
            }
            throw new UncheckedIOException("I/O failure while reading " + document.sourceFile(), e);
        } catch (DataAccessException | Error e) {
            throw e;
        } catch (RuntimeException e) {
            // a defect triggered by this document's content: isolate it, keep the run going
            log.warn("unexpected error on {}", document.sourceFile(), e);
            return fail(document, ErrorType.EXTRACT_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Every record of the export as a document of its own, identified by the file's content and its number. */
    private ProcessedDocument split(StoredDocument file, CrawlerExport export) {
        if (export.entries().isEmpty()) {
            return fail(file, ErrorType.NO_TEXT, "the crawler export holds no records");
        }
        List<ProcessedDocument> records = new ArrayList<>(export.entries().size());
        for (CrawlerExport.Entry entry : export.entries()) {
            StoredDocument record = new StoredDocument(InboxScanner.recordDocumentId(file.sha256(), entry.number()),
                    file.sha256(), file.sourceFile(), 0, entry.number());
            records.add(record(record, entry));
        }
        return ProcessedDocument.split(file, export.contentType(), records);
    }

    /** A record that failed before, taken again from its file, which has the same content (else discover dropped it). */
    private ProcessedDocument oneRecord(StoredDocument record, CrawlerExport export) {
        return export.entries().stream().filter(e -> e.number() == record.sourceRecord()).findFirst()
                .map(entry -> record(record, entry))
                .orElseGet(() -> fail(record, ErrorType.PARSE_ERROR, "the crawler export has no such record"));
    }

    /** One record through normalize, extract and validate; what goes wrong with it fails it alone. */
    private ProcessedDocument record(StoredDocument record, CrawlerExport.Entry entry) {
        if (!entry.readable()) {
            return fail(record, entry.errorType(), entry.problem());
        }
        try {
            NormalizedDocument normalized = stages.observe(Stage.NORMALIZE, () -> normalizer.normalize(entry.document()));
            return stages.observe(Stage.EXTRACT, () -> extract(record, normalized));
        } catch (DataAccessException | Error e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("unexpected error on {} record {}", record.sourceFile(), record.sourceRecord(), e);
            return fail(record, ErrorType.EXTRACT_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private ProcessedDocument extract(StoredDocument document, NormalizedDocument normalized) {
        // the name of a crawler export says nothing of any one of its records
        String name = document.sourceRecord() == null ? fileName(document.sourceFile()) : null;
        Extraction extraction = extractor.extract(normalized, name);
        List<Finding> findings = new ArrayList<>(extraction.findings());
        if (extraction.formatVersion() != null) {
            findings.addAll(validator.validate(extraction.identities(), extraction.observations()));
        }
        Placement region = regions.place(extraction.identity().agency(), opening(normalized));
        if (region != null && !region.placed()) {
            findings.add(Finding.named(region.problem())
                    .actual(extraction.identity().agency())
                    .message(region.message()));
        }
        return ProcessedDocument.extracted(document, extraction, findings, region);
    }

    /** The last element of a stored path ({@code /} separated): the file's name, evidence of agency and year. */
    private static String fileName(String sourceFile) {
        return sourceFile.substring(sourceFile.lastIndexOf('/') + 1);
    }

    /** The title and first lines: what tells apart places of one name (鼓楼区 of 福州市 or of 南京市). */
    private static String opening(NormalizedDocument document) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(CONTEXT_LINES, document.lines().size()); i++) {
            text.append(document.lines().get(i).text()).append('\n');
        }
        return text.toString();
    }

    private Path resolve(String sourceFile) throws NoSuchFileException {
        Path file = FileNames.resolve(inputRoot, sourceFile).normalize();
        if (!file.startsWith(inputRoot)) {
            throw new NoSuchFileException(sourceFile + " lies outside the input folder");
        }
        return file;
    }

    /**
     * Why the file itself cannot be read, or null when it can (then the I/O error was the machine's,
     * e.g. a broken pipe to a parser child, and fails the step).
     */
    private static String unreadable(Path file) {
        if (file == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.read();
            return null;
        } catch (IOException e) {
            // the OS message ("Input/output error") without the path, which the failure row has already
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace(file.toString(), "").replaceFirst("^: ", "");
        }
    }

    private ProcessedDocument fail(StoredDocument document, ErrorType errorType, String message) {
        log.warn("{}{} failed ({}): {}", document.sourceFile(),
                document.sourceRecord() == null ? "" : " record " + document.sourceRecord(), errorType.code(), message);
        return ProcessedDocument.failed(document, errorType, message);
    }
}
