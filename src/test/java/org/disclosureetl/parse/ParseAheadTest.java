package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.disclosureetl.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link ParseAhead} with real child JVMs: what goes to a child starts when offered, and comes out as a direct parse would. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParseAheadTest {

    private static final String CHILD_ARGUMENT = "-D" + ForkChildParser.CHILD_PROPERTY + "=";

    @TempDir
    Path dir;

    private ReportParser parser;
    private ParseAhead ahead;
    private Set<Long> othersChildren;

    @BeforeEach
    void start() {
        othersChildren = children().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
        parser = new ReportParser(ParseProperties.defaults().withPoolSize(1));
        ahead = new ParseAhead(parser);
    }

    @AfterEach
    void close() {
        ahead.close();
        parser.close();
    }

    @Test
    void aPdfOfferedStartsParsingInAChildAndIsTakenFromThere() throws Exception {
        Path pdf = Fixtures.resource("real/B01_hongze-2023.pdf");

        ahead.offer(pdf);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ours().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ours()).hasSize(1); // started by the offer alone
        ParsedDocument taken = ahead.parse(pdf);
        assertThat(taken).isEqualTo(parser.parse(pdf));
        assertThat(taken.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void aDocumentThatFailsAheadFailsTheSameWayWhenTaken() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog >>\n");
        DocumentParseException direct = catchThrowableOfType(DocumentParseException.class, () -> parser.parse(broken));

        ahead.offer(broken);
        DocumentParseException taken = catchThrowableOfType(DocumentParseException.class, () -> ahead.parse(broken));

        assertThat(taken.errorType()).isEqualTo(direct.errorType());
        assertThat(taken.getMessage()).isEqualTo(direct.getMessage());
    }

    @Test
    void textIsParsedWhenTakenOnTheCallersThreadAndStartsNoChild() throws Exception {
        Path text = Files.writeString(dir.resolve("a.txt"), "政府信息公开工作年度报告\n");

        ahead.offer(text);
        Thread.sleep(300);

        assertThat(ours()).isEmpty();
        assertThat(ahead.parse(text).plainText()).isEqualTo("政府信息公开工作年度报告\n");
        assertThat(ours()).isEmpty();
    }

    @Test
    void aFileNeverOfferedIsParsedWhenTaken() throws Exception {
        Path pdf = Fixtures.resource("real/B02_hongze-2024.pdf");

        assertThat(ahead.parse(pdf)).isEqualTo(parser.parse(pdf));
    }

    private List<ProcessHandle> ours() {
        return children().stream().filter(p -> !othersChildren.contains(p.pid())).toList();
    }

    private static List<ProcessHandle> children() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments()
                        .map(args -> List.of(args).stream().anyMatch(a -> a.startsWith(CHILD_ARGUMENT)))
                        .orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
    }
}
