package org.disclosureetl.parse;

import java.util.List;

/** What Tika made of one file: its detected media type and its blocks in reading order. */
public record ParsedDocument(String contentType, List<Block> blocks) {
    public ParsedDocument {
        blocks = List.copyOf(blocks);
    }

    /** All text, one block per line, table cells separated by tabs. */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Block.TextLine line) {
                sb.append(line.text());
            } else if (block instanceof Block.TableRow row) {
                sb.append(String.join("\t", row.cells()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
