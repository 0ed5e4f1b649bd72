-- A file whose size and modification time (nanoseconds since the epoch, as the file system reports
-- it) match its row is taken as unchanged without hashing it again (InboxScanner). NULL for rows
-- stored before: those files are hashed once more.
ALTER TABLE source_file ADD COLUMN modified_nanos BIGINT;

-- Every insert or update of a document row takes a new number from this sequence. The export
-- fingerprints the data from it (with the failure log's size), so an unchanged database is not
-- exported again (export/ExportManifest). Sequence values are never rolled back, so a number is
-- never reused.
CREATE SEQUENCE document_revision_seq NO CACHE;
ALTER TABLE document ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
