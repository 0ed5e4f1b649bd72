package org.disclosureetl.parse.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.disclosureetl.parse.Block;
import org.disclosureetl.parse.DocumentParseException;
import org.disclosureetl.vocabulary.ErrorType;

/**
 * OCR of the pages that have no text: every frame of an image file (PNG, JPEG, TIFF, BMP, GIF), and each PDF page
 * that carries a picture over most of it and (almost) no text of its own, or only a garbled text layer
 * ({@link #garbled}), which the OCR'd blocks then replace. A document whose pages all have text is
 * returned as it came, without opening it again, so text documents are read exactly as before. The pages of one
 * document are read side by side on {@code threads} Tesseract processes.
 */
public final class ScannedPages {

    /** The image types read by OCR as a whole. */
    public static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/tiff", "image/bmp",
            "image/x-ms-bmp", "image/gif");

    /** A PDF page with fewer characters than this is a scan if a picture covers most of it: a page number is not text. */
    static final int USABLE_TEXT = 10;

    /** An image narrower or lower than this (pixels) holds no table to read: an icon, a logo, a bullet. */
    static final int MIN_SIDE = 120;

    private static final Pattern PAGE = Pattern.compile("^page (\\d+) ");

    private final Tesseract tesseract;
    private final int threads;
    private final TemplateTables templateTables = TemplateTables.fromTemplates();

    /** What the OCR added: the pages it read, its cells and the cells it was unsure of. */
    public record Outcome(List<Block> blocks, List<Integer> pages, int cells, int unsureCells) {
    }

    /** @param threads Tesseract processes side by side for one document's pages ({@code etl.threads}) */
    public ScannedPages(int threads) {
        this(new Tesseract("tesseract"), threads);
    }

    ScannedPages(Tesseract tesseract, int threads) {
        this.tesseract = tesseract;
        this.threads = Math.max(1, threads);
    }

    /**
     * Whether the file may need OCR, from its bytes alone (before any parser): an image by its signature, a Word
     * document whose pictures may be read ({@link EmbeddedPictures#mayHoldTablePictures}), or a PDF that names no font
     * anywhere, as a PDF made of page images does, or that holds a page-sized picture ({@link #PAGE_PICTURE} pixels
     * or more both ways), as a scan under a text layer (garbage or not) does. A text PDF whose font objects sit in
     * compressed object streams, or with a page-sized photograph, answers yes too; that only gives it the longer
     * time limit.
     */
    public static boolean mayBeScan(Path file) throws IOException {
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            byte[] head = in.readNBytes(8);
            if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'}) || startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8})
                    || startsWith(head, new byte[] {'I', 'I', '*', 0}) || startsWith(head, new byte[] {'M', 'M', 0, '*'})
                    || startsWith(head, new byte[] {'G', 'I', 'F', '8'}) || startsWith(head, new byte[] {'B', 'M'})) {
                return true;
            }
            if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
                return EmbeddedPictures.mayHoldTablePictures(file);
            }
            if (!startsWith(head, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return false;
            }
            return pdfMayBeScan(in);
        }
    }

    /** The pixels, both ways, of a picture that may be a page's scan: a page at 72 dpi has 595 by 842. */
    static final int PAGE_PICTURE = 600;

    private static final Pattern IMAGE = Pattern.compile("/Subtype\\s*/Image$");
    private static final Pattern WIDTH = Pattern.compile("/Width\\s+(\\d{1,6})\\b(?!\\s+\\d+\\s+R)");
    private static final Pattern HEIGHT = Pattern.compile("/Height\\s+(\\d{1,6})\\b(?!\\s+\\d+\\s+R)");

    /**
     * One pass over the PDF's bytes (after its header), a megabyte at a time with the end of the last window carried
     * over: whether it names no font, or holds an image XObject of {@link #PAGE_PICTURE} pixels or more both ways.
     * An image's dictionary is plain bytes even in a compressed PDF (a stream is never inside an object stream).
     * Only the bytes around an {@code /Image} go through a regular expression.
     */
    static boolean pdfMayBeScan(java.io.InputStream in) throws IOException {
        int window = 1 << 20;
        int carry = 1024;
        String kept = "";
        boolean font = false;
        while (true) {
            byte[] bytes = in.readNBytes(window);
            if (bytes.length == 0) {
                return !font;
            }
            // Latin-1: one char a byte, and String.indexOf is the JDK's fast search
            String text = kept + new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            font = font || text.contains("/Font");
            for (int at = text.indexOf("/Image"); at >= 0; at = text.indexOf("/Image", at + 1)) {
                int image = at + "/Image".length();
                String around = text.substring(Math.max(0, image - carry), Math.min(text.length(), image + carry));
                int atImage = image - Math.max(0, image - carry);
                // a dictionary's keys come in any order: the /Width and /Height nearest to its /Subtype /Image
                if (IMAGE.matcher(around.substring(Math.max(0, atImage - 40), atImage)).find()
                        && nearest(WIDTH, around, atImage) >= PAGE_PICTURE
                        && nearest(HEIGHT, around, atImage) >= PAGE_PICTURE) {
                    return true;
                }
            }
            kept = text.substring(Math.max(0, text.length() - carry));
        }
    }

    /** The value of the key nearest to {@code at} in the text, 0 if none. */
    private static int nearest(Pattern key, String text, int at) {
        Matcher m = key.matcher(text);
        int best = 0;
        int distance = Integer.MAX_VALUE;
        while (m.find()) {
            int d = Math.abs(m.start() - at);
            if (d < distance) {
                distance = d;
                best = Integer.parseInt(m.group(1));
            }
        }
        return best;
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length && java.util.Arrays.equals(head, 0, signature.length, signature, 0,
                signature.length);
    }

    /** Whether the file is of a type that is read by OCR or may have pages to OCR. */
    public static boolean mayNeedOcr(String contentType) {
        String base = contentType == null ? "" : contentType.split(";")[0].strip();
        return IMAGE_TYPES.contains(base) || "application/pdf".equals(base);
    }

    /**
     * The document's blocks with its OCR'd pages read in; {@code null} when there was nothing to OCR.
     *
     * @param pageCount the PDF's page count as Tika reported it, or -1 if unknown
     */
    public Outcome complete(Path file, String contentType, List<Block> blocks, int pageCount) throws IOException {
        String base = contentType == null ? "" : contentType.split(";")[0].strip();
        if (IMAGE_TYPES.contains(base)) {
            List<BufferedImage> frames = frames(file);
            Map<Integer, Page> pages = new HashMap<>();
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = frames.get(i);
                if (frame.getWidth() >= MIN_SIDE && frame.getHeight() >= MIN_SIDE) {
                    pages.put(i + 1, new Page(Raster.of(frame), assumedScale(frame)));
                }
            }
            if (pages.isEmpty()) {
                return null; // an icon or a logo, not a scan: no text, as before
            }
            availableOrFail(pages.size());
            return ocr(pages, blocks);
        }
        if (!"application/pdf".equals(base)) {
            return null;
        }
        Map<Integer, String> text = textByPage(blocks);
        if (pageCount > 0 && Stream.iterate(1, p -> p <= pageCount, p -> p + 1)
                .allMatch(p -> usable(text.get(p)))) {
            return null;
        }
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            Map<Integer, Page> pages = new HashMap<>();
            Set<Integer> garbled = new java.util.HashSet<>();
            PDFRenderer renderer = null;
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                int number = i + 1;
                if (usable(text.get(number))) {
                    continue;
                }
                PDPage page = pdf.getPage(i);
                float dpi = scanResolution(page);
                if (dpi <= 0) {
                    continue; // no picture over the page: an empty page, not a scan, or text as it is
                }
                if (characters(text.get(number)) >= USABLE_TEXT) {
                    garbled.add(number); // its text layer is replaced by what the picture says
                }
                if (renderer == null) {
                    availableOrFail(pdf.getNumberOfPages() - (int) text.keySet().stream().filter(
                            p -> usable(text.get(p))).count());
                    renderer = new PDFRenderer(pdf);
                }
                // rendered at the scan's own resolution (kept within what Tesseract reads well), in grey
                float at = Math.max(150, Math.min(300, dpi));
                BufferedImage image = renderer.renderImageWithDPI(i, at, ImageType.GRAY);
                pages.put(number, new Page(Raster.of(image), at / 200.0));
            }
            return pages.isEmpty() ? null : ocr(pages, blocks.stream().filter(b -> !garbled.contains(pageOf(b)))
                    .toList());
        }
    }

    /** Text of its own that a page can be read by: enough characters, and not garbled. */
    static boolean usable(String text) {
        return characters(text) >= USABLE_TEXT && !garbled(text);
    }

    private static int characters(String text) {
        return text == null ? 0 : (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    /**
     * Whether a page's text layer is garbage rather than the report's words: not one Chinese character, or fewer than
     * one in ten with a third of the rest mojibake (Latin-1 letters of UTF-8 bytes read as Latin-1), private-use
     * glyphs of a font without a Unicode map, or replacement characters. Such a page is OCR'd only when a picture
     * covers it, so a page of real text in another script stays as it is.
     */
    static boolean garbled(String text) {
        int all = 0;
        int han = 0;
        int odd = 0;
        for (int c : (text == null ? "" : text).codePoints().toArray()) {
            if (Character.isWhitespace(c)) {
                continue;
            }
            all++;
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
            } else if (Character.getType(c) == Character.PRIVATE_USE || c == 0xFFFD || (c >= 0x80 && c <= 0x24F)
                    || Character.isISOControl(c)) {
                odd++;
            }
        }
        return all > 0 && (han == 0 || (han * 10 < all && odd * 3 >= all - han));
    }

    /**
     * The pictures of a Word document read as pages, one a picture (numbered by its place among the document's
     * pictures), after the document's text; {@code null} when there is no picture to read. In a document without any
     * table (tables pasted as screenshots) every picture of {@link #MIN_SIDE} pixels or more is read. In one with
     * tables, only when its tables do not already hold every standardized table ({@link TemplateTables}), and then
     * only the pictures in which ruling lines enclose a table: a logo, a stamp or a photo is not read.
     */
    public Outcome completeWord(Path file, String contentType, List<Block> blocks) throws IOException {
        if (!EmbeddedPictures.isWord(contentType)) {
            return null;
        }
        boolean hasTables = blocks.stream().anyMatch(Block.TableRow.class::isInstance);
        if (hasTables && templateTables.holdAll(blocks)) {
            return null;
        }
        Map<Integer, Page> pages = new HashMap<>();
        int number = 0;
        for (BufferedImage picture : EmbeddedPictures.read(file, contentType)) {
            number++;
            if (picture.getWidth() >= MIN_SIDE && picture.getHeight() >= MIN_SIDE) {
                Page page = new Page(Raster.of(picture), assumedScale(picture));
                if (!hasTables || holdsATable(page)) {
                    pages.put(number, page);
                }
            }
        }
        if (pages.isEmpty() || tesseract.unavailable() != null) {
            return null; // without OCR the document is read by its text, as before
        }
        return ocr(pages, blocks);
    }

    /** Whether ruling lines in the picture enclose a table of two rows or more: no OCR needed to tell. */
    static boolean holdsATable(Page page) {
        Raster raster = page.raster();
        double skew = raster.skewDegrees();
        Raster straight = Math.abs(skew) >= 0.15 ? raster.turnedBack(skew) : raster;
        return RuledGrid.find(straight, page.scale()).tables().stream().anyMatch(t -> t.rows() >= 2);
    }

    private record Page(Raster raster, double scale) {
    }

    private void availableOrFail(int pages) {
        String missing = tesseract.unavailable();
        if (missing != null) {
            throw new DocumentParseException(ErrorType.OCR_UNAVAILABLE, "the file is a scan (" + pages
                    + " page(s) without text) and OCR is not available: " + missing);
        }
    }

    private Outcome ocr(Map<Integer, Page> pages, List<Block> blocks) throws IOException {
        Path work = Files.createTempDirectory("disclosure-etl-ocr");
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, pages.size()), r -> {
            Thread t = new Thread(r, "ocr-page");
            t.setDaemon(true);
            return t;
        });
        try {
            PageReader reader = new PageReader(tesseract, NumberedLabels.fromTemplates());
            List<Future<PageReader.PageResult>> futures = new ArrayList<>();
            for (Map.Entry<Integer, Page> e : pages.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                futures.add(pool.submit(() -> reader.read(e.getValue().raster(), e.getKey(), e.getValue().scale(),
                        work)));
            }
            List<PageReader.PageResult> results = new ArrayList<>();
            for (Future<PageReader.PageResult> f : futures) {
                results.add(f.get());
            }
            return new Outcome(merge(blocks, results), results.stream().map(PageReader.PageResult::page).toList(),
                    results.stream().mapToInt(PageReader.PageResult::cells).sum(),
                    results.stream().mapToInt(PageReader.PageResult::unsureCells).sum());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during OCR", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new DocumentParseException(ErrorType.PARSE_ERROR, "OCR failed: " + io.getMessage(), io);
            }
            throw new DocumentParseException(ErrorType.PARSE_ERROR, "OCR failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            try (Stream<Path> left = Files.list(work)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /** Each OCR'd page's blocks after the blocks the document's own text gave for pages up to it. */
    private static List<Block> merge(List<Block> blocks, List<PageReader.PageResult> results) {
        List<PageReader.PageResult> sorted = results.stream().sorted(Comparator.comparingInt(PageReader.PageResult::page))
                .toList();
        List<Block> out = new ArrayList<>();
        int next = 0;
        for (Block block : blocks) {
            int page = pageOf(block);
            while (next < sorted.size() && page > sorted.get(next).page()) {
                out.addAll(sorted.get(next++).blocks());
            }
            out.add(block);
        }
        while (next < sorted.size()) {
            out.addAll(sorted.get(next++).blocks());
        }
        return out;
    }

    private static int pageOf(Block block) {
        Matcher m = PAGE.matcher(block.where() == null ? "" : block.where());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static Map<Integer, String> textByPage(List<Block> blocks) {
        Map<Integer, String> text = new HashMap<>();
        for (Block b : blocks) {
            String t = b instanceof Block.TextLine line ? line.text() : String.join(" ", ((Block.TableRow) b).cells());
            text.merge(pageOf(b), t, (x, y) -> x + "\n" + y);
        }
        return text;
    }

    /**
     * The resolution of the largest picture drawn on the page, if it covers at least half of the page; 0 otherwise.
     * A picture's pixels over the page's width in inches: a scan made at 200 dpi gives 200.
     */
    static float scanResolution(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            return 0;
        }
        float pageWidth = page.getMediaBox().getWidth();
        float pageHeight = page.getMediaBox().getHeight();
        float best = 0;
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                float dpi = image.getWidth() / (pageWidth / 72f);
                float heightDpi = image.getHeight() / (pageHeight / 72f);
                // a picture of most of the page: its resolution both ways is about the same
                boolean covers = (float) image.getWidth() * image.getHeight() >= 0.5f * dpi * heightDpi
                        * (pageWidth / 72f) * (pageHeight / 72f) && image.getWidth() > 600;
                if (covers && dpi > best) {
                    best = dpi;
                }
            }
        }
        return best;
    }

    private static List<BufferedImage> frames(Path file) throws IOException {
        List<BufferedImage> frames = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DocumentParseException(ErrorType.PARSE_ERROR, "the image could not be decoded");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int n = reader.getNumImages(true);
                for (int i = 0; i < n; i++) {
                    frames.add(reader.read(i));
                }
            } catch (RuntimeException e) {
                throw new DocumentParseException(ErrorType.PARSE_ERROR, "the image could not be decoded: " + e, e);
            } finally {
                reader.dispose();
            }
        }
        return frames;
    }

    /**
     * An image file's resolution relative to 200 dpi, judged from its width as an A4 page (8.27 in) since few scans
     * record their resolution truthfully; a narrow picture (a screenshot of a table) is taken as it is.
     */
    static double assumedScale(BufferedImage image) {
        double dpi = image.getWidth() / 8.27;
        return dpi >= 100 ? Math.min(1.5, dpi / 200.0) : 1.0;
    }
}
