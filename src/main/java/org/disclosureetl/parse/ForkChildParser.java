package org.disclosureetl.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.disclosureetl.vocabulary.ErrorType;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The parser that runs in each child JVM: built there by {@link ForkChildParserFactory} when the child loads
 * the application's jar, or serialized into it by ForkParser otherwise. It reads the file named by the
 * {@link Request} itself (not the stream ForkParser would pipe over from the parent), runs
 * {@link TikaDocumentParser} with the {@link BlockCollector} and its character limit, and sends the blocks
 * back with {@link BlockCodec}. Document problems go back through the codec too ({@link BlockCodec#sendFailure});
 * file I/O faults as an {@link IOException} of the JDK's own, which any child's parent can deserialize.
 */
final class ForkChildParser implements Parser {

    private static final long serialVersionUID = 1L;

    /** System property set on every child JVM's command line; its value names the pool slot. */
    static final String CHILD_PROPERTY = "disclosureetl.parse.child";

    private static final AtomicBoolean WATCHING_PARENT = new AtomicBoolean();

    private final long maxChars;
    /** Tesseract processes side by side for one scanned document's pages. */
    private final int ocrThreads;

    long maxChars() {
        return maxChars;
    }

    int ocrThreads() {
        return ocrThreads;
    }
    private transient TikaDocumentParser tika;

    /** @param maxChars the character limit of the {@link BlockCollector} */
    ForkChildParser(long maxChars) {
        this(maxChars, 1);
    }

    ForkChildParser(long maxChars, int ocrThreads) {
        this.maxChars = maxChars;
        this.ocrThreads = ocrThreads;
    }

    /**
     * Which file to parse: the child opens it by path, so PDF and ZIP parsers get random access.
     *
     * @param path the file's {@code file:} URI: exact bytes of its name whatever the child's locale; null for
     *             {@link #WARM_UP}
     */
    record Request(String path) implements Serializable {
        /** No file: the child builds its parser and sends nothing back, so the first document finds it ready. */
        static final Request WARM_UP = new Request(null);
    }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of();
    }

    @Override
    public void parse(InputStream unused, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException {
        exitWithParent();
        Request request = context.get(Request.class);
        if (request == null) {
            throw new IllegalStateException("no " + Request.class.getName() + " in the parse context");
        }
        if (request.path() == null) {
            tika();
            return;
        }
        ParsedDocument parsed;
        try {
            parsed = tika().parse(Path.of(URI.create(request.path())), metadata);
        } catch (DocumentParseException e) {
            BlockCodec.sendFailure(e, handler);
            return;
        } catch (OutOfMemoryError e) {
            throw e; // the child runs with -XX:+ExitOnOutOfMemoryError; should one get here, let it die
        } catch (Error e) {
            // StackOverflowError on deep nesting, a LinkageError...: the document's fault, but this JVM is
            // suspect now; the parent retires it on parser_crash
            BlockCodec.sendFailure(new DocumentParseException(ErrorType.PARSER_CRASH,
                    "the parser failed with " + TikaDocumentParser.describe(e)), handler);
            return;
        } catch (IOException e) {
            throw jdkOnly(e);
        }
        BlockCodec.send(parsed, handler);
    }

    /** The I/O fault as it is if the JDK knows every class in it, else as a plain IOException with its description. */
    private static IOException jdkOnly(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!t.getClass().getName().startsWith("java.")) {
                return new IOException(TikaDocumentParser.describe(e));
            }
        }
        return e;
    }

    private synchronized TikaDocumentParser tika() {
        if (tika == null) {
            tika = TikaDocumentParser.allFormats(maxChars, ocrThreads);
        }
        return tika;
    }

    /**
     * A child whose parent is gone (killed -9, say) must not live on. Only in a child JVM: the parent
     * never calls parse on this class, but the guard keeps it that way.
     */
    private static void exitWithParent() {
        if (System.getProperty(CHILD_PROPERTY) == null || !WATCHING_PARENT.compareAndSet(false, true)) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
                .thenRun(() -> Runtime.getRuntime().halt(2)));
    }
}
