package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.csv.TextAndCSVParser;
import org.apache.tika.parser.html.JSoupParser;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The parser this JVM builds for its own text and HTML files under {@code fork} (only Tika's text and HTML parsers,
 * told the type the route detected) gives what Tika with every parser gives, on every text, markdown and HTML file
 * of the fixture tree.
 */
@Tag(TestKinds.PROCESSES)
class TextFormatsParserTest {

    private static final long MAX_CHARS = ParseProperties.defaults().maxChars();

    @Test
    void theSameContentTypeAndBlocksAsTikaWithEveryParser() throws IOException {
        TikaDocumentParser text = TikaDocumentParser.textFormats(MAX_CHARS);
        TikaDocumentParser all = TikaDocumentParser.allFormats(MAX_CHARS);
        List<Path> files = textFiles();

        assertThat(files).hasSize(55)
                .anyMatch(file -> file.toString().endsWith(".html")).anyMatch(file -> file.toString().endsWith(".md"));
        List<String> inThisJvm = new java.util.ArrayList<>();
        try (ReportParser underFork = new ReportParser(ParseProperties.defaults().withPoolSize(1))) {
            for (Path file : files) {
                ParsedDocument expected = all.parse(file, new Metadata());
                ReportParser.Route route = underFork.route(file);
                List<ParsedDocument> results = new java.util.ArrayList<>(List.of(text.parse(file, new Metadata())));
                if (!route.inChild()) {
                    // as the job parses it: the type told apart once, by the route, and not detected again by Tika
                    inThisJvm.add(file.getFileName() + " " + route.type());
                    results.add(underFork.parse(route));
                }
                for (ParsedDocument parsed : results) {
                    assertThat(parsed.contentType()).as(file.toString()).isEqualTo(expected.contentType());
                    assertThat(parsed.blocks()).as(file.toString()).isEqualTo(expected.blocks()).isNotEmpty();
                }
            }
        }
        // markdown too: Tika 3 calls it text/markdown (text/x-web-markdown, the default before, sent it to a child)
        assertThat(inThisJvm).hasSize(55).contains("README.md text/markdown", "101.txt text/plain",
                "000_e61bf2b8057539f0.html text/html");
    }

    @Test
    void itsTypesAreTheDefaultInProcessTypesAndTikaParsesThemWithTheSameParsers() {
        Set<MediaType> defaults = Set.copyOf(ParseProperties.TEXT_TYPES.stream().map(MediaType::parse).toList());
        ParseContext context = new ParseContext();
        Map<MediaType, Parser> everyParser = new DefaultParser().getParsers(context);
        Map<MediaType, Parser> textParsers = new CompositeParser(MediaTypeRegistry.getDefaultRegistry(),
                new TextAndCSVParser(), new JSoupParser()).getParsers(context);

        assertThat(TikaDocumentParser.TEXT_FORMATS).isEqualTo(defaults);
        for (MediaType type : TikaDocumentParser.TEXT_FORMATS) {
            assertThat(parserOf(textParsers, type)).as(type.toString()).isEqualTo(parserOf(everyParser, type))
                    .isIn(TextAndCSVParser.class, JSoupParser.class);
        }
    }

    /** The class of the parser a composite picks for a type: its own, or its nearest supertype's, as Tika does. */
    private static Class<?> parserOf(Map<MediaType, Parser> parsers, MediaType type) {
        for (MediaType t = type; t != null; t = MediaTypeRegistry.getDefaultRegistry().getSupertype(t)) {
            Parser parser = parsers.get(t);
            if (parser != null) {
                return parser.getClass();
            }
        }
        return null;
    }

    private static List<Path> textFiles() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String root : List.of("seeds", "fixtures", "real", "hostile")) {
            try (Stream<Path> walk = Files.walk(Fixtures.resource(root))) {
                walk.filter(Files::isRegularFile)
                        .filter(file -> file.getFileName().toString().matches(".*\\.(txt|html?|md)$"))
                        .forEach(files::add);
            }
        }
        return files.stream().sorted().toList();
    }
}
