package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.tika.metadata.Metadata;
import org.disclosureetl.vocabulary.ErrorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page nested deeper than Tika's guard fails as nesting too deep, not as a "suspected zip bomb" (issue 27). */
class NestingTooDeepTest {

    @TempDir
    Path work;

    @Test
    void aPageOfThousandsOfNestedTablesFailsAsNestingTooDeep() throws Exception {
        Path page = work.resolve("deep.html");
        Files.writeString(page, "<html><body>" + "<table><tr><td>".repeat(3000) + "2021" + "</td></tr></table>".repeat(3000)
                + "</body></html>", StandardCharsets.UTF_8);

        DocumentParseException failure = catchThrowableOfType(DocumentParseException.class,
                () -> TikaDocumentParser.allFormats(1_000_000).parse(page, new Metadata()));

        assertThat(failure.errorType()).isEqualTo(ErrorType.PARSE_ERROR);
        assertThat(failure.getMessage()).isEqualTo("the document's elements are nested more than 100 levels deep,"
                + " where parsing stops (a page of unclosed tags, or a document built to exhaust the parser)");
    }
}
