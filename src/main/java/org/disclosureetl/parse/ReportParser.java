package org.disclosureetl.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.Parser;
import org.disclosureetl.EtlProperties;
import org.disclosureetl.parse.ocr.ScannedPages;
import org.disclosureetl.vocabulary.ErrorType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The parse stage: one file in, its text lines and table rows out, via Apache Tika.
 * Document problems (corrupt, encrypted, empty, too much text, a parser that hangs past
 * {@code etl.parse.timeout} or whose JVM dies) become {@link DocumentParseException}s with these
 * {@link DocumentParseException#errorType() error types}: {@code empty_file}, {@code encrypted},
 * {@code parse_error}, {@code output_limit}, {@code timeout}, {@code parser_crash}, {@code no_text},
 * {@code unsupported_type}. I/O failures of the machine stay {@link IOException}s.
 * <p>
 * With {@code etl.parse.isolation=fork} (the default) Tika runs in a pool of child JVMs, one per extract
 * thread, except for the types of {@code etl.parse.in-process-types} (plain text and HTML), which cannot hang or
 * exhaust memory and are parsed here without paying for a child; with {@code in-process} everything runs in this
 * JVM, unprotected. All give the same blocks.
 */
@Component
public class ReportParser implements AutoCloseable {

    /** How long past the timeout the parent waits for a child's own watchdog before killing it. */
    static final long DEFAULT_GRACE_MILLIS = 5_000;

    private final ParseProperties properties;
    private final ForkParsePool fork;
    /**
     * Children for the files that may be scans ({@link ScannedPages#mayBeScan}), with {@code etl.parse.ocr-timeout}
     * instead of {@code timeout}: made on the first such file.
     */
    private ForkParsePool scans;
    private final Parser childParser;
    private final ChildJvm childJvm;
    private final int poolSize;
    private final long graceMillis;
    private final Set<MediaType> inProcessTypes;
    /** Whether only text and HTML are parsed here, so that a container's signature alone sends a file to a child. */
    private final boolean onlyTextHere;
    /**
     * Tika in this JVM, made on the first document it parses: a command that parses nothing here (runs, export, an
     * unchanged inbox, fork of every type) should not pay for building it. Under {@code fork} it has only the text
     * and HTML parsers when those are all {@code in-process-types} asks for; otherwise every parser.
     */
    private volatile TikaDocumentParser inProcess;
    /** Tesseract processes side by side for one scanned document's pages: one per extract thread, as the children. */
    private final int ocrThreads;

    /** As Spring builds it: one child JVM per extract thread unless {@code etl.parse.pool-size} says otherwise. */
    @Autowired
    public ReportParser(ParseProperties properties, EtlProperties etl) {
        this(properties, properties.poolSize() > 0 ? properties.poolSize() : etl.effectiveThreads());
    }

    /** Outside Spring: one child JVM per core unless {@code pool-size} says otherwise. */
    public ReportParser(ParseProperties properties) {
        this(properties, properties.poolSize() > 0 ? properties.poolSize() : Runtime.getRuntime().availableProcessors());
    }

    private ReportParser(ParseProperties properties, int poolSize) {
        this(properties, poolSize, new ForkChildParser(properties.maxChars(), poolSize), ChildJvm.ofThisProcess(),
                DEFAULT_GRACE_MILLIS);
    }

    /** For tests: {@code childParser} is what runs inside each child JVM, which gets its classes as {@code childJvm} says. */
    ReportParser(ParseProperties properties, int poolSize, Parser childParser, ChildJvm childJvm, long graceMillis) {
        this.properties = properties;
        this.ocrThreads = poolSize;
        this.childParser = childParser;
        this.childJvm = childJvm;
        this.poolSize = poolSize;
        this.graceMillis = graceMillis;
        this.inProcessTypes = properties.inProcessTypes().stream().map(MediaType::parse).collect(Collectors.toSet());
        this.onlyTextHere = TikaDocumentParser.TEXT_FORMATS.containsAll(inProcessTypes);
        if (properties.isolation() == ParseProperties.Isolation.FORK) {
            this.fork = new ForkParsePool(childParser, childJvm, poolSize, properties.timeout().toMillis(), graceMillis,
                    properties.childHeap().toMegabytes());
        } else {
            this.fork = null;
        }
    }

    public ParseProperties.Isolation isolation() {
        return properties.isolation();
    }

    public ParsedDocument parse(Path file) throws IOException {
        return parse(route(file));
    }

    /**
     * Where a file is parsed, and the type it was told apart by when it is parsed in this JVM: decided once per file,
     * since telling its type reads its leading bytes and runs Tika's magic rules, which was a tenth of this JVM's
     * work on a mixed inbox when it was done for the decision, again for the parse and again by Tika itself.
     *
     * @param type the type Tika's detection gave from the name and leading bytes, for a file parsed here; null for a
     *             file that goes to a child (whose Tika looks inside containers too) or an empty one
     */
    public record Route(Path file, boolean inChild, MediaType type) {
    }

    /** Decides where the file is parsed; an empty file is refused by {@link #parse(Route)}. */
    public Route route(Path file) throws IOException {
        return route(file, onlyTextHere);
    }

    /** {@link #route} by Tika's detection alone, which it gives the same answer as (ReportParserRouteTest). */
    Route routeByDetection(Path file) throws IOException {
        return route(file, false);
    }

    /**
     * The file's type from its name and leading bytes, as Tika's own detection starts (no container peeking); the
     * exact type, not its supertypes, is what decides: XML is a kind of text/plain to Tika, and XML can be hostile.
     * With {@code bySignature} a container's signature sends the file to a child before Tika's magic rules run.
     */
    private Route route(Path file, boolean bySignature) throws IOException {
        if (fork == null || Files.size(file) == 0) {
            return new Route(file, false, null);
        }
        try (TikaInputStream in = TikaInputStream.get(file)) {
            if (bySignature && startsLikeAContainer(in)) {
                return new Route(file, true, null);
            }
            MediaType type = MimeTypes.getDefaultMimeTypes().detect(in, nameOnly(file)).getBaseType();
            return inProcessTypes.contains(type) ? new Route(file, false, type) : new Route(file, true, null);
        }
    }

    /**
     * The leading bytes of PDF, ZIP (DOCX, XLSX) and OLE2 (DOC, XLS). Tika's magic takes a file that starts with one
     * of them for that kind of container whatever its name is, never for text or HTML; so such a file goes to a child,
     * which detects it anyway, without Tika's magic rules running over it here as well (0.8 ms a file).
     */
    private static final List<byte[]> CONTAINER_SIGNATURES = List.of(
            "%PDF-".getBytes(StandardCharsets.US_ASCII),
            new byte[] {'P', 'K', 3, 4},
            new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});

    private static final int SIGNATURE_BYTES = 8;

    /** Peeks at the leading bytes; the stream is left where it was, for Tika's detection. */
    private static boolean startsLikeAContainer(TikaInputStream in) throws IOException {
        in.mark(SIGNATURE_BYTES);
        byte[] head = in.readNBytes(SIGNATURE_BYTES);
        in.reset();
        for (byte[] signature : CONTAINER_SIGNATURES) {
            if (head.length >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0, signature.length)) {
                return true;
            }
        }
        return false;
    }

    public ParsedDocument parse(Route route) throws IOException {
        Path file = route.file();
        if (Files.size(file) == 0) {
            throw new DocumentParseException(ErrorType.EMPTY_FILE, "the file is empty (0 bytes)");
        }
        Metadata metadata = nameOnly(file);
        if (route.inChild()) {
            return (ScannedPages.mayBeScan(file) ? scans() : fork).parse(file, metadata);
        }
        if (route.type() != null) {
            TikaDocumentParser.alreadyDetected(metadata, route.type());
        }
        return inProcess().parse(file, metadata);
    }

    private synchronized ForkParsePool scans() {
        if (scans == null) {
            scans = new ForkParsePool(childParser, childJvm, poolSize, properties.ocrTimeout().toMillis(), graceMillis,
                    properties.childHeap().toMegabytes());
        }
        return scans;
    }

    private TikaDocumentParser inProcess() {
        TikaDocumentParser parser = inProcess;
        if (parser == null) {
            synchronized (this) {
                parser = inProcess;
                if (parser == null) {
                    parser = fork != null && TikaDocumentParser.TEXT_FORMATS.containsAll(inProcessTypes)
                            ? TikaDocumentParser.textFormats(properties.maxChars())
                            : TikaDocumentParser.allFormats(properties.maxChars(), ocrThreads);
                    inProcess = parser;
                }
            }
        }
        return parser;
    }

    /** How many of the files about to be read {@link #prepareFor} looks at to tell which parsers they need. */
    static final int PREPARE_LOOKS_AT = 64;

    /**
     * Gets ready for files about to be read, before they are hashed and registered: builds Tika in this JVM if
     * one of the first {@value #PREPARE_LOOKS_AT} is parsed here, and starts a child JVM if one of them is sent
     * to a child (sized for the run as {@link #expectDocuments} would be for this many). All of it happens on
     * threads of their own, beside the discover stage, instead of on an extract thread that waits for it.
     */
    public void prepareFor(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        List<Path> first = List.copyOf(files.subList(0, Math.min(PREPARE_LOOKS_AT, files.size())));
        int coming = files.size();
        // the first detection loads Tika's type registry (a few hundred ms): that too is done beside the discover stage
        Thread thread = new Thread(() -> warmUp(first, coming), "parse-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void warmUp(List<Path> first, int coming) {
        boolean here = fork == null;
        boolean child = false;
        for (Path file : first) {
            if (here && (child || fork == null)) {
                break;
            }
            try {
                Route route = route(file);
                if (route.inChild()) {
                    child = true;
                } else if (route.type() != null) {
                    here = true;
                } // else empty: refused before any parser
            } catch (IOException unreadable) {
                // its read error is the discover stage's to report
            }
        }
        if (child) {
            expectDocuments(coming);
            fork.warmUp();
        }
        if (here) {
            inProcess();
        }
    }

    /** The name is what lets Tika pick GBK/Big5 for .txt instead of octet-stream. */
    private static Metadata nameOnly(Path file) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        return metadata;
    }

    /**
     * Tells the parser how many documents the coming run has: under {@code fork}, fewer than
     * {@code etl.parse.quick-start-below} are parsed by one child JVM with the quick JIT compiler only.
     */
    public void expectDocuments(long documents) {
        if (fork != null) {
            fork.shortRun(documents < properties.quickStartBelow());
        }
    }

    /** Stops the child JVMs. */
    @Override
    public void close() {
        if (fork != null) {
            fork.close();
        }
        synchronized (this) {
            if (scans != null) {
                scans.close();
            }
        }
    }
}
