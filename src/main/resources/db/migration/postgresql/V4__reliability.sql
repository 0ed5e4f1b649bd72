-- The PostgreSQL twin of h2/V4 (see there for why each change is made), without its sequence part:
-- H2's ALTER SEQUENCE ... NO CACHE is not PostgreSQL syntax, and PostgreSQL's sequences cache one
-- value unless told otherwise, so a killed process loses no run id there.
ALTER TABLE source_file ALTER COLUMN path SET DATA TYPE VARCHAR;
ALTER TABLE document ALTER COLUMN source_file SET DATA TYPE VARCHAR;
ALTER TABLE failure ALTER COLUMN source_file SET DATA TYPE VARCHAR;

ALTER TABLE failure ADD COLUMN attempt INT;

CREATE INDEX failure_document ON failure (document_id);
