-- Where each report's agency sits in the division list (region package): the county-level,
-- prefecture or province unit, its names, and a key grouping one agency over years and scripts.
-- Empty strings mean "could not be placed" (a region_* validation issue says why); NULL means the
-- document was stored before this migration or has no agency.
ALTER TABLE document ADD COLUMN region_code  VARCHAR(6);
ALTER TABLE document ADD COLUMN region_level VARCHAR(16);
ALTER TABLE document ADD COLUMN province     VARCHAR(64);
ALTER TABLE document ADD COLUMN prefecture   VARCHAR(64);
ALTER TABLE document ADD COLUMN county       VARCHAR(64);
ALTER TABLE document ADD COLUMN agency_key   VARCHAR(300);
