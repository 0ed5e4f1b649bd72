package org.disclosureetl.parse;

import java.util.List;

/**
 * One unit of a parsed report, in reading order: a line of running text or a table.
 * {@code where} says where it came from in the source (e.g. "line 12", "page 3 line 7",
 * "table 2 row 5") so an analyst can check a number against the file.
 */
public sealed interface Block permits Block.TextLine, Block.TableRow {

    String where();

    /** One physical line of text (TXT line, PDF line, HTML paragraph line). */
    record TextLine(String text, String where) implements Block {
    }

    /** One row of a real table (HTML/DOCX/DOC/XLSX), its cells left to right. */
    record TableRow(List<String> cells, String where) implements Block {
        public TableRow {
            cells = List.copyOf(cells);
        }
    }
}
