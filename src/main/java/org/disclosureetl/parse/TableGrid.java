package org.disclosureetl.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One table's rows as the source draws them: every cell placed on the table's grid, spans expanded, so that a
 * row has one cell per column it reaches and a number keeps the column it is printed in (issue 26). Without
 * this, a cell spanning two columns ({@code <td colspan="2">&nbsp;</td>}, a Word cell merged across columns) or a
 * cell spanning two rows ({@code rowspan}) takes one place in its row, and every number after it moves left.
 * <p>
 * Cells come either with HTML's {@code colspan}/{@code rowspan} ({@link #html}), placed as a browser places
 * them, or with their edges from the word processor's own grid ({@link #edges}: DOCX grid columns, DOC twips).
 * The table's columns are the places where some cell starts: a grid column no cell starts at (a word
 * processor's grid often has such slivers where borders of different rows do not line up) is no column.
 * <p>
 * Which places a span gives (decided so that the readers, which anchor a row on its label and place the cells
 * after it from the right, never put a number in another column silently):
 * <ul>
 * <li>A cell spanning down gives its first place in every row it covers, <em>empty</em> (a blank one spanning
 * columns too gives all its places): the row-group label
 * {@code 三、本年度办理结果} over 22 rows is an empty cell in front of each row's own label, a number over two
 * rows is a blank cell in the lower one (flagged {@code blank_cell}). Repeating the text instead would put the
 * group label before each row's label, and a number into a cell the report never printed it in.</li>
 * <li>A blank cell spanning columns gives an empty place per column that the nearest row above with a printed
 * cell there starts a cell at: two blank number cells merged under two headers are two blank cells, and the
 * numbers right of them keep their columns; a blank under a header cell that spans the same columns (the 2019
 * form's {@code 本年增/减} over two grid columns) is one blank cell.</li>
 * <li>A printed cell spanning columns takes one place, as Tika gives it: a label over three columns
 * ({@code 一、本年新收…}) is one label before the row's numbers, and a number over two grid columns (the 2019
 * form's {@code 本年增/减}, {@code 行政许可 | <td colspan="3">0</td>}) is one cell, the table's other rows being
 * what split that part of the grid. Empty places after it would move the row's numbers left (the readers place
 * a row's cells after its label from the right), and a number given to one of two merged columns would be a
 * guess.</li>
 * </ul>
 */
final class TableGrid {

    /** More columns than a report's table has by far (they have at most 16): such a grid is left as printed. */
    static final int MAX_COLUMNS = 100;
    /** HTML's own limits (colspan 1000, rowspan 65534), kept lower: no report table is that large. */
    private static final int MAX_COLSPAN = MAX_COLUMNS;
    private static final int MAX_ROWSPAN = 1000;

    /** A cell as printed and where it lies: columns {@code [start, end)} in the grid's units, rows downwards. */
    record Cell(String text, int start, int end, int rows) {
    }

    /** A place a printed cell's span covers that is not given (see the class comment). */
    private static final Object NO_PLACE = new Object();

    private TableGrid() {
    }

    /**
     * Places HTML cells as a browser does: each cell at the first column from the left not taken by a cell
     * above spanning down into its row. A span that is no number (or below 1) counts as 1.
     *
     * @param rows per row, per cell its text, {@code colspan} and {@code rowspan} attribute values (null when absent)
     * @return per row, its placed cells
     */
    static List<List<Cell>> html(List<List<String[]>> rows) {
        List<List<Cell>> placed = new ArrayList<>(rows.size());
        // columns taken by cells above: for each column, the last row (exclusive) its cell reaches down to
        int[] takenUntil = new int[0];
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> cells = new ArrayList<>();
            int column = 0;
            for (String[] cell : rows.get(r)) {
                while (column < takenUntil.length && takenUntil[column] > r) {
                    column++;
                }
                int colspan = span(cell[1], MAX_COLSPAN);
                int rowspan = span(cell[2], MAX_ROWSPAN);
                if (column + colspan > MAX_COLUMNS * 4) {
                    break; // a table nobody prints: the rest of the row gives no columns (it is left as printed)
                }
                if (rowspan > 1) {
                    if (takenUntil.length < column + colspan) {
                        takenUntil = Arrays.copyOf(takenUntil, column + colspan);
                    }
                    Arrays.fill(takenUntil, column, column + colspan, r + rowspan);
                }
                cells.add(new Cell(cell[0], column, column + colspan, rowspan));
                column += colspan;
            }
            placed.add(cells);
        }
        return placed;
    }

    /** The value of a span attribute: a whole number from 1 to {@code max}, else 1 (as browsers read a bad one). */
    private static int span(String value, int max) {
        if (value == null) {
            return 1;
        }
        String digits = value.strip();
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 1;
        }
        int n = Integer.parseInt(digits);
        return n < 1 ? 1 : Math.min(n, max);
    }

    /**
     * The rows with one cell per column each reaches, spans expanded to empty cells; null when the grid cannot
     * be trusted (two cells on one place, more than {@link #MAX_COLUMNS} columns): the caller keeps the cells
     * as printed.
     *
     * @param rows      per row, its placed cells
     * @param tolerance starts closer than this are one column (edges measured in twips jitter by a few)
     */
    static List<List<String>> expand(List<List<Cell>> rows, int tolerance) {
        TreeSet<Integer> cellStarts = new TreeSet<>();
        for (List<Cell> row : rows) {
            for (Cell cell : row) {
                cellStarts.add(cell.start());
            }
        }
        List<Integer> columns = new ArrayList<>();
        for (int start : cellStarts) {
            if (columns.isEmpty() || start - columns.get(columns.size() - 1) > tolerance) {
                columns.add(start);
            }
        }
        if (columns.size() > MAX_COLUMNS) {
            return null;
        }
        int[] bounds = columns.stream().mapToInt(Integer::intValue).toArray();
        List<List<String>> expanded = new ArrayList<>(rows.size());
        // cells spanning down: {last row (exclusive), first column, last column (exclusive), 1 if blank}
        List<int[]> covered = new ArrayList<>();
        // per column, whether the nearest row above that says so has a cell starting there (true) or a printed
        // cell spanning over it (false); a blank cell spanning over it says nothing (blank cells merged in a row)
        BitSet split = new BitSet(columns.size());
        split.set(0, columns.size());
        for (int r = 0; r < rows.size(); r++) {
            Object[] out = new Object[columns.size()];
            BitSet starts = new BitSet(columns.size());
            BitSet printedOver = new BitSet(columns.size());
            int width = 0;
            int current = r;
            covered.removeIf(cover -> cover[0] <= current); // spans that ended above: a long table stays linear
            for (int[] cover : covered) {
                starts.set(cover[1]);
                if (cover[3] == 0) {
                    printedOver.set(cover[1] + 1, cover[2]);
                }
                for (int c = cover[1]; c < cover[2]; c++) {
                    if (out[c] != null) {
                        return null;
                    }
                    out[c] = c == cover[1] || cover[3] == 1 ? "" : NO_PLACE;
                }
                width = Math.max(width, cover[3] == 1 ? cover[2] : cover[1] + 1);
            }
            for (Cell cell : rows.get(r)) {
                int first = column(bounds, cell.start(), tolerance);
                int last = Math.max(first + 1, end(bounds, cell.end(), tolerance));
                boolean blank = blank(cell.text());
                starts.set(first);
                if (!blank) {
                    printedOver.set(first + 1, last);
                }
                for (int c = first; c < last; c++) {
                    if (out[c] != null) {
                        return null;
                    }
                    boolean place = c == first || blank && split.get(c);
                    out[c] = !place ? NO_PLACE : c == first ? cell.text() : "";
                    if (place) {
                        width = Math.max(width, c + 1);
                    }
                }
                if (cell.rows() > 1) {
                    covered.add(new int[] {r + cell.rows(), first, last, blank ? 1 : 0});
                }
            }
            List<String> row = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                if (out[c] != NO_PLACE) {
                    // a place no cell takes (a row starting right of the others, a gap) is empty as well
                    row.add(out[c] == null ? "" : (String) out[c]);
                }
            }
            expanded.add(row);
            split.or(starts);
            split.andNot(printedOver);
        }
        return expanded;
    }

    /**
     * A source's own table rows (as the document's structure gives them: a Word table's rows, a sheet's rows),
     * found again by the text of the rows Tika gives: cell by cell, white space left out ({@link #compact}), and
     * blank cells at a row's end left out (a sheet row may write blank cells Tika does not give). A blank row is
     * found nowhere: it would match any blank row.
     */
    static final class SourceRows {
        /** Per row text (compact cells joined, trailing blank cells left out), the rows printed so, ascending. */
        private final Map<String, List<Integer>> rowsByText = new HashMap<>();
        private final List<Integer> widths = new ArrayList<>();

        /** Adds the next row (its index is the number of rows added before it): its cells' text, null as empty. */
        int add(List<String> cells) {
            int row = widths.size();
            rowsByText.computeIfAbsent(key(cells), k -> new ArrayList<>()).add(row);
            widths.add(cells.size());
            return row;
        }

        int size() {
            return widths.size();
        }

        /**
         * The first row at or after {@code from} printed with these cells' text, or -1.
         *
         * @param sameWidth whether the row must have as many cells as {@code cells} (a Word row: Tika gives every
         *                  cell of it, blank ones too)
         */
        int find(List<String> cells, int from, boolean sameWidth) {
            if (cells.stream().allMatch(c -> c == null || compact(c).isEmpty())) {
                return -1;
            }
            List<Integer> rows = rowsByText.get(key(cells));
            if (rows == null) {
                return -1;
            }
            int i = Collections.binarySearch(rows, from);
            for (i = i >= 0 ? i : -i - 1; i < rows.size(); i++) {
                int row = rows.get(i);
                if (!sameWidth || widths.get(row) == cells.size()) {
                    return row;
                }
            }
            return -1;
        }

        /**
         * Per given row, the source row printed with its text, in order, each after the one before (-1 for a
         * blank row, which is not looked for); null when one is not found.
         */
        int[] inOrder(List<List<String>> given) {
            int[] found = new int[given.size()];
            int next = 0;
            for (int t = 0; t < given.size(); t++) {
                List<String> cells = given.get(t);
                if (cells.stream().allMatch(TableGrid::blank)) {
                    found[t] = -1;
                    continue;
                }
                int row = find(cells, next, false);
                if (row < 0) {
                    return null;
                }
                found[t] = row;
                next = row + 1;
            }
            return found;
        }

        private static String key(List<String> cells) {
            int width = cells.size();
            while (width > 0 && (cells.get(width - 1) == null || compact(cells.get(width - 1)).isEmpty())) {
                width--;
            }
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < width; c++) {
                sb.append(cells.get(c) == null ? "" : compact(cells.get(c))).append('\u0001');
            }
            return sb.toString();
        }
    }

    /** The text without white space, control characters and a DOC field's code (Tika prints its result only). */
    static String compact(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        // per open field (DOC: U+0013 code U+0014 result U+0015, the result optional), whether its code is being read
        ArrayDeque<Boolean> fields = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0013') {
                fields.push(true);
            } else if (c == '\u0014' && !fields.isEmpty()) {
                fields.pop();
                fields.push(false);
            } else if (c == '\u0015' && !fields.isEmpty()) {
                fields.pop();
            } else if (!fields.contains(true) && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                    && !Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Only white space (NBSP and the ideographic space included): a cell printed empty. */
    static boolean blank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** The columns (exclusive) a cell ending at {@code end} reaches: those starting before it. */
    private static int end(int[] bounds, int end, int tolerance) {
        int c = 0;
        while (c < bounds.length && bounds[c] + tolerance < end) {
            c++;
        }
        return c;
    }

    /** The column a position lies in: the last column starting at or before it. */
    private static int column(int[] bounds, int position, int tolerance) {
        int c = 0;
        while (c + 1 < bounds.length && bounds[c + 1] <= position + tolerance) {
            c++;
        }
        return c;
    }
}
