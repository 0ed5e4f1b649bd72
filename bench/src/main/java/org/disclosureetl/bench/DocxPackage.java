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

    /** The package's properties (its title, subject): renamed with the document, or readers see the seed's agency. */
    static final java.util.Set<String> PROPERTIES = java.util.Set.of("docProps/core.xml", "docProps/app.xml");

    /** A copy of the package, entry for entry in the same order and with the same times, with a new document.xml. */
    static byte[] withDocumentXml(byte[] docx, String documentXml) {
        return withDocumentXml(docx, documentXml, java.util.function.UnaryOperator.identity());
    }

    /** The same, with the package's properties ({@link #PROPERTIES}) passed through {@code properties}. */
    static byte[] withDocumentXml(byte[] docx, String documentXml,
                                  java.util.function.UnaryOperator<String> properties) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(docx.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                if (DOCUMENT.equals(entry.getName())) {
                    out.write(documentXml.getBytes(StandardCharsets.UTF_8));
                } else if (PROPERTIES.contains(entry.getName())) {
                    out.write(properties.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8));
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
