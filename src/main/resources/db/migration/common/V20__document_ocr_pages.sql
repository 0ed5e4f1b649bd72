-- The pages of a document that were read by OCR (parse/ocr: scanned pages and image files), as page ranges
-- ("1-3,5"); NULL when none was, or when the document failed. documents.csv's ocr_pages, docs/OUTPUT.md.
ALTER TABLE document ADD COLUMN ocr_pages VARCHAR(4000);
