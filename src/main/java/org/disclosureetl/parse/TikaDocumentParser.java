package org.disclosureetl.parse;

import org.disclosureetl.vocabulary.ErrorType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.csv.TextAndCSVParser;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.disclosureetl.parse.BlockCollector.OutputLimitException;
import org.disclosureetl.parse.ocr.EmbeddedPictures;
import org.disclosureetl.parse.ocr.ScannedPages;
import org.xml.sax.SAXException;

/**
 * Tika on one file, in whatever JVM this object lives in: the parent for {@code in-process} isolation,
 * a child JVM for {@code fork}. Document problems become {@link DocumentParseException}s; I/O faults
 * reading the file stay {@link IOException}s.
 */
final class TikaDocumentParser {

    /** Base types of the formats reports come in; a file of another type that yields no text is unsupported. */
    static final Set<String> REPORT_TYPES = Set.of(
            "text/plain",
            "text/html",
            "application/xhtml+xml",
            "application/pdf",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/rtf",
            "application/x-tika-ooxml",
            "application/x-tika-msoffice");

    /** Tika's guard against XML bombs stops at this: "Suspected zip bomb: 100 levels of XML element nesting". */
    private static final Pattern NESTING_GUARD = Pattern.compile("(\\d+) levels of XML element nesting");

    private final AutoDetectParser tika;
    private final OfficeParserConfig officeConfig = officeConfig();
    private final long maxChars;
    /** OCR of image files and of PDF pages without text; null where only text formats are parsed. */
    private final ScannedPages scans;

    private TikaDocumentParser(AutoDetectParser tika, long maxChars, ScannedPages scans) {
        this.tika = tika;
        this.maxChars = maxChars;
        this.scans = scans;
    }

    /** Every parser Tika has (its default configuration): in a child JVM, or here with {@code in-process} isolation. */
    static TikaDocumentParser allFormats(long maxChars) {
        return allFormats(maxChars, 1);
    }

    /** {@link #allFormats(long)}, scanned pages read by OCR on {@code ocrThreads} Tesseract processes at once. */
    static TikaDocumentParser allFormats(long maxChars, int ocrThreads) {
        return new TikaDocumentParser(new AutoDetectParser(), maxChars, new ScannedPages(ocrThreads));
    }

    /**
     * The parsers Tika's default configuration picks for plain text (and markdown, a kind of it) and HTML, with
     * the same type detection: the same blocks for those types as {@link #allFormats}, without building the 200
     * other parsers (0.4-0.5 s of a fresh process that parses only its text files itself, under {@code fork}).
     * Any other type detected here yields no text.
     */
    static TikaDocumentParser textFormats(long maxChars) {
        return new TikaDocumentParser(new AutoDetectParser(new AlreadyDetected(new DefaultDetector()),
                new TextAndCSVParser(), new JSoupParser()), maxChars, null);
    }

    /** Where {@link #alreadyDetected} leaves the type for {@link AlreadyDetected}; not a Tika key. */
    private static final String DETECTED_TYPE = "disclosure-etl:detected-type";

    /**
     * Tells {@link #textFormats} the file's type, detected by the caller from the same name and leading bytes, so
     * that Tika does not run its magic rules over the file again.
     */
    static void alreadyDetected(Metadata metadata, MediaType type) {
        metadata.set(DETECTED_TYPE, type.toString());
    }

    /** The caller's detection when there is one ({@link #alreadyDetected}), Tika's otherwise. */
    private record AlreadyDetected(Detector tika) implements Detector {
        @Override
        public MediaType detect(InputStream in, Metadata metadata) throws IOException {
            String type = metadata.get(DETECTED_TYPE);
            return type != null ? MediaType.parse(type) : tika.detect(in, metadata);
        }
    }

    /**
     * The types {@link #textFormats} is made for: Tika's default configuration parses them with the same parsers
     * (TextAndCSVParser, JSoupParser), as {@code TextFormatsParserTest} checks. Not a supertype walk: XML is a kind
     * of plain text to Tika but has parsers of its own.
     */
    static final Set<MediaType> TEXT_FORMATS = Set.of(MediaType.TEXT_PLAIN, MediaType.parse("text/markdown"),
            MediaType.TEXT_HTML, MediaType.parse("application/xhtml+xml"));

    /**
     * @param metadata carries the file name ({@link TikaCoreProperties#RESOURCE_NAME_KEY}): it is what lets
     *                 Tika pick GBK/Big5 for .txt instead of octet-stream
     */
    ParsedDocument parse(Path file, Metadata metadata) throws IOException {
        if (Files.size(file) == 0) {
            throw new DocumentParseException(ErrorType.EMPTY_FILE, "the file is empty (0 bytes)");
        }
        if (metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY) == null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        }
        ParseContext context = new ParseContext();
        context.set(Parser.class, new EmptyParser()); // embedded images/objects carry no tables
        context.set(OfficeParserConfig.class, officeConfig);
        context.set(HtmlMapper.class, GridHtmlMapper.INSTANCE); // table cells keep colspan/rowspan
        context.set(TesseractOCRConfig.class, NO_TIKA_OCR);
        // Word tables' grid and XLSX merges, which Tika's extractors drop (a read of its own: Tika's handlers give no cell spans)
        BlockCollector collector = new BlockCollector(maxChars, WordTableGrid.read(file), SheetGrid.read(file));
        try (InputStream in = TikaInputStream.get(file)) {
            tika.parse(in, collector, metadata, context);
        } catch (OutputLimitException e) {
            throw new DocumentParseException(ErrorType.OUTPUT_LIMIT, e.getMessage(), e);
        } catch (ZeroByteFileException e) {
            throw new DocumentParseException(ErrorType.EMPTY_FILE, "the file is empty", e);
        } catch (EncryptedDocumentException e) {
            throw new DocumentParseException(ErrorType.ENCRYPTED, "the document is encrypted: " + e.getMessage(), e);
        } catch (TikaException | SAXException e) {
            OutputLimitException limit = outputLimit(e);
            if (limit != null) {
                // Tika wraps a handler's exception when a decorator in between hides where it came from
                throw new DocumentParseException(ErrorType.OUTPUT_LIMIT, limit.getMessage(), e);
            }
            String nesting = nestingTooDeep(e);
            throw new DocumentParseException(ErrorType.PARSE_ERROR, nesting != null ? nesting : describe(e), e);
        } catch (RuntimeException e) {
            // parsers throw all sorts of unchecked exceptions on malformed input
            throw new DocumentParseException(ErrorType.PARSE_ERROR, describe(e), e);
        }
        String contentType = metadata.get(Metadata.CONTENT_TYPE);
        List<Block> blocks = collector.blocks();
        if (scans != null && ScannedPages.mayNeedOcr(contentType)) {
            ScannedPages.Outcome ocr = scans.complete(file, contentType, blocks, pageCount(metadata));
            blocks = ocr == null ? blocks : ocr.blocks();
        } else if (scans != null && EmbeddedPictures.isWord(contentType)) {
            ScannedPages.Outcome ocr = scans.completeWord(file, contentType, blocks);
            blocks = ocr == null ? blocks : ocr.blocks();
        }
        ParsedDocument parsed = new ParsedDocument(contentType == null ? "application/octet-stream" : contentType,
                blocks);
        if (parsed.blocks().isEmpty()) {
            if (!isReportType(parsed.contentType())) {
                throw new DocumentParseException(ErrorType.UNSUPPORTED_TYPE, "no text could be extracted and "
                        + parsed.contentType() + " is not a report format (TXT, HTML, DOC, DOCX, XLS, XLSX, PDF)");
            }
            throw new DocumentParseException(ErrorType.NO_TEXT,
                    "no text could be extracted (detected type " + parsed.contentType() + ")");
        }
        return parsed;
    }

    /**
     * Tika's own OCR reads a whole page as running text (the grid lost, 19 s a table page: README "Scanned
     * reports"); scans are read by {@link ScannedPages} instead.
     */
    private static final TesseractOCRConfig NO_TIKA_OCR = noTikaOcr();

    private static TesseractOCRConfig noTikaOcr() {
        TesseractOCRConfig config = new TesseractOCRConfig();
        config.setSkipOcr(true);
        return config;
    }

    private static int pageCount(Metadata metadata) {
        String pages = metadata.get("xmpTPg:NPages");
        try {
            return pages == null ? -1 : Integer.parseInt(pages.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * DOCX through POI's streaming SAX extractor instead of the XMLBeans DOM one: the same paragraphs and
     * table cells at about a third of the time (the DOM extractor was half of all parse time on DOCX).
     */
    private static OfficeParserConfig officeConfig() {
        OfficeParserConfig config = new OfficeParserConfig();
        config.setUseSAXDocxExtractor(true);
        return config;
    }

    private static OutputLimitException outputLimit(Throwable e) {
        return causes(e).filter(OutputLimitException.class::isInstance).map(OutputLimitException.class::cast)
                .findFirst().orElse(null);
    }

    /**
     * A page nested deeper than Tika's guard allows is named as what it is, not as the zip bomb Tika's message
     * suspects (a web page with thousands of unclosed tags is one); null for any other failure.
     */
    static String nestingTooDeep(Throwable e) {
        return causes(e).map(Throwable::getMessage).filter(Objects::nonNull).map(NESTING_GUARD::matcher)
                .filter(Matcher::find).findFirst()
                .map(levels -> "the document's elements are nested more than " + levels.group(1)
                        + " levels deep, where parsing stops (a page of unclosed tags, or a document built to exhaust"
                        + " the parser)")
                .orElse(null);
    }

    /** The exception and its causes, outermost first. */
    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause());
    }

    static boolean isReportType(String contentType) {
        MediaType type = MediaType.parse(contentType);
        return type != null && REPORT_TYPES.contains(type.getBaseType().toString());
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (root != e) {
            message += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return message;
    }
}
