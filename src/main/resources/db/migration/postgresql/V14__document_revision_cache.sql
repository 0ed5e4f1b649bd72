-- H2 caches document revisions from this version on (db/migration/h2). PostgreSQL's cache belongs to a connection:
-- a write through one connection could take a smaller revision than one already taken through another, and the
-- export's fingerprint (MAX(revision), ExportQueries) would not see it. So PostgreSQL hands out one at a time.
ALTER SEQUENCE document_revision_seq CACHE 1;
