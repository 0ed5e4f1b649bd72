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
    private StringBuilder currentCell;

    BlockCollector(long maxChars) {
        this.maxChars = maxChars;
    }

    List<Block> blocks() {
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
                }
            }
            case "td", "th" -> {
                if (tableDepth == 1 && currentRow != null) {
                    currentCell = new StringBuilder();
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
                    currentCell = null;
                }
            }
            case "tr" -> {
                if (tableDepth == 1 && currentRow != null) {
                    rowNumber++;
                    if (currentRow.stream().anyMatch(c -> !c.isBlank())) {
                        blocks.add(new Block.TableRow(currentRow,
                                pagePrefix() + "table " + tableCount + " row " + rowNumber));
                    }
                    currentRow = null;
                }
            }
            case "table" -> tableDepth--;
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
