package org.disclosureetl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the integer-only table cells of a report in its source text and groups them into table rows.
 * A cell is a whole TXT field (between tabs and line ends), a whole HTML {@code <td>}, or a whole
 * DOCX {@code <w:tc>} whose only text run is the number; digits inside labels and prose
 * ("2021年", "1.属于国家秘密") are never cells.
 */
final class NumberCells {

    private static final Pattern TXT_CELL = Pattern.compile("(?<![^\\t\\n])[ \\u3000]*(\\d{1,9})[ \\u3000]*(?![^\\t\\r\\n])");
    private static final Pattern HTML_CELL = Pattern.compile("<t([dh])\\b[^>]*>\\s*(\\d{1,9})\\s*</t\\1>");
    private static final Pattern DOCX_CELL = Pattern.compile("<w:tc(?:\\s[^>]*)?>(.*?)</w:tc>", Pattern.DOTALL);
    private static final Pattern DOCX_TEXT = Pattern.compile("<w:t(?:\\s[^>]*)?>([^<]*)</w:t>");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>|&nbsp;|&#160;|\\u00a0");

    private NumberCells() {
    }

    static List<NumberCell> scan(SourceFormat format, String text) {
        return switch (format) {
            case TXT -> simple(TXT_CELL, 1, text);
            case HTML -> simple(HTML_CELL, 2, text);
            case DOCX -> docx(text);
            case PDF -> throw new IllegalArgumentException("PDF text cannot be rewritten");
        };
    }

    private static List<NumberCell> simple(Pattern pattern, int group, String text) {
        List<NumberCell> cells = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            cells.add(new NumberCell(m.start(group), m.end(group), Long.parseLong(m.group(group))));
        }
        return cells;
    }

    private static List<NumberCell> docx(String xml) {
        List<NumberCell> cells = new ArrayList<>();
        Matcher cell = DOCX_CELL.matcher(xml);
        while (cell.find()) {
            Matcher run = DOCX_TEXT.matcher(xml).region(cell.start(1), cell.end(1));
            int found = 0;
            NumberCell number = null;
            while (run.find()) {
                String content = run.group(1);
                if (content.isBlank()) {
                    continue;
                }
                found++;
                Matcher digits = DIGITS.matcher(content);
                if (content.strip().chars().allMatch(Character::isDigit) && digits.find()) {
                    number = new NumberCell(run.start(1) + digits.start(), run.start(1) + digits.end(),
                            Long.parseLong(digits.group()));
                }
            }
            if (found == 1 && number != null) {
                cells.add(number);
            }
        }
        return cells;
    }

    /**
     * Groups cells into rows: neighbours belong to one row when nothing but whitespace, empty cells
     * and markup lies between them (a label or a '-' ends the row).
     */
    static List<List<Integer>> rows(List<NumberCell> cells, String text) {
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!row.isEmpty() && !onlyMarkupBetween(text, cells.get(i - 1).end(), cells.get(i).start())) {
                rows.add(List.copyOf(row));
                row.clear();
            }
            row.add(i);
        }
        if (!row.isEmpty()) {
            rows.add(List.copyOf(row));
        }
        return rows;
    }

    private static boolean onlyMarkupBetween(String text, int from, int to) {
        return MARKUP.matcher(text.substring(from, to)).replaceAll("").isBlank();
    }

    /** The text with each cell's digits replaced by the new value of the same index. */
    static String render(String text, List<NumberCell> cells, long[] values) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        for (int i = 0; i < cells.size(); i++) {
            NumberCell cell = cells.get(i);
            out.append(text, at, cell.start()).append(values[i]);
            at = cell.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
