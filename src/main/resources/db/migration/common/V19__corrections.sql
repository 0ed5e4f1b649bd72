-- The analyst's answers to the review sheet (`apply-corrections`, store/CorrectionRepository): one value per cell of
-- one document. Keyed by document_id, which is derived from the SHA-256 of the file's bytes: a correction outlives
-- every reprocess and retry of the same bytes, and a changed file is another document, for which the correction is
-- stale (listed again by `review`, never applied). source_file and sha256 say which file and which bytes were
-- answered; the export puts the value in place of the one read (value_source `corrected`).
CREATE TABLE correction (
    document_id     VARCHAR(32)     NOT NULL,
    table_code      VARCHAR(32)     NOT NULL,
    row_code        VARCHAR(64)     NOT NULL,
    column_code     VARCHAR(32)     NOT NULL,
    source_file     VARCHAR(1024)   NOT NULL,
    source_record   INT             NOT NULL DEFAULT 0,
    sha256          CHAR(64)        NOT NULL,
    value_number    DECIMAL(38, 10) NOT NULL,
    corrected_by    VARCHAR(200)    NOT NULL,
    corrected_at    TIMESTAMP       NOT NULL,
    note            VARCHAR(2000),
    forced          BOOLEAN         NOT NULL DEFAULT FALSE,
    PRIMARY KEY (document_id, table_code, row_code, column_code)
);
CREATE INDEX correction_source ON correction (source_file, source_record);
-- names the document's set of corrections for the export's fragment cache (a value of document_revision_seq when
-- answers were stored, 0 when the document was processed again with corrections, NULL when it has none): its cells
-- change with it, without the document being processed
ALTER TABLE document ADD COLUMN corrections_revision BIGINT;
