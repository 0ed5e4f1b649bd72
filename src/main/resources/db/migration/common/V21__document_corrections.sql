-- The analyst's answers to a document's questions (`apply-corrections`, store/CorrectionRepository): its agency
-- (with the region code the answer gave, if any), report year or format version, one value per field. Keyed like
-- correction (V19) by document_id, derived from the file's bytes: the value is put in the document's row when it is
-- stored and again after every reprocess of the same bytes (the ingest job's link step, before it links, so the
-- corrected agency and year place the document in its series); a changed file is another document, for which the
-- answer is stale (listed again by `review`, never applied).
CREATE TABLE document_correction (
    document_id     VARCHAR(32)     NOT NULL,
    field           VARCHAR(32)     NOT NULL,
    source_file     VARCHAR(1024)   NOT NULL,
    source_record   INT             NOT NULL DEFAULT 0,
    sha256          CHAR(64)        NOT NULL,
    value_text      VARCHAR(500)    NOT NULL,
    region_code     VARCHAR(12),
    corrected_by    VARCHAR(200)    NOT NULL,
    corrected_at    TIMESTAMP       NOT NULL,
    note            VARCHAR(2000),
    PRIMARY KEY (document_id, field)
);
CREATE INDEX document_correction_source ON document_correction (source_file, source_record);
