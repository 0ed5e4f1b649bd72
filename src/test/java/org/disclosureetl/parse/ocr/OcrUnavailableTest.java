package org.disclosureetl.parse.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.disclosureetl.parse.Block;
import org.disclosureetl.parse.DocumentParseException;
import org.disclosureetl.vocabulary.ErrorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrUnavailableTest {

    @TempDir
    Path folder;

    @Test
    void aScanWithoutTesseractInstalledFailsWithItsOwnErrorType() throws IOException {
        Path png = folder.resolve("scan.png");
        ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        ScannedPages scans = new ScannedPages(new Tesseract(folder.resolve("no-tesseract-here").toString()), 1);

        assertThatThrownBy(() -> scans.complete(png, "image/png", List.of(), -1))
                .isInstanceOfSatisfying(DocumentParseException.class,
                        e -> assertThat(e.errorType()).isEqualTo(ErrorType.OCR_UNAVAILABLE))
                .hasMessageContaining("apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra");
    }

    @Test
    void aPictureTooSmallForATableIsNoScan() throws IOException {
        Path icon = folder.resolve("icon.png");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY), "png", icon.toFile());
        ScannedPages scans = new ScannedPages(new Tesseract(folder.resolve("no-tesseract-here").toString()), 1);

        assertThat(scans.complete(icon, "image/png", List.of(), -1)).isNull();
    }

    /** The parent sends such files to children with the longer etl.parse.ocr-timeout. */
    @Test
    void imagesAndPdfsWithoutFontsMayBeScansAndTextPdfsAreNot() throws IOException {
        Path png = folder.resolve("page.png");
        ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());

        assertThat(ScannedPages.mayBeScan(png)).isTrue();
        assertThat(ScannedPages.mayBeScan(org.disclosureetl.testsupport.Fixtures.resource("ocr/004-scan-150dpi.pdf")))
                .isTrue();
        assertThat(ScannedPages.mayBeScan(Path.of("data/inbox/pdf/000_e61bf2b8057539f0.pdf"))).isFalse();
        assertThat(ScannedPages.mayBeScan(Files.writeString(folder.resolve("a.txt"), "%PDF-1.4 /Font"))).isFalse();
    }

    /**
     * A scan under a text layer names a font, as a text PDF does; its page-sized picture gives it the OCR time limit
     * (README "Scanned reports (OCR)"), a logo does not.
     */
    @Test
    void aPdfWithAFontAndAPageSizedPictureMayBeAScanAndOneWithALogoIsNot() throws IOException {
        Path scan = pdfWithTextAndPicture(folder.resolve("scan-under-text.pdf"), 1240, 1754);
        Path logo = pdfWithTextAndPicture(folder.resolve("text-with-logo.pdf"), 300, 120);

        assertThat(new String(Files.readAllBytes(scan), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("/Font").contains("/Width 1240");
        assertThat(ScannedPages.mayBeScan(scan)).isTrue();
        assertThat(ScannedPages.mayBeScan(logo)).isFalse();
    }

    /** One page: a grey picture of the given pixels drawn over it, a line of Helvetica text, saved uncompressed. */
    static Path pdfWithTextAndPicture(Path file, int width, int height) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            pdf.addPage(page);
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(pdf,
                    new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY));
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
                content.drawImage(image, 0, 0, width >= 600 ? page.getMediaBox().getWidth() : 100,
                        width >= 600 ? page.getMediaBox().getHeight() : 40);
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("c3 a8 af b7 e4 ba ba");
                content.endText();
            }
            pdf.save(file.toFile(), org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
        }
        return file;
    }

    @Test
    void aPdfWhosePagesAllHaveTextIsNotOpenedAgain() throws IOException {
        Path notAPdf = Files.writeString(folder.resolve("text.pdf"), "not opened");
        ScannedPages scans = new ScannedPages(new Tesseract(folder.resolve("no-tesseract-here").toString()), 1);
        List<Block> blocks = List.of(new Block.TextLine("某某局2021年政府信息公开工作年度报告", "page 1 line 1"),
                new Block.TextLine("一、总体情况二〇二一年", "page 2 line 1"));

        assertThat(scans.complete(notAPdf, "application/pdf", blocks, 2)).isNull();
        assertThat(scans.complete(notAPdf, "text/html", blocks, -1)).isNull();
    }
}
