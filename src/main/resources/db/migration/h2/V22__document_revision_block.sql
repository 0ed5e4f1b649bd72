-- H2 records a sequence's block of cached values by committing its store, which with WRITE_DELAY=0 writes a chunk
-- of every changed page to the file, in the middle of the transaction that took the value. With blocks of 32
-- (V14__document_revision_cache.sql) a run took such a write every 32 document rows it wrote: every other chunk of
-- the extract step and about 190 times in the link step of 3,000 duplicates (each of their rows takes two values),
-- 5% of the job's samples and part of the file's growth. A closed database records the next value, not the block's
-- end, so the numbers of a run are the same with any block; a killed process skips the rest of its block, which
-- the export's fingerprint (MAX(revision), ExportQueries) does not mind, and the values still only grow.
ALTER SEQUENCE document_revision_seq CACHE 4096;
