-- A run over an unchanged inbox no longer stamps every file it lists (5,000 row updates, and H2 then
-- compacting the file at close, for nothing): deleted files are found by comparing the listing with the
-- stored paths in memory (discover/InboxScanner.java). The column keeps what is still true of it: the run
-- that last hashed the file.
ALTER TABLE source_file RENAME COLUMN last_seen_run TO last_hashed_run;
