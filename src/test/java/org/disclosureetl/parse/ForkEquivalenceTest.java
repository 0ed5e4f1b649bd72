package org.disclosureetl.parse;

import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.testsupport.HostileCorpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Fork isolation changes where Tika runs, not what comes out: the same blocks as in-process parsing. */
@Tag(TestKinds.PROCESSES)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ForkEquivalenceTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private static ReportParser fork;
    private static ReportParser inProcess;

    @BeforeAll
    static void startParsers() {
        // every type in the child, text too: the equivalence is what is tested
        fork = new ReportParser(ParseProperties.defaults().withPoolSize(1).forkingEveryType());
        inProcess = new ReportParser(ParseProperties.defaults().withIsolation(ParseProperties.Isolation.IN_PROCESS));
    }

    @AfterAll
    static void stopParsers() {
        fork.close();
        inProcess.close();
    }

    @Test
    void docxKeepsItsTableRows() throws IOException {
        ParsedDocument parsed = sameInBothModes(HostileCorpus.DOCX_002);

        assertThat(parsed.contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(parsed.blocks()).hasAtLeastOneElementOfType(Block.TableRow.class);
    }

    /**
     * Table rows laid on their grid (HTML spans, a Word document's own grid, XLSX merged regions: TableGrid) are the
     * same from a child.
     */
    @Test
    void spannedGridsKeepTheirPlacesInAChild() throws IOException {
        for (String format : List.of("html", "docx", "doc", "xlsx")) {
            ParsedDocument parsed = sameInBothModes(FIXTURES.resolve("grids/" + format + "/real-B01_hongze-2023." + format));

            // under two row-group labels spanning down, with a blank spanning down from the row above: 3 + 7 cells
            assertThat(parsed.blocks()).as(format).filteredOn(Block.TableRow.class::isInstance)
                    .map(block -> ((Block.TableRow) block).cells())
                    .filteredOn(cells -> cells.contains("2. 其他法律行政法规禁止公开"))
                    .singleElement().satisfies(cells -> assertThat(cells).hasSize(10).startsWith("", ""));
        }
    }

    @Test
    void pdfKeepsItsPagedLines() throws IOException {
        ParsedDocument parsed = sameInBothModes(Fixtures.resource("fixtures/formats/pdf/002_2bd72b0ede0a148a.pdf"));

        assertThat(parsed.contentType()).isEqualTo("application/pdf");
        assertThat(parsed.blocks()).allSatisfy(block -> assertThat(block).isInstanceOf(Block.TextLine.class));
        // the document's title metadata comes first, then every line of text with its page
        assertThat(parsed.blocks()).extracting(Block::where).startsWith("head dc:title", "head title");
        assertThat(parsed.blocks().subList(2, parsed.blocks().size()))
                .allSatisfy(block -> assertThat(block.where()).startsWith("page "));
    }

    @Test
    void txt() throws IOException {
        ParsedDocument parsed = sameInBothModes(Fixtures.resource("seeds/000_e61bf2b8057539f0.txt"));

        assertThat(parsed.contentType()).isEqualTo("text/plain; charset=UTF-8");
    }

    /** The file name must reach the child: without it Tika reads Big5/GB18030 text as octet-stream. */
    @Test
    void big5AndGb18030TextStillDetectedByName() throws IOException {
        assertThat(sameInBothModes(FIXTURES.resolve("encodings/000-big5.txt")).contentType())
                .isEqualTo("text/plain; charset=Big5");
        assertThat(sameInBothModes(FIXTURES.resolve("encodings/002-gb18030.txt")).contentType())
                .isEqualTo("text/plain; charset=GB18030");
    }

    @Test
    void sameErrorTypesInBothModes(@TempDir Path dir) throws IOException {
        List<Path> files = List.of(HostileCorpus.empty(dir), HostileCorpus.randomBytesPdf(dir),
                HostileCorpus.truncatedDocx(dir), HostileCorpus.encryptedPdf(dir), HostileCorpus.entityBombXml(dir),
                HostileCorpus.entityBombDocx(dir), HostileCorpus.png(dir));
        List<String> expected = List.of("empty_file", "parse_error", "parse_error", "encrypted", "parse_error",
                "parse_error", "unsupported_type");

        for (ReportParser parser : List.of(fork, inProcess)) {
            assertThat(files).as("error types with %s", parser.isolation())
                    .map(file -> catchThrowableOfType(() -> parser.parse(file), DocumentParseException.class).errorType().code())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void outputLimitInBothModes() {
        Path txt = Fixtures.resource("seeds/000_e61bf2b8057539f0.txt");
        ParseProperties limited = ParseProperties.defaults().withMaxChars(1000).withPoolSize(1);
        for (ParseProperties properties : List.of(limited,
                limited.withIsolation(ParseProperties.Isolation.IN_PROCESS))) {
            try (ReportParser parser = new ReportParser(properties)) {
                DocumentParseException e = catchThrowableOfType(() -> parser.parse(txt), DocumentParseException.class);

                assertThat(e.errorType()).isEqualTo(ErrorType.OUTPUT_LIMIT);
                assertThat(e.getMessage()).isEqualTo("text output exceeds the limit of 1000 characters");
            }
        }
    }

    @Test
    void underForkTextAndHtmlAreParsedHereAndOtherTypesInAChild(@TempDir Path dir) throws IOException {
        Path pdf = Fixtures.resource("fixtures/formats/pdf/002_2bd72b0ede0a148a.pdf");
        Path pdfNamedTxt = Files.copy(pdf, dir.resolve("really-a-pdf.txt"));
        long before = childJvms();
        try (ReportParser parser = new ReportParser(ParseProperties.defaults().withPoolSize(1))) {
            assertThat(parser.parse(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt")).contentType())
                    .isEqualTo("text/plain; charset=UTF-8");
            assertThat(parser.parse(Fixtures.resource("fixtures/formats/html/002_2bd72b0ede0a148a.html")).contentType())
                    .startsWith("text/html");
            assertThat(childJvms()).isEqualTo(before);

            // the leading bytes decide, not the name: a PDF called .txt still goes to a child
            assertThat(parser.parse(pdfNamedTxt).contentType()).isEqualTo("application/pdf");
            assertThat(childJvms()).isEqualTo(before + 1);
            assertThat(parser.parse(pdf).blocks()).isEqualTo(inProcess.parse(pdf).blocks());
        }
    }

    @Test
    void aShortRunStartsItsChildrenWithTheQuickCompilerOnlyALongOneWithBoth() throws IOException {
        Path pdf = Fixtures.resource("fixtures/formats/pdf/002_2bd72b0ede0a148a.pdf");
        for (long documents : List.of(9_999L, 10_000L)) {
            List<List<String>> before = childCommands();
            try (ReportParser parser = new ReportParser(ParseProperties.defaults().withPoolSize(1))) {
                parser.expectDocuments(documents);
                parser.parse(pdf);
                List<List<String>> started = childCommands();
                started.removeAll(before);
                assertThat(started).as("children started for a run of %d", documents).hasSize(1);
                assertThat(started.get(0).contains(ForkParsePool.QUICK_START)).as("quick start at %d", documents)
                        .isEqualTo(documents < 10_000);
            }
        }
    }

    @Test
    void aShortRunParsesInOneChildWhateverThePoolSize() throws Exception {
        Path pdf = Fixtures.resource("fixtures/formats/pdf/002_2bd72b0ede0a148a.pdf");
        Path docx = Fixtures.resource("fixtures/formats/docx/002_2bd72b0ede0a148a.docx");
        List<List<String>> before = childCommands();
        try (ReportParser parser = new ReportParser(ParseProperties.defaults().withPoolSize(3))) {
            parser.expectDocuments(10);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                List<java.util.concurrent.Future<ParsedDocument>> parsed = threads.invokeAll(List.of(
                        () -> parser.parse(pdf), () -> parser.parse(docx), () -> parser.parse(pdf)));
                for (java.util.concurrent.Future<ParsedDocument> each : parsed) {
                    assertThat(each.get().blocks()).isNotEmpty();
                }
            } finally {
                threads.shutdown();
            }
            List<List<String>> started = childCommands();
            started.removeAll(before);
            assertThat(started).hasSize(1);
        }
    }

    /** After a short run the next long one gets every slot back (a scheduled process runs both kinds). */
    @Test
    void aLongRunAfterAShortOneUsesEveryChildAgain() throws IOException {
        Path pdf = Fixtures.resource("fixtures/formats/pdf/002_2bd72b0ede0a148a.pdf");
        List<List<String>> before = childCommands();
        try (ReportParser parser = new ReportParser(ParseProperties.defaults().withPoolSize(2))) {
            parser.expectDocuments(10);
            parser.parse(pdf);
            parser.parse(pdf);
            List<List<String>> shortRun = childCommands();
            shortRun.removeAll(before);
            assertThat(shortRun).hasSize(1);

            parser.expectDocuments(20_000);
            parser.parse(pdf); // the idle slots are taken in turn: the second document goes to the second child
            parser.parse(pdf);
            List<List<String>> longRun = childCommands();
            longRun.removeAll(before);
            longRun.removeAll(shortRun);
            assertThat(longRun).hasSize(1);
            assertThat(longRun.get(0)).doesNotContain(ForkParsePool.QUICK_START);
        }
    }

    private static List<List<String>> childCommands() {
        String marker = "-D" + ForkChildParser.CHILD_PROPERTY + "=";
        return new java.util.ArrayList<>(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .map(p -> p.info().arguments().map(List::of).orElse(List.of()))
                .filter(args -> args.stream().anyMatch(x -> x.startsWith(marker))).toList());
    }

    /** Live parser child JVMs of this test JVM, told by the marker on their command line. */
    private static long childJvms() {
        return childCommands().size();
    }

    private static ParsedDocument sameInBothModes(Path file) throws IOException {
        ParsedDocument forked = fork.parse(file);
        ParsedDocument local = inProcess.parse(file);

        assertThat(forked.blocks()).containsExactlyElementsOf(local.blocks());
        assertThat(forked).isEqualTo(local);
        assertThat(forked.blocks()).isNotEmpty();
        return forked;
    }
}
