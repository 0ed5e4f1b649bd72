package org.disclosureetl.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Where the cells of a Word document's table rows lie on the table's grid, read from the document itself: Tika's
 * DOCX and DOC extractors give a row's cells but drop how many grid columns each spans (DOCX {@code w:gridSpan},
 * {@code w:gridBefore}; a DOC cell's edges), so a cell merged across two columns takes one place and every
 * number after it moves left (issue 26). Cells merged down a column are no problem: both formats keep the
 * covered cells (DOCX {@code w:vMerge}), and Tika gives them as empty cells.
 * <p>
 * Tika's rows are matched to these by their text ({@link TableGrid.SourceRows}), in order: a row whose text is not
 * found here (text Tika and this reading see differently: fields, text boxes) gets no edges, and its table is
 * left as Tika gave it. Anything this reading cannot read gives no edges at all, never a failed document.
 * POI's HWPF (a dependency of Tika's own DOC parser) reads DOC; DOCX needs no more than its XML.
 */
final class WordTableGrid {

    /** No edges: not a Word document, or one this reading could not read. */
    static final WordTableGrid NONE = new WordTableGrid(0);

    private static final String WORD_ML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private static final String DOCX_BODY = "word/document.xml";
    /** More XML than any report's body (a zip bomb stops here, and the document goes on without edges). */
    private static final long MAX_XML_BYTES = 256L << 20;
    /** More table text than any report has (they have tens of thousands of characters): a bomb, read no further. */
    private static final int MAX_TABLE_CHARS = 4_000_000;
    /** A DOC this large is mostly pictures; HWPF would hold it all once more before Tika does. */
    private static final long MAX_DOC_BYTES = 64L << 20;
    /** More tables inside tables than any document lays out (Word's own limit is far lower). */
    private static final int MAX_NESTING = 64;
    /** DOC edges are twips; a border a few twips off its neighbour's is the same column line. */
    private static final int TWIPS_TOLERANCE = 30;

    /**
     * Configured once, then only asked for readers (safe from several threads): looking a factory up costs a
     * class-path scan, most of this reading's time when done per document.
     */
    private static final XMLInputFactory XML = xmlInputFactory();

    /** The tables' rows, found by their text. */
    private final TableGrid.SourceRows rows = new TableGrid.SourceRows();
    private final List<int[][]> edges = new ArrayList<>();
    private final int tolerance;
    private int next;
    private long chars;

    private WordTableGrid(int tolerance) {
        this.tolerance = tolerance;
    }

    /** The rows of the DOCX or DOC {@code file}'s tables, or {@link #NONE}. */
    static WordTableGrid read(Path file) {
        try {
            byte[] magic = new byte[4];
            try (InputStream in = Files.newInputStream(file)) {
                if (in.readNBytes(magic, 0, 4) < 4) {
                    return NONE;
                }
            }
            if (magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                return docx(file);
            }
            if ((magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF && magic[2] == 0x11 && (magic[3] & 0xFF) == 0xE0) {
                return doc(file);
            }
            return NONE;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // only a help to Tika's reading: a file it cannot read is Tika's to report
            return NONE;
        }
    }

    /** The tolerance {@link TableGrid#expand} needs for these edges. */
    int tolerance() {
        return tolerance;
    }

    /**
     * The edges ({@code [start, end)} per cell) of the next row printed with exactly these cells, or null: the
     * rows are taken in document order, each once.
     */
    int[][] edges(List<String> cells) {
        int row = rows.find(cells, next, true);
        if (row < 0) {
            return null;
        }
        next = row + 1;
        return edges.get(row);
    }

    private void add(List<String> texts, int[][] rowEdges) throws IOException {
        for (String text : texts) {
            chars += text.length();
        }
        if (chars > MAX_TABLE_CHARS) {
            throw new IOException("more than " + MAX_TABLE_CHARS + " characters in tables");
        }
        rows.add(texts);
        edges.add(rowEdges);
    }

    private static XMLInputFactory xmlInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false); // no entities: no entity expansion bombs
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** DOCX: each table row's cells, at grid columns from {@code w:gridBefore} and {@code w:gridSpan}. */
    private static WordTableGrid docx(Path file) throws IOException, XMLStreamException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry body = zip.getEntry(DOCX_BODY);
            if (body == null) {
                return NONE;
            }
            WordTableGrid grid = new WordTableGrid(0);
            try (InputStream in = new Capped(zip.getInputStream(body), MAX_XML_BYTES)) {
                XMLStreamReader xml = XML.createXMLStreamReader(in);
                try {
                    readDocx(xml, grid);
                } finally {
                    xml.close();
                }
            }
            return grid;
        }
    }

    /** A DOCX table being read: the open row's cells' text and grid columns, the open cell's. */
    private static final class DocxTable {
        List<String> texts;
        List<int[]> cells;
        StringBuilder text;
        int column;
        int span = 1;
        boolean ownCellProperties;
    }

    /**
     * Each table row's cells, at grid columns from {@code w:gridBefore} and {@code w:gridSpan}; a table inside a
     * cell too (its rows before the row of the cell it is in: a row is added when it ends), whose text is also the
     * text of the cell it is in, as Tika prints a table of data with a small table in a cell.
     */
    private static void readDocx(XMLStreamReader xml, WordTableGrid grid) throws XMLStreamException, IOException {
        ArrayDeque<DocxTable> tables = new ArrayDeque<>();
        int fallback = 0;
        boolean inText = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String ns = xml.getNamespaceURI();
                String name = xml.getLocalName();
                if (MARKUP_COMPATIBILITY.equals(ns) && "Fallback".equals(name)) {
                    fallback++; // the same content again for older readers: counted once, in mc:Choice
                } else if (!WORD_ML.equals(ns) || fallback > 0) {
                    continue;
                }
                DocxTable table = tables.peek();
                switch (name) {
                    case "tbl" -> {
                        if (tables.size() >= MAX_NESTING) {
                            throw new IOException("tables nested more than " + MAX_NESTING + " deep");
                        }
                        tables.push(new DocxTable());
                    }
                    case "tr" -> {
                        if (table != null) {
                            table.texts = new ArrayList<>();
                            table.cells = new ArrayList<>();
                            table.column = 0;
                        }
                    }
                    case "gridBefore" -> {
                        if (table != null && table.cells != null && table.cells.isEmpty()) {
                            table.column += number(xml.getAttributeValue(WORD_ML, "val"));
                        }
                    }
                    case "tc" -> {
                        if (table != null && table.cells != null) {
                            table.text = new StringBuilder();
                            table.span = 1;
                        }
                    }
                    case "tcPr" -> {
                        if (table != null) {
                            table.ownCellProperties = true;
                        }
                    }
                    case "gridSpan" -> {
                        if (table != null && table.ownCellProperties) {
                            table.span = Math.max(1, number(xml.getAttributeValue(WORD_ML, "val")));
                        }
                    }
                    case "t" -> inText = true;
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String ns = xml.getNamespaceURI();
                String name = xml.getLocalName();
                if (MARKUP_COMPATIBILITY.equals(ns) && "Fallback".equals(name)) {
                    fallback--;
                } else if (!WORD_ML.equals(ns) || fallback > 0) {
                    continue;
                }
                DocxTable table = tables.peek();
                switch (name) {
                    case "tbl" -> tables.poll();
                    case "tr" -> {
                        if (table != null && table.cells != null) {
                            grid.add(table.texts, table.cells.toArray(int[][]::new));
                            table.texts = null;
                            table.cells = null;
                        }
                    }
                    case "tc" -> {
                        if (table != null && table.cells != null && table.text != null) {
                            table.texts.add(table.text.toString());
                            table.cells.add(new int[] {table.column, table.column + table.span});
                            table.column += table.span;
                            table.text = null;
                        }
                    }
                    case "tcPr" -> {
                        if (table != null) {
                            table.ownCellProperties = false;
                        }
                    }
                    case "t" -> inText = false;
                    default -> {
                    }
                }
            } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                for (DocxTable table : tables) {
                    if (table.text != null) {
                        if (table.text.length() + xml.getTextLength() > MAX_TABLE_CHARS) {
                            throw new IOException("a table cell of more than " + MAX_TABLE_CHARS + " characters");
                        }
                        table.text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
            }
        }
    }

    private static int number(String value) {
        if (value == null || value.isEmpty() || value.length() > 4 || !value.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Math.min(Integer.parseInt(value), TableGrid.MAX_COLUMNS);
    }

    /** DOC: each top-level table row's cells at their left and right edges (twips), as HWPF reads them. */
    private static WordTableGrid doc(Path file) throws IOException {
        if (Files.size(file) > MAX_DOC_BYTES) {
            return NONE;
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (!fs.getRoot().hasEntry("WordDocument")) {
                return NONE;
            }
            WordTableGrid grid = new WordTableGrid(TWIPS_TOLERANCE);
            Range range = new HWPFDocument(fs.getRoot()).getRange();
            for (int p = 0; p < range.numParagraphs(); p++) {
                Paragraph paragraph = range.getParagraph(p);
                if (!paragraph.isInTable() || paragraph.getTableLevel() != 1) {
                    continue;
                }
                Table table = range.getTable(paragraph);
                for (int r = 0; r < table.numRows(); r++) {
                    TableRow row = table.getRow(r);
                    List<String> texts = new ArrayList<>(row.numCells());
                    int[][] cells = new int[row.numCells()][];
                    for (int c = 0; c < row.numCells(); c++) {
                        TableCell cell = row.getCell(c);
                        texts.add(cell.text());
                        cells[c] = new int[] {cell.getLeftEdge(), cell.getLeftEdge() + Math.max(1, cell.getWidth())};
                    }
                    grid.add(texts, cells);
                }
                p += table.numParagraphs() - 1;
            }
            return grid;
        }
    }

    /** Stops reading past {@code max} bytes: the body of a zip bomb. */
    private static final class Capped extends FilterInputStream {
        private long left;

        Capped(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new IOException("more than " + MAX_XML_BYTES + " bytes of XML");
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("more than " + MAX_XML_BYTES + " bytes of XML");
            }
            return n;
        }
    }
}
