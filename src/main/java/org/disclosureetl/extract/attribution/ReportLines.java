package org.disclosureetl.extract.attribution;

import java.util.List;

import org.disclosureetl.normalize.NormalizedDocument;

/**
 * A report's lines as the evidence readers see them: the page head (a web page's {@code <title>}) apart
 * from the body, and the name of the file it came from.
 *
 * @param sourceName the file's name (its last path element), or null when unknown
 */
record ReportLines(List<NormalizedDocument.Line> head, List<NormalizedDocument.Line> body, String sourceName) {

    /** What the parser marks a line of the page head with ({@code head title}). */
    static final String HEAD = "head";

    static ReportLines of(List<NormalizedDocument.Line> lines, String sourceName) {
        List<NormalizedDocument.Line> head = lines.stream().filter(ReportLines::isHead).toList();
        List<NormalizedDocument.Line> body = lines.stream().filter(l -> !isHead(l)).toList();
        return new ReportLines(head, body, sourceName);
    }

    private static boolean isHead(NormalizedDocument.Line line) {
        return line.where() != null && line.where().startsWith(HEAD);
    }
}
