package org.disclosureetl.extract.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disclosureetl.normalize.NormalizedDocument;

/**
 * The closing of a report: the agency's name on a line of its own above the date it was signed
 * ({@code 上海市科学技术委员会} / {@code 2022年1月20日}).
 */
final class SignatureReader implements EvidenceReader {

    /** The closing sits in the last lines (before a page footer or a web page's trailer). */
    private static final int SEARCH_LINES = 25;
    private static final Pattern DATE = Pattern.compile(
            "^(?<year>(?:19|20)\\d{2})年(?<month>\\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\\d{1,2}|[一二三四五六七八九十]{1,3})日$");

    @Override
    public List<Evidence> read(ReportLines report) {
        List<Evidence> found = new ArrayList<>();
        List<NormalizedDocument.Line> body = report.body();
        for (int i = body.size() - 1; i >= Math.max(1, body.size() - SEARCH_LINES); i--) {
            Matcher date = DATE.matcher(report.compactBody(i).text());
            if (!date.matches()) {
                continue;
            }
            String where = body.get(i).where();
            Evidence published = HeaderFieldReader.publication(Integer.parseInt(date.group("year")),
                    month(date.group("month")), where, date.group());
            if (published != null) {
                found.add(published);
            }
            for (int j = i - 1; j >= Math.max(0, i - 2); j--) {
                String name = AgencyNames.clean(body.get(j).text());
                if (AgencyNames.isName(name)) {
                    found.add(Evidence.agency(EvidenceSource.SIGNATURE, name, body.get(j).where(), name));
                    break;
                }
                if (!name.isEmpty()) {
                    break;
                }
            }
            break;
        }
        return found;
    }

    private static int month(String text) {
        if (Character.isDigit(text.charAt(0))) {
            return Integer.parseInt(text);
        }
        String numerals = "一二三四五六七八九";
        return text.equals("十") ? 10 : text.startsWith("十") ? 10 + numerals.indexOf(text.charAt(1)) + 1
                : numerals.indexOf(text.charAt(0)) + 1;
    }
}
