package org.disclosureetl.parse;

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
    private int rowNumber;
    private List<String> currentRow;
    /** Per cell of the current row: its {@code colspan} and {@code rowspan} attributes (null when absent). */
    private List<String[]> currentSpans;
    private StringBuilder currentCell;
    private String[] currentCellSpans;
    /** The current table's rows, given as blocks when it ends. */
    private final List<PrintedRow> tableRows = new ArrayList<>();
    private final WordTableGrid wordGrid;
    private final SheetGrid sheetGrid;

    /** A table row as printed: its cells, their HTML spans, and where it is. */
    private record PrintedRow(List<String> cells, List<String[]> spans, String where) {
        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
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
        endTable(); // a table the document never closed
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
                    rowNumber = 0;
                }
            }
            case "tr" -> {
                if (tableDepth == 1) {
                    currentRow = new ArrayList<>();
                    currentSpans = new ArrayList<>();
                }
            }
            case "td", "th" -> {
                if (tableDepth == 1 && currentRow != null) {
                    currentCell = new StringBuilder();
                    currentCellSpans = new String[] {atts.getValue("colspan"), atts.getValue("rowspan")};
                }
            }
            case "p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6" -> {
                if (!"br".equals(name)) {
                    paragraphDepth++;
                }
                if (currentCell != null) {
                    if (!currentCell.isEmpty()) {
                        currentCell.append('\n');
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
                if (currentCell == null) {
                    flushLine();
                }
            }
            case "td", "th" -> {
                if (tableDepth == 1 && currentRow != null && currentCell != null) {
                    currentRow.add(currentCell.toString().strip());
                    currentSpans.add(currentCellSpans);
                    currentCell = null;
                }
            }
            case "tr" -> {
                if (tableDepth == 1 && currentRow != null) {
                    rowNumber++;
                    tableRows.add(new PrintedRow(currentRow, currentSpans,
                            pagePrefix() + "table " + tableCount + " row " + rowNumber));
                    currentRow = null;
                }
            }
            case "table" -> {
                if (--tableDepth == 0) {
                    endTable();
                }
            }
            case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6" -> {
                if (!"div".equals(name)) {
                    paragraphDepth--;
                }
                if (currentCell == null) {
                    flushLine();
                }
            }
            default -> {
            }
        }
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
        if (currentCell != null) {
            currentCell.append(ch, start, length);
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
