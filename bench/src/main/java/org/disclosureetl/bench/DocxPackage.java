package org.disclosureetl.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Reads and replaces {@code word/document.xml} of a DOCX package with plain java.util.zip. */
final class DocxPackage {

    static final String DOCUMENT = "word/document.xml";

    private DocxPackage() {
    }

    static String documentXml(byte[] docx) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (DOCUMENT.equals(entry.getName())) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no " + DOCUMENT + " in the package");
    }

    /** A copy of the package, entry for entry in the same order and with the same times, with a new document.xml. */
    static byte[] withDocumentXml(byte[] docx, String documentXml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(docx.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                if (DOCUMENT.equals(entry.getName())) {
                    out.write(documentXml.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
