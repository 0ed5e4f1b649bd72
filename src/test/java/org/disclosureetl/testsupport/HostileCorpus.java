package org.disclosureetl.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Builds hostile and broken input files at test time, so no big binaries live in the repository.
 * Small text ones come from {@code src/test/resources/hostile/}.
 */
public final class HostileCorpus {

    public static final Path DOCX_002 = Fixtures.resource("fixtures/formats/docx/002_2bd72b0ede0a148a.docx");

    private HostileCorpus() {
    }

    public static Path empty(Path dir) throws IOException {
        return Files.createFile(dir.resolve("empty.pdf"));
    }

    /** 64 KiB of seeded random bytes under a .pdf name. */
    public static Path randomBytesPdf(Path dir) throws IOException {
        byte[] bytes = new byte[64 * 1024];
        new Random(20240611L).nextBytes(bytes);
        return Files.write(dir.resolve("random.pdf"), bytes);
    }

    /** The first half of a real report DOCX: the ZIP's central directory is gone. */
    public static Path truncatedDocx(Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(DOCX_002);
        return Files.write(dir.resolve("truncated.docx"), Arrays.copyOf(whole, whole.length / 2));
    }

    /** A one-page PDF that needs the user password "user-secret" to open. */
    public static Path encryptedPdf(Path dir) throws IOException {
        Path file = dir.resolve("encrypted.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Annual report on government information disclosure");
                content.endText();
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(file.toFile());
        }
        return file;
    }

    /**
     * A DOCX whose word/document.xml inflates to one text run of {@code inflatedBytes} letters (1.1 GB by
     * default) from about 5 MB of deflate data. Streamed: neither side is ever held in memory here.
     */
    public static Path zipBombDocx(Path dir, long inflatedBytes) throws IOException {
        Path file = dir.resolve("zipbomb.docx");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            zip.setLevel(Deflater.BEST_SPEED);
            writeDocxSkeleton(zip);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(DOCUMENT_START);
            zip.write(RUN_START);
            byte[] letters = new byte[1 << 20];
            Arrays.fill(letters, (byte) 'A');
            for (long written = 0; written < inflatedBytes; written += letters.length) {
                zip.write(letters);
            }
            zip.write(RUN_END);
            zip.write(DOCUMENT_END);
            zip.closeEntry();
        }
        return file;
    }

    /** The billion-laughs XML from src/test/resources/hostile/, as a plain .xml file. */
    public static Path entityBombXml(Path dir) throws IOException {
        return Files.write(dir.resolve("billion-laughs.xml"), resource("billion-laughs.xml"));
    }

    /** A DOCX whose word/document.xml declares the billion laughs in its DOCTYPE and uses them in a paragraph. */
    public static Path entityBombDocx(Path dir) throws IOException {
        String laughs = new String(resource("billion-laughs.xml"), StandardCharsets.UTF_8);
        String doctype = laughs.substring(laughs.indexOf("<!DOCTYPE"), laughs.indexOf("]>") + 2)
                .replace("<!DOCTYPE lolz", "<!DOCTYPE w:document");
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + doctype + "\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
        Path file = dir.resolve("billion-laughs.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            writeDocxSkeleton(zip);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(document.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** About {@code bytes} of UTF-8 Chinese report-like lines: far more text than any report. */
    public static Path hugeText(Path dir, long bytes) throws IOException {
        Path file = dir.resolve("huge.txt");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long written = 0;
            for (int line = 1; written < bytes; line++) {
                String text = "第" + line + "行 本机关收到政府信息公开申请 123 件，办结 120 件。\n";
                out.write(text);
                written += text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return file;
    }

    /** A short English text that is not a report at all. */
    public static Path notAReport(Path dir) throws IOException {
        return Files.write(dir.resolve("garden-club.txt"), resource("garden-club.txt"));
    }

    /** A 32 x 32 PNG picture. */
    public static Path png(Path dir) throws IOException {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        Path file = dir.resolve("picture.png");
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageIO.write(image, "png", out);
        }
        return file;
    }

    public static byte[] resource(String name) {
        try (InputStream in = HostileCorpus.class.getClassLoader().getResourceAsStream("hostile/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource hostile/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final byte[] DOCUMENT_START = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] RUN_START = "<w:p><w:r><w:t>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RUN_END = "</w:t></w:r></w:p>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOCUMENT_END = "<w:p><w:r><w:t>end</w:t></w:r></w:p></w:body></w:document>"
            .getBytes(StandardCharsets.UTF_8);

    private static void writeDocxSkeleton(ZipOutputStream zip) throws IOException {
        zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "</Types>").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("_rels/.rels"));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
