package org.disclosureetl.store;

/** A registered document waiting for (or done with) extraction: what the extract step reads. */
public record StoredDocument(String documentId, String sha256, String sourceFile, int attempts) {
}
