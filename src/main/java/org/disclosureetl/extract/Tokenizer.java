package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.normalize.NormalizedDocument;

/**
 * Cuts a normalized report into {@link Token}s. Cells are already separated (table cells, tabs,
 * pipes); inside a cell, space-separated numbers become separate values (space-aligned PDF text)
 * while words of a label stay together, and a word that starts with a numbering such as
 * {@code 1.} or {@code (三)} starts a new label.
 */
final class Tokenizer {


    private Tokenizer() {
    }

    static List<Token> tokenize(NormalizedDocument document) {
        List<Token> tokens = new ArrayList<>();
        List<NormalizedDocument.Line> lines = document.lines();
        for (int lineIndex = 0; lineIndex < lines.size(); lineIndex++) {
            NormalizedDocument.Line line = lines.get(lineIndex);
            if (line.cells().size() == 1 && LabelStream.isPageMarker(line.text().strip())) {
                continue; // a page number inside a table (- 2 -) is neither a value nor a label
            }
            List<NormalizedDocument.Cell> cells = line.cells();
            if (!line.gridRow() && cells.size() > 2 && cells.get(0).raw().isEmpty()
                    && cells.get(cells.size() - 1).raw().isEmpty()) {
                // a markdown row (| a | b |): the pipes that open and close it border no cells; a real table's row
                // (HTML, Word, a sheet) keeps both ends, which are the places under a label spanning rows and a
                // blank last value
                cells = cells.subList(1, cells.size() - 1);
            }
            for (NormalizedDocument.Cell cell : cells) {
                // a cell of only spaces is empty too: crawled HTML prints a zero as <td>&nbsp;</td>
                if (TableVocabulary.isSpaces(cell.text())) {
                    if (line.tableRow()) {
                        tokens.add(new Token(Token.Kind.EMPTY, "", cell.raw(), null, false, lineIndex, line.where()));
                    }
                    continue;
                }
                String[] parts = splitAtCellGaps(cell.text().strip());
                String[] rawParts = splitAtCellGaps(cell.raw().strip());
                boolean paired = parts.length == rawParts.length;
                for (int p = 0; p < parts.length; p++) {
                    addCell(tokens, new NormalizedDocument.Cell(paired ? rawParts[p] : parts[p], parts[p]),
                            lineIndex, line.where());
                }
            }
        }
        return tokens;
    }

    private static void addCell(List<Token> tokens, NormalizedDocument.Cell cell, int line, String where) {
        Reading whole = Reading.of(cell.text());
        if (whole != null && whole.annotated()) {
            // a number with a remark in brackets is one cell even when the remark has spaces
            tokens.add(new Token(Token.Kind.VALUE, cell.text(), cell.raw().strip(), whole.value(), true, line, where));
            return;
        }
        String[] words = splitAtSpaces(cell.text().strip());
        String[] rawWords = splitAtSpaces(cell.raw().strip());
        boolean pairedRaw = rawWords.length == words.length;
        StringBuilder label = null;
        StringBuilder labelRaw = null;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            String raw = pairedRaw ? rawWords[i] : word;
            boolean blank = TableVocabulary.isBlankMark(word);
            // each word is read as a number once (it used to be read up to three times: a third of the tokenizer)
            Reading number = blank ? null : Reading.of(word);
            if (!blank && number == null) {
                boolean startsNew = label == null || LabelKey.startsWithNumbering(word) && !isNumberingOnly(label);
                if (startsNew) {
                    flushLabel(tokens, label, labelRaw, line, where);
                    label = new StringBuilder(word);
                    labelRaw = new StringBuilder(raw);
                } else {
                    label.append(word);
                    labelRaw.append(' ').append(raw);
                }
                continue;
            }
            flushLabel(tokens, label, labelRaw, line, where);
            label = null;
            labelRaw = null;
            tokens.add(blank ? new Token(Token.Kind.BLANK, word, raw, null, false, line, where)
                    : new Token(Token.Kind.VALUE, word, raw, number.value(), number.annotated(), line, where));
        }
        flushLabel(tokens, label, labelRaw, line, where);
    }

    /** A word read as a number: plain ({@link CellValue#parse}) or, failing that, annotated ({@link CellValue#parseAnnotated}). */
    private record Reading(BigDecimal value, boolean annotated) {

        /** The reading of a text, or null when it is no number; the annotated pattern only when the plain one fails. */
        static Reading of(String text) {
            BigDecimal plain = CellValue.parse(text);
            if (plain != null) {
                return new Reading(plain, false);
            }
            BigDecimal annotated = CellValue.parseAnnotated(text);
            return annotated == null ? null : new Reading(annotated, true);
        }
    }

    /**
     * The words of a text: {@code Pattern.compile("[\\s\\u3000]+").split(text)}, written by hand (every cell of every
     * line is split; TokenizerSplitTest holds it to the regex).
     */
    static String[] splitAtSpaces(String text) {
        int n = text.length();
        List<String> parts = null;
        int index = 0;
        int i = 0;
        while (i < n) {
            if (!isSpaceOrIdeographicSpace(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && isSpaceOrIdeographicSpace(text.charAt(end))) {
                end++;
            }
            parts = add(parts, text.substring(index, i));
            index = end;
            i = end;
        }
        return parts(parts, text, index);
    }

    /**
     * The cells of space-aligned text (PDF layout, crawled tables), where a wide gap separates cells:
     * {@code Pattern.compile("(?:\\s{2,}|\\u3000)+").split(text)}, written by hand (TokenizerSplitTest holds it to
     * the regex). A gap is two or more white space characters or an ideographic space, repeated; a single space
     * before an ideographic space stays in the cell before it, as the regex leaves it.
     */
    static String[] splitAtCellGaps(String text) {
        int n = text.length();
        List<String> parts = null;
        int index = 0;
        int i = 0;
        while (i < n) {
            int end = i;
            while (true) {
                if (end + 1 < n && isSpace(text.charAt(end)) && isSpace(text.charAt(end + 1))) {
                    end += 2;
                    while (end < n && isSpace(text.charAt(end))) {
                        end++;
                    }
                } else if (end < n && text.charAt(end) == '\u3000') {
                    end++;
                } else {
                    break;
                }
            }
            if (end == i) {
                i++;
                continue;
            }
            parts = add(parts, text.substring(index, i));
            index = end;
            i = end;
        }
        return parts(parts, text, index);
    }

    private static List<String> add(List<String> parts, String part) {
        List<String> list = parts == null ? new ArrayList<>() : parts;
        list.add(part);
        return list;
    }

    /** What {@code Pattern.split} returns: the text itself without a separator, else the parts without trailing empty ones. */
    private static String[] parts(List<String> parts, String text, int index) {
        if (parts == null) {
            return new String[] {text};
        }
        parts.add(text.substring(index));
        int size = parts.size();
        while (size > 0 && parts.get(size - 1).isEmpty()) {
            size--;
        }
        return parts.subList(0, size).toArray(new String[0]);
    }

    /** {@code \\s} of a regex without UNICODE flags: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isSpaceOrIdeographicSpace(char c) {
        return isSpace(c) || c == '\u3000';
    }

    private static boolean isNumberingOnly(StringBuilder label) {
        return LabelKey.of(label.toString()).key().isEmpty();
    }

    private static void flushLabel(List<Token> tokens, StringBuilder label, StringBuilder raw, int line, String where) {
        if (label != null) {
            tokens.add(new Token(Token.Kind.LABEL, label.toString(), raw.toString(), null, false, line, where));
        }
    }
}
