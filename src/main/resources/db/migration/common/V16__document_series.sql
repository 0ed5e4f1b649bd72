-- An agency's reports form a series (series/SeriesLinker, the ingest job's link step): documents of the same
-- agency_key and report year are the same report in several files. duplicate_of names the series' copy of that
-- agency and year (NULL: the document is the copy, or belongs to no series). series_issue holds the issues the link
-- step found (cross-year checks, cells that differ from the copy), exported after a document's own issues;
-- series_issues counts them and series_revision names that set of rows for the export's fragment cache (a value of
-- document_revision_seq, NULL when there are none). A document that is processed again loses all three until the
-- next link step.
ALTER TABLE document ADD COLUMN duplicate_of VARCHAR(32);
ALTER TABLE document ADD COLUMN series_issues INT NOT NULL DEFAULT 0;
ALTER TABLE document ADD COLUMN series_revision BIGINT;
-- how many of its empty ambiguous cells the link step filled (settled_by_series): its cells then change with
-- series_revision too, else only its issues do
ALTER TABLE document ADD COLUMN settled_cells INT NOT NULL DEFAULT 0;
CREATE TABLE series_issue (
    document_id     VARCHAR(32)   NOT NULL,
    ordinal         INT           NOT NULL,
    rule            VARCHAR(64)   NOT NULL,
    table_code      VARCHAR(32),
    row_code        VARCHAR(64),
    column_code     VARCHAR(32),
    expected        VARCHAR(100),
    actual          VARCHAR(500),
    message         VARCHAR(2000),
    PRIMARY KEY (document_id, ordinal)
);
-- What the data looked like when the link step last finished (store/SeriesRepository#fingerprint, after its own
-- writes): a run that changed no document skips the link instead of reading every series again.
CREATE TABLE series_link (
    name            VARCHAR(32)   NOT NULL PRIMARY KEY,
    fingerprint     VARCHAR(200)  NOT NULL
);
