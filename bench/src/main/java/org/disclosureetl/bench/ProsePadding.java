package org.disclosureetl.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Lengthens a TXT or HTML report with its own prose, as long real reports are long: the paragraphs of the
 * report that hold no digit (no number, no year, so no table cell and no evidence of another year) are
 * repeated at its end, under a heading, until the text reaches the length asked for. The tables and the
 * title stay as they are.
 */
final class ProsePadding {

    /** Paragraphs shorter than this are headings or table cells, not prose. */
    private static final int PROSE_MIN = 40;

    private ProsePadding() {
    }

    static String lengthened(String text, SourceFormat format, int chars) {
        if (chars <= 0 || text.length() >= chars) {
            return text;
        }
        List<String> prose = new ArrayList<>();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (format == SourceFormat.HTML) {
                if (!stripped.startsWith("<p>") || !stripped.endsWith("</p>")) {
                    continue;
                }
                stripped = stripped.substring(3, stripped.length() - 4);
            }
            if (stripped.length() >= PROSE_MIN && stripped.indexOf('<') < 0 && stripped.chars().noneMatch(Character::isDigit)) {
                prose.add(stripped);
            }
        }
        if (prose.isEmpty()) {
            return text;
        }
        StringBuilder padding = new StringBuilder();
        String heading = format == SourceFormat.HTML ? "<p class=\"h\">附件 工作说明</p>\n" : "附件 工作说明\n";
        padding.append(heading);
        for (int i = 0; text.length() + padding.length() < chars; i++) {
            String paragraph = prose.get(i % prose.size());
            padding.append(format == SourceFormat.HTML ? "<p>" + paragraph + "</p>\n" : paragraph + "\n");
        }
        if (format == SourceFormat.HTML) {
            int body = text.lastIndexOf("</body>");
            return body < 0 ? text + padding : text.substring(0, body) + padding + text.substring(body);
        }
        return text.endsWith("\n") ? text + padding : text + "\n" + padding;
    }
}
