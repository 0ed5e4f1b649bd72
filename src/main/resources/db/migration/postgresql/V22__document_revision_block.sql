-- H2 takes document revisions in larger blocks from this version on (db/migration/h2). PostgreSQL keeps handing
-- them out one at a time, for the reason V14__document_revision_cache.sql gives: nothing changes here.
SELECT 1;
