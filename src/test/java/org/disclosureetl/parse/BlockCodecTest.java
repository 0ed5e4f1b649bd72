package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BlockCodecTest {

    @Test
    void roundTripKeepsEveryCharacter() {
        ParsedDocument document = new ParsedDocument("text/html; charset=UTF-8", List.of(
                new Block.TextLine("2023年 政府信息公开工作年度报告", "line 1"),
                new Block.TableRow(List.of("", "12:3", "a\tb\nc", "𠀀 surrogate pair", "L3:xyz"), "table 1 row 2"),
                new Block.TableRow(List.of(), "table 1 row 3"),
                new Block.TextLine("10:", "page 2 line 7")));

        String payload = BlockCodec.encode(document);

        assertThat(BlockCodec.decode(payload)).isEqualTo(document);
    }

    @Test
    void encodingIsLengthPrefixed() {
        ParsedDocument document = new ParsedDocument("text/plain", List.of(
                new Block.TextLine("ab", "line 1"),
                new Block.TableRow(List.of("x", ""), "table 1 row 1")));

        assertThat(BlockCodec.encode(document)).isEqualTo("10:text/plainL6:line 12:abR13:table 1 row 12:1:x0:");
    }

    @Test
    void documentWithoutBlocks() {
        ParsedDocument document = new ParsedDocument("application/pdf", List.of());

        assertThat(BlockCodec.decode(BlockCodec.encode(document))).isEqualTo(document);
    }

    @Test
    void receiverDecodesWhatWasSentInPieces() throws Exception {
        ParsedDocument document = new ParsedDocument("text/plain", List.of(new Block.TextLine("一二三", "line 4")));
        char[] payload = BlockCodec.encode(document).toCharArray();
        BlockCodec.Receiver receiver = new BlockCodec.Receiver();

        receiver.startDocument();
        receiver.characters(payload, 0, 5);
        receiver.characters(payload, 5, payload.length - 5);
        assertThat(receiver.document()).isNull();
        receiver.endDocument();

        assertThat(receiver.document()).isEqualTo(document);
    }
}
