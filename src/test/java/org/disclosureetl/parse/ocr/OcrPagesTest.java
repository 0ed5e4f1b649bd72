package org.disclosureetl.parse.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.disclosureetl.parse.Block;
import org.junit.jupiter.api.Test;

class OcrPagesTest {

    @Test
    void thePagesOfOcrBlocksAreRangesInPageOrder() {
        List<Block> blocks = List.of(
                new Block.TextLine("二〇二三年", "page 1 line 1 box 1,2,3,4 (OCR)"),
                new Block.TextLine("正文", "page 4 line 2"),
                new Block.TableRow(List.of("规章", "0"), "page 3 table 1 row 3 box 1,2,3,4 (OCR); unsure cell 2"),
                new Block.TableRow(List.of("规章", "0"), "page 2 table 1 row 1 box 1,2,3,4 (OCR)"),
                new Block.TextLine("- 5 -", "page 5 line 9 box 1,2,3,4 (OCR)"),
                new Block.TextLine("附件", "page 7 line 1 box 1,2,3,4 (OCR)"));

        assertThat(OcrPages.of(blocks)).isEqualTo("1-3,5,7");
        assertThat(OcrPages.count("1-3,5,7")).isEqualTo(5);
    }

    @Test
    void aDocumentWithoutOcrBlocksHasNone() {
        assertThat(OcrPages.of(List.of(new Block.TextLine("(OCR)", "page 1 line 1"), new Block.TextLine("x", null))))
                .isNull();
        assertThat(OcrPages.count(null)).isZero();
        assertThat(OcrPages.count("")).isZero();
        assertThat(OcrPages.count("12")).isEqualTo(1);
    }
}
