package org.disclosureetl.parse.ocr;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import org.disclosureetl.parse.Block;
import org.disclosureetl.parse.ocr.Raster.Box;
import org.disclosureetl.parse.ocr.RuledGrid.Cell;
import org.disclosureetl.parse.ocr.RuledGrid.Table;
import org.disclosureetl.parse.ocr.Tesseract.Mode;
import org.disclosureetl.parse.ocr.Tesseract.Word;

/**
 * One page image to blocks: its ruled tables cell by cell as {@link Block.TableRow}s (each cell keeps its grid row and
 * column, a merged cell appears once in its first row, as an HTML table's rowspan cell does), and the rest of the
 * page as {@link Block.TextLine}s, in the order they stand on the page. Two calls of Tesseract a page: the text
 * around the tables and every non-empty cell as Chinese text (one list of images, so the Chinese models load once),
 * then the cells that read like numbers again as digits.
 */
final class PageReader {

    /** A page's blocks and what its OCR was unsure of. */
    record PageResult(int page, List<Block> blocks, int cells, int unsureCells) {
    }

    private final Tesseract tesseract;
    private final NumberedLabels labels;

    PageReader(Tesseract tesseract, NumberedLabels labels) {
        this.tesseract = tesseract;
        this.labels = labels;
    }

    /**
     * @param scale the image's resolution over 200 dpi
     * @param work  a folder of this page's own for the crops
     */
    PageResult read(Raster scan, int pageNumber, double scale, Path work) throws IOException {
        double skew = scan.skewDegrees();
        // a page turned by a few tenths of a degree breaks its ruling lines into steps shorter than a line's run
        Raster page = Math.abs(skew) >= 0.15 ? scan.turnedBack(skew) : scan;
        RuledGrid grid = RuledGrid.find(page, scale);
        List<Placed> placed = new ArrayList<>();
        int[] counts = new int[2];
        int tableNumber = 0;
        List<Box> tableBoxes = new ArrayList<>();
        List<PendingCell> pending = new ArrayList<>();
        for (Table table : grid.tables()) {
            tableNumber++;
            tableBoxes.add(table.box());
            for (Cell cell : table.cells()) {
                pending.add(new PendingCell(tableNumber, table, cell, crop(page, grid.lines(), cell.box(), scale)));
            }
        }
        // the running text around the tables goes to the same process as the cells: one load of the Chinese models
        TextImage text = textImage(page.without(grown(tableBoxes, page, (int) Math.round(4 * scale))), pageNumber,
                work);
        List<Word> textWords = readCells(pending, work, pageNumber, text);
        int t = 0;
        for (Table table : grid.tables()) {
            t++;
            Map<Integer, List<PendingCell>> rows = new TreeMap<>();
            for (PendingCell p : pending) {
                if (p.table == table) {
                    rows.computeIfAbsent(p.cell.row(), r -> new ArrayList<>()).add(p);
                }
            }
            int rowNumber = 0;
            for (List<PendingCell> row : rows.values()) {
                rowNumber++;
                row.sort(Comparator.comparingInt(p -> p.cell.column()));
                List<String> texts = new ArrayList<>();
                StringBuilder unsure = new StringBuilder();
                int top = Integer.MAX_VALUE;
                int left = Integer.MAX_VALUE;
                int bottom = 0;
                int right = 0;
                for (PendingCell p : row) {
                    texts.add(p.text);
                    counts[0]++;
                    if (p.mended != null) {
                        unsure.append("; cell ").append(texts.size()).append(" numbered ").append(p.mended.read())
                                .append(" as read, ").append(p.mended.known()).append(" by its label");
                    }
                    if (p.candidates != null) {
                        counts[1]++;
                        unsure.append("; unsure cell ").append(texts.size()).append(" box ").append(p.cell.box())
                                .append(" reads ").append(String.join(" or ", p.candidates));
                    }
                    Box b = p.cell.box();
                    top = Math.min(top, b.y());
                    left = Math.min(left, b.x());
                    bottom = Math.max(bottom, b.bottom());
                    right = Math.max(right, b.right());
                }
                if (texts.stream().allMatch(String::isBlank) && unsure.isEmpty()) {
                    continue;
                }
                String where = "page " + pageNumber + " table " + t + " row " + rowNumber + " box "
                        + new Box(left, top, right - left, bottom - top) + " (OCR)" + unsure;
                placed.add(new Placed(top, new Block.TableRow(texts, where)));
            }
        }
        placed.addAll(textLines(textWords, text, pageNumber));
        placed.sort(Comparator.comparingInt(Placed::top)); // stable: a table's rows keep their order
        return new PageResult(pageNumber, placed.stream().map(Placed::block).toList(), counts[0], counts[1]);
    }

    private record Placed(int top, Block block) {
    }

    /** A cell on its way through the readings; {@code image} is null for an empty cell. */
    private static final class PendingCell {
        final int tableNumber;
        final Table table;
        final Cell cell;
        final BufferedImage image;
        String text = "";
        List<String> candidates;
        NumberedLabels.Mended mended;

        PendingCell(int tableNumber, Table table, Cell cell, BufferedImage image) {
            this.tableNumber = tableNumber;
            this.table = table;
            this.cell = cell;
            this.image = image;
        }
    }

    /** The cell's ink without the ruling lines, cut tight with a white margin, at 200 dpi or more; null if blank. */
    static BufferedImage crop(Raster page, boolean[] lines, Box box, double scale) {
        int inset = Math.max(1, (int) Math.round(2 * scale));
        int x0 = box.x() + inset;
        int y0 = box.y() + inset;
        int x1 = box.right() - inset;
        int y1 = box.bottom() - inset;
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int ink = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * page.width + x;
                if (!lines[i] && (page.grey[i] & 0xFF) < Raster.INK) {
                    ink++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        // a dot of dust or a speck of JPEG noise is not a character: the smallest digit at 150 dpi has more ink
        if (ink < Math.max(8, 20 * scale * scale) || maxY - minY < 6 * scale) {
            return null;
        }
        int pad = 2;
        Box tight = new Box(Math.max(x0, minX - pad), Math.max(y0, minY - pad),
                Math.min(x1, maxX + pad + 1) - Math.max(x0, minX - pad), Math.min(y1, maxY + pad + 1) - Math.max(y0, minY - pad));
        BufferedImage image = page.crop(tight, 12, lines);
        if (scale < 0.95) { // Tesseract's models read characters of 20-30 pixels best
            double factor = 1 / scale;
            BufferedImage big = new BufferedImage((int) Math.round(image.getWidth() * factor),
                    (int) Math.round(image.getHeight() * factor), BufferedImage.TYPE_BYTE_GRAY);
            var g = big.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, big.getWidth(), big.getHeight(), null);
            g.dispose();
            image = big;
        }
        return image;
    }

    /** Reads the cells, and the page's text image first in the same call if there is one: its words are returned. */
    private List<Word> readCells(List<PendingCell> cells, Path work, int pageNumber, TextImage page)
            throws IOException {
        List<PendingCell> inked = cells.stream().filter(c -> c.image != null).toList();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < inked.size(); i++) {
            Path file = work.resolve("p" + pageNumber + "-cell" + i + ".png");
            ImageIO.write(inked.get(i).image, "png", file.toFile());
            files.add(file);
        }
        int first = page == null ? 0 : 1;
        List<Path> all = new ArrayList<>();
        if (page != null) {
            all.add(page.file());
        }
        all.addAll(files);
        List<List<Word>> read = byImage(tesseract.recognize(all, Mode.CELL, work), all.size());
        List<List<Word>> asText = read.subList(first, read.size());
        List<Integer> numeric = new ArrayList<>();
        for (int i = 0; i < inked.size(); i++) {
            String text = joined(asText.get(i));
            inked.get(i).text = text;
            if (text.isEmpty() || NumericCell.looksNumeric(text)) {
                numeric.add(i);
            } else {
                inked.get(i).mended = labels.mend(text);
                if (inked.get(i).mended != null) {
                    inked.get(i).text = inked.get(i).mended.text();
                }
            }
        }
        List<Path> again = numeric.stream().map(files::get).toList();
        List<List<Word>> asDigits = byImage(tesseract.recognize(again, Mode.DIGITS, work), again.size());
        for (int k = 0; k < numeric.size(); k++) {
            PendingCell cell = inked.get(numeric.get(k));
            NumericCell.Decision decision = NumericCell.decide(cell.text, joined(asDigits.get(k)));
            cell.text = decision.text();
            if (decision.unsure()) {
                cell.candidates = List.copyOf(decision.candidates());
            }
        }
        for (Path file : all) {
            Files.deleteIfExists(file);
        }
        return first == 0 ? List.of() : read.get(0);
    }

    private static List<List<Word>> byImage(List<Word> words, int images) {
        List<List<Word>> out = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            out.add(new ArrayList<>());
        }
        for (Word w : words) {
            if (w.image() >= 0 && w.image() < images) {
                out.get(w.image()).add(w);
            }
        }
        return out;
    }

    /** Words in reading order, lines joined: no space between Chinese characters, one between Latin words. */
    static String joined(List<Word> words) {
        StringBuilder out = new StringBuilder();
        for (Word w : words) {
            if (!out.isEmpty() && needsSpace(out.charAt(out.length() - 1), w.text().charAt(0))) {
                out.append(' ');
            }
            out.append(w.text());
        }
        return out.toString();
    }

    private static boolean needsSpace(char before, char after) {
        return before < 0x2E80 && after < 0x2E80 && Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after);
    }

    private static List<Box> grown(List<Box> boxes, Raster page, int by) {
        List<Box> out = new ArrayList<>();
        for (Box b : boxes) {
            int x = Math.max(0, b.x() - by);
            int y = Math.max(0, b.y() - by);
            out.add(new Box(x, y, Math.min(page.width, b.right() + by) - x, Math.min(page.height, b.bottom() + by) - y));
        }
        return out;
    }

    /** The page's running text as an image file: the box around its ink, on a white margin. */
    private record TextImage(Path file, Box inked, int margin) {
    }

    /**
     * The page's ink outside its tables cut out for reading; null when there is none. Only the box around the ink
     * goes to Tesseract, whose layout analysis takes time by the area.
     */
    private static TextImage textImage(Raster rest, int pageNumber, Path work) throws IOException {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int ink = 0;
        for (int y = 0; y < rest.height; y++) {
            for (int x = 0; x < rest.width; x++) {
                if ((rest.grey[y * rest.width + x] & 0xFF) < Raster.INK) {
                    ink++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (ink <= 200) {
            return null;
        }
        Box inked = new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
        int margin = 20;
        Path file = work.resolve("p" + pageNumber + "-text.png");
        ImageIO.write(rest.crop(inked, margin, null), "png", file.toFile());
        return new TextImage(file, inked, margin);
    }

    /** The page's running text, line by line, from the words read in its text image (none without one). */
    private static List<Placed> textLines(List<Word> read, TextImage image, int pageNumber) {
        if (image == null) {
            return List.of();
        }
        List<Word> words = read.stream()
                .map(w -> new Word(w.image(), w.block(), w.paragraph(), w.line(), w.left() + image.inked().x()
                        - image.margin(), w.top() + image.inked().y() - image.margin(), w.width(), w.height(),
                        w.confidence(), w.text()))
                .toList();
        Map<String, List<Word>> lines = new LinkedHashMap<>();
        for (Word w : words) {
            lines.computeIfAbsent(w.block() + "/" + w.paragraph() + "/" + w.line(), k -> new ArrayList<>()).add(w);
        }
        List<Placed> out = new ArrayList<>();
        int lineNumber = 0;
        for (List<Word> line : lines.values()) {
            double confidence = line.stream().mapToDouble(Word::confidence).average().orElse(0);
            String text = joined(line);
            if (confidence < 40 && text.length() <= 4) {
                continue; // a smudge or the remains of a ruling line, not a line of text
            }
            lineNumber++;
            int top = line.stream().mapToInt(Word::top).min().orElse(0);
            int left = line.stream().mapToInt(Word::left).min().orElse(0);
            int right = line.stream().mapToInt(w -> w.left() + w.width()).max().orElse(0);
            int bottom = line.stream().mapToInt(w -> w.top() + w.height()).max().orElse(0);
            out.add(new Placed(top, new Block.TextLine(text, "page " + pageNumber + " line " + lineNumber + " box "
                    + new Box(left, top, right - left, bottom - top) + " (OCR)")));
        }
        return out;
    }
}
