package org.disclosureetl.store;

/**
 * A registered document waiting for (or done with) extraction: what the extract step reads.
 *
 * @param sourceRecord the record's number (from 1) when the document is one record of a crawler export held in
 *                     {@code sourceFile}, whose content {@code sha256} is; null for a document that is a whole file
 */
public record StoredDocument(String documentId, String sha256, String sourceFile, int attempts, Integer sourceRecord) {

    /** A document that is a whole file. */
    public StoredDocument(String documentId, String sha256, String sourceFile, int attempts) {
        this(documentId, sha256, sourceFile, attempts, null);
    }
}
