-- Paths of any length: a relative path longer than 1,024 characters stopped the discover step.
ALTER TABLE source_file ALTER COLUMN path SET DATA TYPE VARCHAR;
ALTER TABLE document ALTER COLUMN source_file SET DATA TYPE VARCHAR;
ALTER TABLE failure ALTER COLUMN source_file SET DATA TYPE VARCHAR;

-- Which attempt at the document failed: (document_id, step, attempt) identifies a failure, so a chunk
-- replayed after a crash cannot log the same failure twice. NULL for files that never became a
-- document (unreadable in the discover step).
ALTER TABLE failure ADD COLUMN attempt INT;

-- H2 caches 32 sequence values per session; a killed process lost them and run ids jumped by 32.
ALTER SEQUENCE BATCH_JOB_EXECUTION_SEQ NO CACHE;
ALTER SEQUENCE BATCH_JOB_INSTANCE_SEQ NO CACHE;
ALTER SEQUENCE BATCH_STEP_EXECUTION_SEQ NO CACHE;

-- The failure log is looked up by document to keep entries unique.
CREATE INDEX failure_document ON failure (document_id);
