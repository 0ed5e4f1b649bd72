package org.disclosureetl.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Test-only parser for the child JVMs: misbehaves as the file name asks, otherwise parses for real with
 * {@link ForkChildParser}. It runs inside a real child process; ForkParser loads this class there from
 * the test class path.
 * <ul>
 * <li>{@code hang*}: sleeps forever, like a parser stuck in a loop</li>
 * <li>{@code stubborn*}: sleeps forever and blocks the JVM's exit, so the child's own watchdog cannot end it</li>
 * <li>{@code oom*}: allocates until the heap is gone</li>
 * <li>{@code halt*}: the JVM dies on the spot, like a crash in native code</li>
 * <li>{@code alive*}: answers one text line at once, without Tika (a cheap proof that a child works)</li>
 * </ul>
 */
final class MisbehavingChildParser implements Parser {

    private static final long serialVersionUID = 1L;

    private final ForkChildParser real;

    MisbehavingChildParser(long maxChars) {
        this.real = new ForkChildParser(maxChars);
    }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of();
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (name.startsWith("hang")) {
            sleepForever();
        } else if (name.startsWith("stubborn")) {
            Runtime.getRuntime().addShutdownHook(new Thread(MisbehavingChildParser::sleepForever));
            sleepForever();
        } else if (name.startsWith("oom")) {
            List<long[]> hog = new ArrayList<>();
            while (true) {
                hog.add(new long[1 << 20]);
            }
        } else if (name.startsWith("halt")) {
            Runtime.getRuntime().halt(134);
        } else if (name.startsWith("alive")) {
            BlockCodec.send(new ParsedDocument("text/plain", List.of(new Block.TextLine("alive " + name, "line 1"))),
                    handler);
        } else {
            real.parse(stream, handler, metadata, context);
        }
    }

    private static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // keep hanging
            }
        }
    }
}
