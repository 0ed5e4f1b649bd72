package org.disclosureetl.extract.attribution;

import java.util.List;

import org.disclosureetl.normalize.NormalizedDocument;

/**
 * A report's lines as the evidence readers see them: the page head (a web page's {@code <title>}) apart
 * from the body, and the name of the file it came from. Each body line's {@link CompactText} is worked out
 * once for all readers (the prose, the statistics period, the signature and a wrapped title's agency read the
 * same lines), on the first reader's asking.
 */
final class ReportLines {

    /** What the parser marks a line of the page head with ({@code head title}). */
    static final String HEAD = "head";

    private final List<NormalizedDocument.Line> head;
    private final List<NormalizedDocument.Line> body;
    private final String sourceName;
    private final CompactText[] compactBody;

    ReportLines(List<NormalizedDocument.Line> head, List<NormalizedDocument.Line> body, String sourceName) {
        this.head = head;
        this.body = body;
        this.sourceName = sourceName;
        this.compactBody = new CompactText[body.size()];
    }

    static ReportLines of(List<NormalizedDocument.Line> lines, String sourceName) {
        List<NormalizedDocument.Line> head = lines.stream().filter(ReportLines::isHead).toList();
        List<NormalizedDocument.Line> body = lines.stream().filter(l -> !isHead(l)).toList();
        return new ReportLines(head, body, sourceName);
    }

    List<NormalizedDocument.Line> head() {
        return head;
    }

    List<NormalizedDocument.Line> body() {
        return body;
    }

    /** The file's name (its last path element), or null when unknown. */
    String sourceName() {
        return sourceName;
    }

    /** Body line {@code i} as {@link CompactText#of} gives it, worked out once. */
    CompactText compactBody(int i) {
        if (compactBody[i] == null) {
            compactBody[i] = CompactText.of(body.get(i).text());
        }
        return compactBody[i];
    }

    private static boolean isHead(NormalizedDocument.Line line) {
        return line.where() != null && line.where().startsWith(HEAD);
    }
}
