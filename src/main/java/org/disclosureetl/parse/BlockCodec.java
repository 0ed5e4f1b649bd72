package org.disclosureetl.parse;

import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.vocabulary.ErrorType;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * How a {@link ParsedDocument} crosses from a child JVM to the parent. The child runs Tika and the
 * {@link BlockCollector} itself (so the character limit stops the parser where it runs) and sends the
 * finished blocks as one SAX {@code characters} event through the content handler that ForkParser proxies
 * back to the parent, where a {@link Receiver} decodes them.
 * <p>
 * Why not let ForkParser proxy Tika's XHTML events straight into a parent-side BlockCollector? It does
 * replay them, but Tika 3.3.1's ForkClient ignores an exception thrown by the parent's handler: the
 * collector's output limit would be dropped silently, the child would keep parsing, and the document would
 * come back cut short as if it were whole. It would also cost a pipe write per SAX event.
 * <p>
 * The payload is plain text: the content type, then per block a kind letter ({@code L} text line,
 * {@code R} table row) and length-prefixed fields ({@code 5:hello}), a row with its cell count first.
 * Length prefixes make every character, newlines and tabs included, safe without escaping.
 * <p>
 * A document the child could not parse comes back the same way, as {@code !}, the error type and the message
 * ({@link #sendFailure}): an exception thrown in the child would have to be deserialized in the parent, and a child
 * started from the application's jar folder ({@link ChildJvm}) sends exceptions back that the parent's ForkParser can
 * only resolve against the JDK's own classes.
 */
final class BlockCodec {

    /** Starts a failure's payload; a document's starts with a digit (its content type's length). */
    private static final String FAILURE = "!";

    private BlockCodec() {
    }

    static String encode(ParsedDocument document) {
        StringBuilder sb = new StringBuilder(document.blocks().size() * 64);
        field(sb, document.contentType());
        for (Block block : document.blocks()) {
            if (block instanceof Block.TextLine line) {
                sb.append('L');
                field(sb, line.where());
                field(sb, line.text());
            } else if (block instanceof Block.TableRow row) {
                sb.append('R');
                field(sb, row.where());
                sb.append(row.cells().size()).append(':');
                for (String cell : row.cells()) {
                    field(sb, cell);
                }
            }
        }
        return sb.toString();
    }

    /** The document, or the {@link DocumentParseException} the child sent instead of one. */
    static ParsedDocument decode(String payload) {
        Reader reader = new Reader(payload);
        if (payload.startsWith(FAILURE)) {
            reader.next();
            ErrorType type = ErrorType.valueOf(reader.field());
            throw new DocumentParseException(type, reader.field());
        }
        String contentType = reader.field();
        List<Block> blocks = new ArrayList<>();
        while (!reader.atEnd()) {
            char kind = reader.next();
            if (kind == 'L') {
                String where = reader.field();
                blocks.add(new Block.TextLine(reader.field(), where));
            } else if (kind == 'R') {
                String where = reader.field();
                int n = reader.number();
                List<String> cells = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    cells.add(reader.field());
                }
                blocks.add(new Block.TableRow(cells, where));
            } else {
                throw new IllegalArgumentException("bad block kind '" + kind + "' at " + (reader.pos - 1));
            }
        }
        return new ParsedDocument(contentType, blocks);
    }

    /** Sends the document as one SAX document to {@code handler} (in a child: ForkParser's proxy to the parent). */
    static void send(ParsedDocument document, ContentHandler handler) throws SAXException {
        char[] payload = encode(document).toCharArray();
        handler.startDocument();
        handler.characters(payload, 0, payload.length);
        handler.endDocument();
    }

    /** Sends the child's failure to parse as one SAX document; {@link Receiver#document()} throws it in the parent. */
    static void sendFailure(DocumentParseException failure, ContentHandler handler) throws SAXException {
        StringBuilder sb = new StringBuilder(FAILURE);
        field(sb, failure.errorType().name());
        field(sb, String.valueOf(failure.getMessage()));
        char[] payload = sb.toString().toCharArray();
        handler.startDocument();
        handler.characters(payload, 0, payload.length);
        handler.endDocument();
    }

    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value);
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char next() {
            return s.charAt(pos++);
        }

        int number() {
            int colon = s.indexOf(':', pos);
            if (colon < 0) {
                throw new IllegalArgumentException("missing length at " + pos);
            }
            int n = Integer.parseInt(s, pos, colon, 10);
            pos = colon + 1;
            return n;
        }

        String field() {
            int n = number();
            String value = s.substring(pos, pos + n);
            pos += n;
            return value;
        }
    }

    /** The parent's end: collects what the child sent, then {@link #document()} decodes it. */
    static final class Receiver extends DefaultHandler {
        private final StringBuilder payload = new StringBuilder();
        private boolean ended;

        @Override
        public void characters(char[] ch, int start, int length) {
            payload.append(ch, start, length);
        }

        @Override
        public void endDocument() {
            ended = true;
        }

        /**
         * The decoded document, or null if the child never finished sending one.
         *
         * @throws DocumentParseException what the child sent instead of a document
         */
        ParsedDocument document() {
            return ended ? decode(payload.toString()) : null;
        }
    }
}
