package org.disclosureetl.parse.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tagged ocr: decoding three page pictures takes seconds, more than the fast loop's tests may. */
@Tag(TestKinds.OCR)
class EmbeddedPicturesTest {

    private static final Path PICTURES = Fixtures.resource("ocr/002-pictures.docx");
    private static final Path TABLES = Path.of("data/inbox/docx/002_2bd72b0ede0a148a.docx");

    @Test
    void aDocxOfPicturesWithoutTablesMayBeAScanAndADocxWithTablesIsNot() throws IOException {
        assertThat(ScannedPages.mayBeScan(PICTURES)).isTrue();
        assertThat(ScannedPages.mayBeScan(TABLES)).isFalse();
    }

    @Test
    void thePicturesComeInTheirNumbersOrder() throws IOException {
        assertThat(EmbeddedPictures.read(PICTURES, EmbeddedPictures.DOCX))
                .extracting(p -> p.getWidth() + "x" + p.getHeight())
                .containsExactly("1654x2339", "1654x2339", "1654x2339");
    }
}
