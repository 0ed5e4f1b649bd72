package org.disclosureetl.parse;

import java.util.List;

import org.disclosureetl.vocabulary.ErrorType;

/**
 * A crawler's export (CSV or JSON lines) holding one report per record, as {@link CrawlerExportReader} read it:
 * each record becomes a document of its own, whose first lines are the record's fields as a crawler's text file
 * writes them ({@code 标题: …}, {@code 发布时间: …}, {@code 发布机构: …}, {@code 原文链接: …}) and whose other lines
 * are its body.
 *
 * @param contentType the export's media type and the charset it was decoded with, e.g. {@code text/csv; charset=GB18030}
 */
public record CrawlerExport(String contentType, List<Entry> entries) {

    public CrawlerExport {
        entries = List.copyOf(entries);
    }

    /**
     * One record, numbered from 1 in the order of the file: its text as blocks whose {@code where} names the record
     * ({@code record 3 line 12}), or why it cannot be read (a JSON line that is not an object: {@code parse_error};
     * a record without body: {@code no_text}); a bad record does not spoil the others.
     */
    public record Entry(int number, ParsedDocument document, ErrorType errorType, String problem) {

        static Entry read(int number, ParsedDocument document) {
            return new Entry(number, document, null, null);
        }

        static Entry unreadable(int number, ErrorType errorType, String problem) {
            return new Entry(number, null, errorType, problem);
        }

        public boolean readable() {
            return errorType == null;
        }
    }
}
