package org.disclosureetl.parse.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Picture;

/**
 * The pictures pasted into a Word document (DOCX, DOC), in document order: a report whose tables are screenshots
 * has its numbers only there. Pictures that ImageIO cannot decode (EMF, WMF) are left out.
 */
public final class EmbeddedPictures {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String DOC = "application/msword";
    private static final Set<String> WORD = Set.of(DOCX, DOC);
    private static final Pattern MEDIA_NUMBER = Pattern.compile("(\\d+)\\.[A-Za-z]+$");

    private EmbeddedPictures() {
    }

    public static boolean isWord(String contentType) {
        return contentType != null && WORD.contains(contentType.split(";")[0].strip());
    }

    /** The document's decodable pictures in order (DOCX: word/media by number, DOC: the picture table's order). */
    static List<BufferedImage> read(Path file, String contentType) throws IOException {
        String base = contentType.split(";")[0].strip();
        List<BufferedImage> pictures = new ArrayList<>();
        if (DOCX.equals(base)) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                List<? extends ZipEntry> media = zip.stream().filter(e -> e.getName().startsWith("word/media/"))
                        .sorted(Comparator.comparingInt(EmbeddedPictures::number).thenComparing(ZipEntry::getName))
                        .toList();
                for (ZipEntry entry : media) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        add(pictures, in.readNBytes(64 << 20));
                    }
                }
            }
        } else if (DOC.equals(base)) {
            try (InputStream in = Files.newInputStream(file); HWPFDocument doc = new HWPFDocument(in)) {
                for (Picture picture : doc.getPicturesTable().getAllPictures()) {
                    add(pictures, picture.getContent());
                }
            } catch (RuntimeException e) {
                return pictures; // a DOC that POI cannot open has no pictures to read; Tika said what it could
            }
        }
        return pictures;
    }

    private static int number(ZipEntry entry) {
        Matcher m = MEDIA_NUMBER.matcher(entry.getName());
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** A picture of more pixels than this (a page at 600 dpi has 35 million) is not decoded: a bomb, not a scan. */
    static final long MAX_PIXELS = 60_000_000L;

    private static void add(List<BufferedImage> pictures, byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator()
                    : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return; // EMF, WMF and the like
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                if ((long) reader.getWidth(0) * reader.getHeight(0) <= MAX_PIXELS) {
                    pictures.add(reader.read(0));
                }
            } catch (IOException | RuntimeException e) {
                // a picture that cannot be decoded holds nothing to read
            } finally {
                reader.dispose();
            }
        }
    }

    /** A picture file smaller than this (bytes) holds no table: a logo, a stamp, a bullet. */
    static final long TABLE_PICTURE_BYTES = 10_000;

    /**
     * Whether a DOCX may need OCR, from its parts alone: pictures and no table in its body, or a picture file big
     * enough to hold a table ({@link #TABLE_PICTURE_BYTES}) beside its tables. Only decides the parse's time limit
     * ({@link ScannedPages#mayBeScan}).
     */
    static boolean mayHoldTablePictures(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry body = zip.getEntry("word/document.xml");
            List<? extends ZipEntry> media = zip.stream().filter(e -> e.getName().startsWith("word/media/")).toList();
            if (body == null || media.isEmpty()) {
                return false;
            }
            if (media.stream().anyMatch(e -> e.getSize() >= TABLE_PICTURE_BYTES)) {
                return true;
            }
            try (InputStream in = zip.getInputStream(body)) {
                return !new String(in.readNBytes(64 << 20), StandardCharsets.UTF_8).contains("<w:tbl>");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
