package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

/** {@link ParseAhead} with real child JVMs: what goes to a child starts when offered, and comes out as a direct parse would. */
@Tag(TestKinds.PROCESSES)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParseAheadTest {

    @TempDir
    Path dir;

    private ReportParser parser;
    private ParseAhead ahead;
    private ParserChildren children;

    @BeforeEach
    void start() {
        children = new ParserChildren();
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

        assertThat(children.awaitStarted()).hasSize(1); // started by the offer alone
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

        assertThat(children.started()).isEmpty();
        assertThat(ahead.parse(text).plainText()).isEqualTo("政府信息公开工作年度报告\n");
        assertThat(children.started()).isEmpty();
    }

    @Test
    void aFileNeverOfferedIsParsedWhenTaken() throws Exception {
        Path pdf = Fixtures.resource("real/B02_hongze-2024.pdf");

        assertThat(ahead.parse(pdf)).isEqualTo(parser.parse(pdf));
    }
}
