package org.disclosureetl.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * The parse stage: one file in, its text lines and table rows out, via Apache Tika.
 * Document problems (corrupt, encrypted, empty, too much text) become
 * {@link DocumentParseException}; I/O failures of the machine stay {@link IOException}s.
 */
@Component
public class ReportParser {

    private final AutoDetectParser tika = new AutoDetectParser();
    private final ParseProperties properties;

    public ReportParser(ParseProperties properties) {
        this.properties = properties;
    }

    public ParsedDocument parse(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new DocumentParseException("empty_file", "the file is empty (0 bytes)");
        }
        Metadata metadata = new Metadata();
        // the name is what lets Tika pick GBK/Big5 for .txt instead of octet-stream
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        ParseContext context = new ParseContext();
        context.set(Parser.class, new EmptyParser()); // embedded images/objects carry no tables
        BlockCollector collector = new BlockCollector(properties.maxChars());
        try (InputStream in = TikaInputStream.get(file)) {
            tika.parse(in, collector, metadata, context);
        } catch (BlockCollector.OutputLimitException e) {
            throw new DocumentParseException("output_limit", e.getMessage(), e);
        } catch (ZeroByteFileException e) {
            throw new DocumentParseException("empty_file", "the file is empty", e);
        } catch (EncryptedDocumentException e) {
            throw new DocumentParseException("encrypted", "the document is encrypted: " + e.getMessage(), e);
        } catch (TikaException | SAXException e) {
            throw new DocumentParseException("parse_error", describe(e), e);
        } catch (RuntimeException e) {
            // parsers throw all sorts of unchecked exceptions on malformed input
            throw new DocumentParseException("parse_error", describe(e), e);
        }
        String contentType = metadata.get(Metadata.CONTENT_TYPE);
        ParsedDocument parsed = new ParsedDocument(contentType == null ? "application/octet-stream" : contentType,
                collector.blocks());
        if (parsed.blocks().isEmpty()) {
            throw new DocumentParseException("no_text",
                    "no text could be extracted (detected type " + parsed.contentType() + ")");
        }
        return parsed;
    }

    private static String describe(Throwable e) {
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
