package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.normalize.NormalizedDocument;
import org.disclosureetl.normalize.Script;

/** Small normalized documents written inline, one text line per string, for extractor unit tests. */
public final class TextDocuments {

    private TextDocuments() {
    }

    public static NormalizedDocument lines(String... lines) {
        List<NormalizedDocument.Line> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            out.add(new NormalizedDocument.Line(List.of(new NormalizedDocument.Cell(lines[i], lines[i])), "line " + (i + 1),
                    false));
        }
        return new NormalizedDocument("text/plain", Script.SIMPLIFIED, out);
    }

    /** Lines whose cells are separated by {@code |}, as a markdown or tab-separated table gives them. */
    public static NormalizedDocument cells(String... lines) {
        List<NormalizedDocument.Line> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            List<NormalizedDocument.Cell> cells = new ArrayList<>();
            for (String cell : lines[i].split("\\|", -1)) {
                cells.add(new NormalizedDocument.Cell(cell, cell.strip()));
            }
            out.add(new NormalizedDocument.Line(cells, "line " + (i + 1), cells.size() > 1));
        }
        return new NormalizedDocument("text/plain", Script.SIMPLIFIED, out);
    }

    /** A line from the page head ({@code <title>}), as the parser marks it. */
    public static NormalizedDocument.Line head(String text) {
        return new NormalizedDocument.Line(List.of(new NormalizedDocument.Cell(text, text)), "head title", false);
    }
}
