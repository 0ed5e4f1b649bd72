-- A crawler export (CSV or JSON lines holding one report per record) is split into one document per record
-- (parse/CrawlerExportReader.java). source_record is the record's number in its file, from 1; NULL for a document
-- that is a whole file. container_id is the document of the file the record came from (status 'split'): a record
-- document lives and dies with it, so that a changed export drops its old records' rows and a deleted one marks
-- them absent (store/DocumentRepository.java). The index serves those look-ups by container, one per file that
-- discover registers, changes or finds deleted.
ALTER TABLE document ADD COLUMN source_record INT;
ALTER TABLE document ADD COLUMN container_id VARCHAR(32);
CREATE INDEX document_container ON document (container_id);
