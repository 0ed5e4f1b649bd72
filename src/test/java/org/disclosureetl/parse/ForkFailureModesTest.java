package org.disclosureetl.parse;

import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.testsupport.HostileCorpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Parsers that hang, run out of memory or crash, in real child JVMs: each takes down only its own
 * document. The misbehaviour comes from {@link MisbehavingChildParser} (a test-only parser inside the
 * child), because no real Tika 3.3.1 parser could be made to hang on a file.
 */
@Tag(TestKinds.PROCESSES)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ForkFailureModesTest {

    @TempDir
    Path dir;

    private ReportParser parser;
    private ParserChildren children;

    @org.junit.jupiter.api.BeforeEach
    void rememberOtherChildren() {
        children = new ParserChildren();
    }

    @AfterEach
    void closeAndCheckNoChildIsLeft() {
        if (parser != null) {
            parser.close();
        }
        assertThat(children.started()).isEmpty();
    }

    @Test
    void hungParserIsKilledAtTheTimeoutAndTheNextDocumentGetsAFreshChild() throws IOException {
        parser = misbehaving(ParseProperties.defaults().withTimeout(Duration.ofSeconds(2)), 1, 10_000);

        long start = System.nanoTime();
        DocumentParseException e = catchThrowableOfType(() -> parser.parse(file("hang.txt")),
                DocumentParseException.class);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.errorType()).isEqualTo(ErrorType.TIMEOUT);
        assertThat(e.getMessage()).startsWith("parsing did not finish within 2 s; the parser process was killed after ");
        assertThat(millis).isBetween(2_000L, 20_000L);
        assertThat(parser.parse(file("alive.txt")).blocks())
                .containsExactly(new Block.TextLine("alive alive.txt", "line 1"));
    }

    @Test
    void childThatBlocksItsOwnExitIsKilledByTheParentAfterTheGracePeriod() throws IOException {
        parser = misbehaving(ParseProperties.defaults().withTimeout(Duration.ofSeconds(2)), 1, 1_000);

        long start = System.nanoTime();
        DocumentParseException e = catchThrowableOfType(() -> parser.parse(file("stubborn.txt")),
                DocumentParseException.class);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.errorType()).isEqualTo(ErrorType.TIMEOUT);
        assertThat(e.getMessage()).startsWith("parsing did not finish within 2 s; the parser process was killed after ");
        assertThat(millis).isBetween(3_000L, 20_000L); // timeout 2 s + grace 1 s
        assertThat(parser.parse(file("alive.txt")).blocks())
                .containsExactly(new Block.TextLine("alive alive.txt", "line 1"));
    }

    @Test
    void outOfMemoryKillsOnlyTheChildAndARealReportParsesAfterwards() throws IOException {
        parser = misbehaving(ParseProperties.defaults().withChildHeap(DataSize.ofMegabytes(128)), 1, 10_000);

        DocumentParseException e = catchThrowableOfType(() -> parser.parse(file("oom.txt")),
                DocumentParseException.class);

        assertThat(e.errorType()).isEqualTo(ErrorType.PARSER_CRASH);
        assertThat(e.getMessage()).startsWith("the parser process died after ")
                .endsWith(" (out of memory beyond -Xmx128m, or a JVM crash)");
        ParsedDocument report = parser.parse(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt"));
        try (ReportParser inProcess = new ReportParser(
                ParseProperties.defaults().withIsolation(ParseProperties.Isolation.IN_PROCESS))) {
            assertThat(report).isEqualTo(inProcess.parse(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt")));
        }
    }

    @Test
    void crashedChildJvmIsAParserCrash() throws IOException {
        parser = misbehaving(ParseProperties.defaults(), 1, 10_000);

        DocumentParseException e = catchThrowableOfType(() -> parser.parse(file("halt.txt")),
                DocumentParseException.class);

        assertThat(e.errorType()).isEqualTo(ErrorType.PARSER_CRASH);
        assertThat(e.getMessage()).startsWith("the parser process died after ")
                .endsWith(" (out of memory beyond -Xmx512m, or a JVM crash)");
        assertThat(parser.parse(file("alive.txt")).blocks())
                .containsExactly(new Block.TextLine("alive alive.txt", "line 1"));
    }

    @Test
    void otherDocumentsKeepParsingInTheOtherChildWhileOneHangs() throws Exception {
        parser = misbehaving(ParseProperties.defaults().withTimeout(Duration.ofSeconds(4)), 2, 10_000);
        Path hang = file("hang.txt");
        CompletableFuture<DocumentParseException> hung = CompletableFuture.supplyAsync(
                () -> catchThrowableOfType(() -> parser.parse(hang), DocumentParseException.class));
        Thread.sleep(300); // let the hang take its child

        for (int i = 0; i < 5; i++) {
            assertThat(parser.parse(file("alive-" + i + ".txt")).blocks())
                    .containsExactly(new Block.TextLine("alive alive-" + i + ".txt", "line 1"));
        }
        assertThat(hung).isNotDone();

        assertThat(hung.get(10, TimeUnit.SECONDS).errorType()).isEqualTo(ErrorType.TIMEOUT);
    }

    private static ReportParser misbehaving(ParseProperties properties, int poolSize, long graceMillis) {
        // .txt files stand for any document here: every type goes to the (misbehaving) child
        return new ReportParser(properties.forkingEveryType(), poolSize, new MisbehavingChildParser(properties.maxChars()),
                ChildJvm.OVER_THE_PIPE, graceMillis);
    }

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "not empty\n");
    }
}
