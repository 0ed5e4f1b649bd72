package org.disclosureetl.extract.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disclosureetl.normalize.NormalizedDocument;

/**
 * The fields a crawler or a web page prints above a report: {@code 发布机构: XX局}, {@code 来源：XX局},
 * {@code 发布时间: 2023-01-09}. The publisher is evidence of the agency; a publication date in the first
 * half of a year says the report covers the year before (reports are due by the end of January, before
 * 2019 by the end of March), a later one says nothing about it.
 */
final class HeaderFieldReader implements EvidenceReader {

    /** Header fields come before the report's text. */
    private static final int SEARCH_LINES = 15;
    static final List<String> PUBLISHER_FIELDS = List.of("发布机构", "发布单位", "发文机关", "信息来源", "来源", "发布部门", "责任部门");
    static final List<String> DATE_FIELDS = List.of("发布时间", "发布日期", "成文日期", "公开日期", "发文日期", "时间", "日期");
    private static final Pattern PUBLISHER = Pattern.compile(
            "(?:" + String.join("|", PUBLISHER_FIELDS) + ")\\s*[:：]\\s*(?<name>[^\\s:：|]{2,40})");
    private static final Pattern DATE = Pattern.compile(
            "(?:" + String.join("|", DATE_FIELDS) + ")\\s*[:：]\\s*(?<year>(?:19|20)\\d{2})\\s*[-/.年]\\s*(?<month>\\d{1,2})");
    /** The last month in which a report is usually published for the year before. */
    static final int LAST_MONTH_OF_PUBLICATION = 6;

    @Override
    public List<Evidence> read(ReportLines report) {
        List<Evidence> found = new ArrayList<>();
        List<NormalizedDocument.Line> lines = new ArrayList<>(report.head());
        lines.addAll(report.body().subList(0, Math.min(SEARCH_LINES, report.body().size())));
        for (NormalizedDocument.Line line : lines) {
            String text = line.text();
            if (text.indexOf(':') < 0 && text.indexOf('：') < 0) {
                continue;
            }
            Matcher publisher = PUBLISHER.matcher(text);
            boolean publisherField = hasFieldBeforeColon(text, PUBLISHER_FIELDS);
            while (publisherField && publisher.find()) {
                String name = AgencyNames.clean(publisher.group("name"));
                if (AgencyNames.isName(name)) {
                    found.add(Evidence.agency(EvidenceSource.PUBLISHER_FIELD, name, line.where(), publisher.group()));
                }
            }
            Matcher date = DATE.matcher(text);
            boolean dateField = hasFieldBeforeColon(text, DATE_FIELDS);
            while (dateField && date.find()) {
                Evidence published = publication(Integer.parseInt(date.group("year")),
                        Integer.parseInt(date.group("month")), line.where(), date.group());
                if (published != null) {
                    found.add(published);
                }
            }
        }
        return found;
    }

    /**
     * Whether one of the field names stands before a colon, ASCII white space between them allowed: what both patterns
     * need; most lines with a colon are no header field (HandWrittenChecksTest holds it to the patterns).
     */
    static boolean hasFieldBeforeColon(String text, List<String> fields) {
        for (int colon = 0; colon < text.length(); colon++) {
            if (text.charAt(colon) != ':' && text.charAt(colon) != '：') {
                continue;
            }
            int end = colon;
            while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) >= '\t' && text.charAt(end - 1) <= '\r')) {
                end--;
            }
            for (String field : fields) {
                if (end >= field.length() && text.startsWith(field, end - field.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The year a report published in that month covers, or null when the month does not tell. */
    static Evidence publication(int year, int month, String where, String quote) {
        return month >= 1 && month <= LAST_MONTH_OF_PUBLICATION
                ? Evidence.year(EvidenceSource.PUBLICATION_DATE, year - 1, where, quote) : null;
    }
}
