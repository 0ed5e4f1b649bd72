package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReportParser#prepareFor}: the discover stage tells the parser which files are coming, and a child JVM is
 * started (and Tika built in it) before the first document that needs one, in real child JVMs.
 */
@Tag(TestKinds.PROCESSES)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParserWarmUpTest {

    @TempDir
    Path dir;

    private ReportParser parser;
    private ParserChildren children;

    @BeforeEach
    void rememberOtherChildren() {
        children = new ParserChildren();
        parser = new ReportParser(ParseProperties.defaults().withPoolSize(2));
    }

    @AfterEach
    void close() {
        parser.close();
    }

    @Test
    void aPdfAmongTheFilesStartsOneChildBeforeAnyDocumentAndTheDocumentIsParsedThere() throws Exception {
        Path pdf = Fixtures.resource("real/B01_hongze-2023.pdf");

        parser.prepareFor(List.of(text("a.txt"), pdf));

        List<ProcessHandle> started = children.awaitStarted();
        assertThat(started).hasSize(1);
        ParsedDocument parsed = parser.parse(pdf);
        assertThat(parsed.contentType()).isEqualTo("application/pdf");
        assertThat(parsed.plainText()).contains("政府信息公开");
        // the run is short (two files): one child, the one started ahead, parsed it
        assertThat(children.started()).isEqualTo(started);
    }

    @Test
    void textAloneStartsNoChild() throws Exception {
        parser.prepareFor(List.of(text("a.txt"), text("b.txt")));

        Thread.sleep(500); // a warm-up would have spawned its child by now (it starts at once, on its own thread)
        assertThat(children.started()).isEmpty();
        assertThat(parser.parse(dir.resolve("a.txt")).contentType()).startsWith("text/plain");
        assertThat(children.started()).isEmpty();
    }

    @Test
    void nothingComingStartsNothing() throws Exception {
        parser.prepareFor(List.of());

        Thread.sleep(500);
        assertThat(children.started()).isEmpty();
    }

    private Path text(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "政府信息公开工作年度报告\n");
    }
}
