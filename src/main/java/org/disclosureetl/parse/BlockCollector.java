package org.disclosureetl.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML SAX events into {@link Block}s, keeping table structure
 * ({@code <tr>}/{@code <td>}) that a plain text handler would flatten.
 * Text outside tables is split into lines on newlines and block-level element ends.
 * PDF pages ({@code <div class="page">}) are counted so provenance can name the page.
 * A table's rows are given when the table ends, laid on its grid with spans expanded ({@link TableGrid}): HTML's
 * {@code colspan}/{@code rowspan} (kept by {@link GridHtmlMapper}), a Word document's own grid
 * ({@link WordTableGrid}), an XLSX sheet's merged regions ({@link SheetGrid}).
 */
final class BlockCollector extends DefaultHandler {

    /** Provenance of lines from the page head; the identifier reads them only when the body names no report. */
    static final String HEAD_WHERE = "head";
    private static final java.util.Set<String> TITLE_META = java.util.Set.of("title", "dc:title", "ArticleTitle",
            "og:title");
    private static final int MAX_TITLE = 500;

    private final List<Block> blocks = new ArrayList<>();
    private final long maxChars;
    private long chars;

    private final StringBuilder line = new StringBuilder();
    private int lineNumber;
    private int page;
    private int headDepth;
    /** The page's own title ({@code <title>}, title meta tags): where a web page often names agency and year. */
    private StringBuilder title;
    private int paragraphDepth;

    private int tableDepth;
    private int tableCount;
    /**
     * The tables open, innermost first: the outermost one's rows are given when it ends, and those of the tables
     * inside its cells with them (a page laid out in an outer table: {@link #give}).
     */
    private final ArrayDeque<OpenTable> open = new ArrayDeque<>();
    /** The current table's rows, given as blocks by {@link #endTable}. */
    private final List<PrintedRow> tableRows = new ArrayList<>();
    private final WordTableGrid wordGrid;
    private final SheetGrid sheetGrid;

    /** A table row as printed: its cells, their HTML spans, and where it is. */
    private record PrintedRow(List<String> cells, List<String[]> spans, String where) {
        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** More tables inside tables than a page lays out: a table deeper is text of the cell it is in. */
    private static final int MAX_NESTING = 16;

    /** A table being read: its rows so far, the row and cell open in it. */
    private static final class OpenTable {
        final List<OpenRow> rows = new ArrayList<>();
        OpenRow row;
        OpenCell cell;
    }

    /** A row read: its cells and the page it ended on. */
    private static final class OpenRow {
        final List<OpenCell> cells = new ArrayList<>();
        String page;
    }

    /**
     * A cell read: all its text as one cell's (the text of tables inside it too, as a table of data prints a
     * small table in a cell), and its own text and the tables inside it in order (for a layout table).
     */
    private static final class OpenCell {
        final String[] spans;
        final StringBuilder text = new StringBuilder();
        final List<Object> parts = new ArrayList<>();
        StringBuilder own;

        OpenCell(String[] spans) {
            this.spans = spans;
        }

        void appendOwn(char[] ch, int start, int length) {
            if (own == null) {
                own = new StringBuilder();
                parts.add(own);
            }
            own.append(ch, start, length);
        }
    }

    BlockCollector(long maxChars) {
        this(maxChars, WordTableGrid.NONE, SheetGrid.NONE);
    }

    /**
     * @param wordGrid  where the cells of the document's Word tables lie ({@link WordTableGrid#NONE} if not Word)
     * @param sheetGrid the merged regions of the document's sheets ({@link SheetGrid#NONE} if no XLSX)
     */
    BlockCollector(long maxChars, WordTableGrid wordGrid, SheetGrid sheetGrid) {
        this.maxChars = maxChars;
        this.wordGrid = wordGrid;
        this.sheetGrid = sheetGrid;
    }

    List<Block> blocks() {
        if (!open.isEmpty()) {
            give(open.peekLast(), tableCount); // a table the document never closed
            open.clear();
        }
        flushLine();
        return blocks;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = localName.isEmpty() ? qName : localName;
        switch (name) {
            case "head" -> headDepth++;
            case "title" -> {
                if (headDepth > 0) {
                    title = new StringBuilder();
                }
            }
            case "meta" -> {
                String key = atts.getValue("name");
                String content = atts.getValue("content");
                if (headDepth > 0 && key != null && content != null && TITLE_META.contains(key) && !content.isBlank()) {
                    blocks.add(new Block.TextLine(content.strip(), HEAD_WHERE + " " + key));
                }
            }
            case "div" -> {
                flushLine();
                if ("page".equals(atts.getValue("class"))) {
                    page++;
                    lineNumber = 0;
                }
            }
            case "table" -> {
                flushLine();
                if (tableDepth++ == 0) {
                    tableCount++;
                    open.push(new OpenTable());
                } else if (open.size() == tableDepth - 1 && open.peek().cell != null && open.size() < MAX_NESTING) {
                    // a table inside a cell: read as its own, and as text of the cell (give decides which it is)
                    OpenTable inner = new OpenTable();
                    open.peek().cell.parts.add(inner);
                    open.peek().cell.own = null;
                    open.push(inner);
                }
            }
            case "tr" -> {
                if (open.size() == tableDepth && !open.isEmpty()) {
                    open.peek().row = new OpenRow();
                }
            }
            case "td", "th" -> {
                if (open.size() == tableDepth && !open.isEmpty() && open.peek().row != null) {
                    open.peek().cell = new OpenCell(new String[] {atts.getValue("colspan"), atts.getValue("rowspan")});
                }
            }
            case "p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6" -> {
                if (!"br".equals(name)) {
                    paragraphDepth++;
                }
                if (inCell()) {
                    for (OpenTable table : open) {
                        if (table.cell != null && !table.cell.text.isEmpty()) {
                            table.cell.text.append('\n');
                        }
                    }
                    OpenCell cell = open.peek().cell;
                    if (open.size() == tableDepth && cell != null && cell.own != null && !cell.own.isEmpty()) {
                        cell.own.append('\n');
                    }
                } else {
                    flushLine();
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName : localName;
        switch (name) {
            case "head" -> headDepth--;
            case "title" -> {
                if (title != null) {
                    if (!title.toString().isBlank()) {
                        blocks.add(new Block.TextLine(title.toString().strip(), HEAD_WHERE + " title"));
                    }
                    title = null;
                }
                if (!inCell()) {
                    flushLine();
                }
            }
            case "td", "th" -> {
                OpenTable table = open.peek();
                if (open.size() == tableDepth && table != null && table.row != null && table.cell != null) {
                    table.row.cells.add(table.cell);
                    table.cell = null;
                }
            }
            case "tr" -> {
                OpenTable table = open.peek();
                if (open.size() == tableDepth && table != null && table.row != null) {
                    table.row.page = pagePrefix();
                    table.rows.add(table.row);
                    table.row = null;
                }
            }
            case "table" -> {
                if (tableDepth > 0 && open.size() == tableDepth--) {
                    OpenTable table = open.pop();
                    if (open.isEmpty()) {
                        give(table, tableCount);
                    }
                }
            }
            case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6" -> {
                if (!"div".equals(name)) {
                    paragraphDepth--;
                }
                if (!inCell()) {
                    flushLine();
                }
            }
            default -> {
            }
        }
    }

    /** Whether text now is a table cell's: the outermost table has a cell open. */
    private boolean inCell() {
        return !open.isEmpty() && open.peekLast().cell != null;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (headDepth > 0) {
            if (title != null && title.length() < MAX_TITLE) {
                title.append(ch, start, length);
            }
            return;
        }
        chars += length;
        if (chars > maxChars) {
            throw new OutputLimitException(maxChars);
        }
        if (inCell()) {
            for (OpenTable table : open) {
                if (table.cell != null) {
                    table.cell.text.append(ch, start, length);
                }
            }
            if (open.size() == tableDepth && open.peek().cell != null) {
                open.peek().cell.appendOwn(ch, start, length);
            }
            return;
        }
        if (tableDepth > 0) {
            // text directly inside <table> but outside a cell carries no data
            return;
        }
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            if (c == '\n') {
                lineNumber++;
                emitLine();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    /**
     * Tika's XHTML writer puts layout newlines between elements here; they are not lines of the
     * document. Inside a paragraph (PDF text) they do separate lines.
     */
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        if (paragraphDepth > 0) {
            characters(ch, start, length);
        }
    }

    /**
     * Gives a table read: as a table of data (its cells' text, a table inside a cell part of it, as Tika prints it),
     * or, when it holds a table of rows of its own ({@link #holdsTable}), as a layout table, the way pages put a
     * whole report in an outer table: its cells' own text as lines, and each table inside as a table of its own
     * (issue 26: a report table flattened into the one cell of the layout table loses its grid).
     */
    private void give(OpenTable table, int number) {
        if (!holdsTable(table)) {
            for (int r = 0; r < table.rows.size(); r++) {
                OpenRow row = table.rows.get(r);
                List<String> cells = new ArrayList<>(row.cells.size());
                List<String[]> spans = new ArrayList<>(row.cells.size());
                for (OpenCell cell : row.cells) {
                    String text = cell.text.toString().strip();
                    // a cell printed blank with NBSP or an ideographic space (&nbsp;) is as empty as an empty one
                    cells.add(TableGrid.blank(text) ? "" : text);
                    spans.add(cell.spans);
                }
                tableRows.add(new PrintedRow(cells, spans, row.page + "table " + number + " row " + (r + 1)));
            }
            endTable();
            return;
        }
        for (OpenRow row : table.rows) {
            for (OpenCell cell : row.cells) {
                for (Object part : cell.parts) {
                    if (part instanceof OpenTable inner) {
                        give(inner, ++tableCount);
                    } else {
                        for (String text : part.toString().split("\n")) {
                            if (!text.isBlank()) {
                                lineNumber++;
                                blocks.add(new Block.TextLine(text.strip(), row.page + "line " + lineNumber));
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Whether a table inside one of the table's cells is a table of its own: two rows of two cells or more, or a
     * layout table itself. A one-row table in a cell is a cell's formatting, read as the cell's text.
     */
    private static boolean holdsTable(OpenTable table) {
        for (OpenRow row : table.rows) {
            for (OpenCell cell : row.cells) {
                for (Object part : cell.parts) {
                    if (part instanceof OpenTable inner && (holdsTable(inner)
                            || inner.rows.stream().filter(r -> r.cells.size() >= 2).count() >= 2)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Gives the ended table's rows as blocks, each with one cell per grid column it reaches when the grid is known. */
    private void endTable() {
        if (tableRows.isEmpty()) {
            return;
        }
        List<List<String>> grid = wordGrid != WordTableGrid.NONE ? wordGrid()
                : sheetGrid != SheetGrid.NONE ? sheetGrid.lay(tableRows.stream().map(PrintedRow::cells).toList())
                : htmlGrid();
        for (int r = 0; r < tableRows.size(); r++) {
            PrintedRow row = tableRows.get(r);
            if (!row.blank()) {
                blocks.add(new Block.TableRow(grid != null ? grid.get(r) : row.cells(), row.where()));
            }
        }
        tableRows.clear();
    }

    /** The table on the grid of its HTML spans; null when it has none (its rows stay as printed) or a bad one. */
    private List<List<String>> htmlGrid() {
        boolean spans = tableRows.stream().flatMap(row -> row.spans().stream())
                .anyMatch(span -> span[0] != null || span[1] != null);
        if (!spans) {
            return null;
        }
        List<List<String[]>> rows = new ArrayList<>(tableRows.size());
        for (PrintedRow row : tableRows) {
            List<String[]> cells = new ArrayList<>(row.cells().size());
            for (int c = 0; c < row.cells().size(); c++) {
                cells.add(new String[] {row.cells().get(c), row.spans().get(c)[0], row.spans().get(c)[1]});
            }
            rows.add(cells);
        }
        return TableGrid.expand(TableGrid.html(rows), 0);
    }

    /**
     * The table on the Word document's own grid; null when a row of it was not found there (the table stays as
     * printed: a grid half known would place some rows and not others).
     */
    private List<List<String>> wordGrid() {
        List<List<TableGrid.Cell>> rows = new ArrayList<>(tableRows.size());
        for (PrintedRow row : tableRows) {
            if (row.blank()) {
                rows.add(List.of()); // given as no block; Word keeps the cells a merge covers, so it spans nothing
                continue;
            }
            int[][] edges = wordGrid.edges(row.cells());
            if (edges == null || edges.length != row.cells().size()) {
                return null;
            }
            List<TableGrid.Cell> cells = new ArrayList<>(edges.length);
            for (int c = 0; c < edges.length; c++) {
                cells.add(new TableGrid.Cell(row.cells().get(c), edges[c][0], edges[c][1], 1));
            }
            rows.add(cells);
        }
        return TableGrid.expand(rows, wordGrid.tolerance());
    }

    /** Ends the current line at an element boundary; empty lines there are not counted. */
    private void flushLine() {
        if (line.isEmpty()) {
            return;
        }
        lineNumber++;
        emitLine();
    }

    private void emitLine() {
        String text = line.toString();
        line.setLength(0);
        if (!text.isBlank()) {
            blocks.add(new Block.TextLine(text, pagePrefix() + "line " + lineNumber));
        }
    }

    private String pagePrefix() {
        return page > 0 ? "page " + page + " " : "";
    }

    /** Thrown when a document produces more text than a report can plausibly hold. */
    static final class OutputLimitException extends SAXException {
        OutputLimitException(long maxChars) {
            super("text output exceeds the limit of " + maxChars + " characters");
        }
    }
}
