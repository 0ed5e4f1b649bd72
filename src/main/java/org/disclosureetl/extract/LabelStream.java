package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.disclosureetl.normalize.NormalizedDocument;

/**
 * A report read as one stream of text: label pieces, each followed by the numeric material up to
 * the next piece. This is how a table survives when a crawler or a PDF converter has flattened it:
 * the order of labels and numbers is kept even where cell boundaries, line breaks and spaces are not.
 * Whitespace inside labels is dropped (so {@code 商业 企业} and a label wrapped over lines, even one
 * printed vertically, read as one), and digits that number the next label ({@code 00000002.其他…})
 * belong to that label, not to the material.
 */
record LabelStream(List<Piece> pieces) {

    /** Page numbers printed inside a table by PDF conversion: {@code -2-}, {@code — 5 —}, {@code - 4 -}. */
    private static final Pattern PAGE_FOOTER = Pattern.compile("^[-—–－~\\s]+\\d{1,3}[-—–－~\\s]+$|^第\\s*\\d+\\s*页(共\\s*\\d+\\s*页)?$");
    private static final int MAX_ANNOTATION = 40;
    /**
     * A column a PDF-to-markdown conversion could not name, named by its number ({@code 数据1 … 数据6}): a label,
     * not a value, when it is a table cell of its own.
     */
    private static final Pattern PLACEHOLDER_COLUMN = Pattern.compile("^(?:数据|列)\\d{1,2}$");

    LabelStream {
        pieces = List.copyOf(pieces);
    }

    /** What separates an atom from the one before it. */
    enum Gap {
        /** nothing: digits of one run */
        NONE,
        /** one space: a cell boundary, or in crawled HTML an empty cell printed as a space */
        SPACE,
        /** a line break, a table-cell boundary, a tab or a wide gap: a cell boundary, never a cell */
        BREAK
    }

    /** What kind of numeric material an atom is. */
    enum AtomKind {
        /** digits that may hold several run-together cells ({@code 640020470}) */
        DIGITS,
        /** one number that cannot be split: a table cell, a decimal, an annotated value */
        NUMBER,
        /** a dash or slash standing for "nothing reported" */
        BLANK,
        /** an empty table cell */
        EMPTY
    }

    /**
     * One piece of numeric material.
     *
     * @param sign     {@code -} or {@code +} printed before the digits, or empty
     * @param digits   the integer digits (DIGITS, NUMBER)
     * @param fraction the decimals with their point ({@code .28}), or empty
     * @param unit     unit printed after the number ({@code 元}), or null
     * @param raw      the text as printed
     * @param gap      what separates it from the previous atom of the same material
     */
    record Atom(AtomKind kind, String sign, String digits, String fraction, String unit, boolean annotated,
                String raw, Gap gap, String where) {
    }

    /**
     * A label piece and the material after it.
     *
     * @param text     the label text with whitespace removed
     * @param material the numbers, blanks and empty cells up to the next piece
     * @param where    where the piece ends in the source
     * @param gapAfter whether a space follows the last atom (a trailing empty cell in crawled HTML)
     * @param key      the label's key ({@link LabelKey#of}{@code (text).key()}), worked out once: the format's clues,
     *                 the run tables' anchors and the headers are all looked for in it
     */
    record Piece(String text, List<Atom> material, String where, boolean gapAfter, String key) {
        Piece {
            material = List.copyOf(material);
        }

        Piece(String text, List<Atom> material, String where, boolean gapAfter) {
            this(text, material, where, gapAfter, LabelKey.of(text).key());
        }
    }

    static LabelStream of(NormalizedDocument document) {
        Builder builder = new Builder();
        for (NormalizedDocument.Line line : document.lines()) {
            String whole = line.text().strip();
            if (whole.isEmpty() || isPageMarker(whole)) {
                continue;
            }
            List<NormalizedDocument.Cell> cells = line.cells();
            int first = 0;
            int last = cells.size() - 1;
            // empty cells before the label (merged label columns) or after the last value are layout, not data
            while (first <= last && cells.get(first).text().isBlank()) {
                first++;
            }
            while (last >= first && cells.get(last).text().isBlank()) {
                last--;
            }
            for (int c = first; c <= last; c++) {
                NormalizedDocument.Cell cell = cells.get(c);
                builder.breakHere();
                if (cell.text().isBlank()) {
                    builder.empty(line.where());
                    continue;
                }
                if (cells.size() > 1 && isPlaceholderColumn(cell.text().strip())) {
                    cell.text().strip().chars().forEach(ch -> builder.labelChar((char) ch, line.where()));
                    continue;
                }
                builder.scan(cell.text().strip(), line.where(), line.cells().size() > 1);
            }
            builder.breakHere();
        }
        return new LabelStream(builder.finish());
    }

    /** Whether a line's text is a page number printed by PDF conversion ({@code -2-}, {@code — 5 —}, {@code 第3页}). */
    static boolean isPageMarker(String text) {
        // both alternatives start with a dash, a tilde, ASCII white space (\s, no UNICODE flags) or 第: other lines
        // (nearly all) need no regex
        if (text.isEmpty() || "-—–－~第 \t\n\u000B\f\r".indexOf(text.charAt(0)) < 0) {
            return false;
        }
        return PAGE_FOOTER.matcher(text).matches();
    }

    /** Whether a cell's text is {@link #PLACEHOLDER_COLUMN}; only a text starting with 数 or 列 can be. */
    static boolean isPlaceholderColumn(String text) {
        return !text.isEmpty() && (text.charAt(0) == '数' || text.charAt(0) == '列')
                && PLACEHOLDER_COLUMN.matcher(text).matches();
    }

    /** The report's text as printed (spaces only where the source has them), for evidence in its prose. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            sb.append(p.text());
            for (Atom a : p.material()) {
                if (a.gap() != Gap.NONE) {
                    sb.append(' ');
                }
                sb.append(a.raw());
            }
            if (p.gapAfter()) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static final class Builder {
        private final List<Piece> pieces = new ArrayList<>();
        private StringBuilder label = new StringBuilder();
        private String labelWhere;
        private List<Atom> material = new ArrayList<>();
        private Gap pending = Gap.BREAK;

        void breakHere() {
            pending = Gap.BREAK;
        }

        void empty(String where) {
            addAtom(new Atom(AtomKind.EMPTY, "", "", "", null, false, "", pending, where));
        }

        /**
         * @param sealed the text is one table cell (or one of a tab-separated row): a number in it is
         *               one value, never several run together
         */
        void scan(String text, String where, boolean sealed) {
            if (TableVocabulary.isBlankMark(text)) {
                addAtom(new Atom(AtomKind.BLANK, "", "", "", null, false, text, pending, where));
                return;
            }
            int i = 0;
            int n = text.length();
            while (i < n) {
                char ch = text.charAt(i);
                if (TableVocabulary.isSpace(ch)) {
                    int j = i;
                    while (j < n && TableVocabulary.isSpace(text.charAt(j))) {
                        j++;
                    }
                    if (pending == Gap.NONE) {
                        pending = j - i == 1 && ch == ' ' ? Gap.SPACE : Gap.BREAK;
                    }
                    i = j;
                } else if (isDigit(ch) || (ch == '-' || ch == '+') && i + 1 < n && isDigit(text.charAt(i + 1))) {
                    i = number(text, i, where, sealed);
                } else if (TableVocabulary.isBlankMark(ch) && (i == 0 || TableVocabulary.isSpace(text.charAt(i - 1)))
                        && (i + 1 == n || TableVocabulary.isSpace(text.charAt(i + 1)))) {
                    addAtom(new Atom(AtomKind.BLANK, "", "", "", null, false, String.valueOf(ch), pending, where));
                    i++;
                } else {
                    labelChar(ch, where);
                    i++;
                }
            }
        }

        /** Reads a number starting at {@code start}; returns the index after it. */
        private int number(String text, int start, String where, boolean sealed) {
            int n = text.length();
            int i = start;
            String sign = "";
            if (text.charAt(i) == '-' || text.charAt(i) == '+') {
                sign = text.substring(i, i + 1);
                i++;
            }
            int digitsStart = i;
            while (i < n && (isDigit(text.charAt(i)) || text.charAt(i) == ',' && thousands(text, i))) {
                i++;
            }
            String digits = text.substring(digitsStart, i).replace(",", "");
            // digits followed by 、 or . and a label: the last digit numbers that label (00000002.其他法律…)
            // (also at the end of a line: a label wrapped right after its number, 3.|其他)
            if (i < n && (text.charAt(i) == '.' || text.charAt(i) == '、')
                    && (startsLabel(text, i + 1) || i + 1 == n && digits.length() <= 2)) {
                int keep = digits.length() - 1;
                if (keep > 0) {
                    addAtom(new Atom(sealed ? AtomKind.NUMBER : AtomKind.DIGITS, sign, digits.substring(0, keep), "",
                            null, false, text.substring(start, digitsStart + keep), pending, where));
                }
                labelChar(digits.charAt(keep), where);
                return i;
            }
            int fractionEnd = CellValue.fractionEnd(text, i);
            String fraction = text.substring(i, fractionEnd);
            i = fractionEnd;
            String unit = moneyUnitAt(text, i);
            int end = unit == null ? i : i + unit.length();
            boolean annotated = false;
            int k = end;
            while (k < n && text.charAt(k) == ' ') {
                k++;
            }
            if (k < n && text.charAt(k) == '(') {
                int close = text.indexOf(')', k);
                if (close > 0 && close - k <= MAX_ANNOTATION && isRemark(text.substring(k + 1, close))) {
                    annotated = true;
                    end = close + 1;
                }
            }
            AtomKind kind = sealed || annotated ? AtomKind.NUMBER : AtomKind.DIGITS;
            addAtom(new Atom(kind, sign, digits, fraction, unit, annotated, text.substring(start, end), pending, where));
            return end;
        }

        private void addAtom(Atom atom) {
            material.add(atom);
            pending = Gap.NONE;
        }

        private void labelChar(char ch, String where) {
            if (!material.isEmpty()) {
                closePiece();
            }
            label.append(ch);
            labelWhere = where;
            pending = Gap.NONE;
        }

        private void closePiece() {
            if (!label.isEmpty() || !material.isEmpty()) {
                pieces.add(new Piece(label.toString(), material, labelWhere, pending == Gap.SPACE));
            }
            label = new StringBuilder();
            material = new ArrayList<>();
        }

        List<Piece> finish() {
            closePiece();
            return pieces;
        }

        private static boolean startsLabel(String text, int from) {
            int i = from;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= text.length()) {
                return false;
            }
            char c = text.charAt(i);
            return Character.isLetter(c) || c == '(' || c == '“' || c == '"';
        }

        /** A remark in brackets after a number (22(其中修订16件)), not the numbering of the next label ((二)). */
        private static boolean isRemark(String inside) {
            boolean han = false;
            for (int i = 0; i < inside.length(); i++) {
                han |= Character.UnicodeScript.of(inside.charAt(i)) == Character.UnicodeScript.HAN;
            }
            return han && !TableVocabulary.isHanNumeral(inside.strip());
        }

        /** The money unit printed right after a number ({@code 12.5万元}), or null. */
        private static String moneyUnitAt(String text, int at) {
            for (String unit : TableVocabulary.MONEY_UNITS) {
                if (text.startsWith(unit, at)) {
                    return unit;
                }
            }
            return null;
        }

        private static boolean thousands(String text, int comma) {
            return comma > 0 && isDigit(text.charAt(comma - 1)) && comma + 3 < text.length()
                    && isDigit(text.charAt(comma + 1)) && isDigit(text.charAt(comma + 2)) && isDigit(text.charAt(comma + 3))
                    && (comma + 4 >= text.length() || !isDigit(text.charAt(comma + 4)));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
