package org.disclosureetl.extract.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.disclosureetl.extract.attribution.TitleMatcher.Title;
import org.disclosureetl.normalize.NormalizedDocument;

/**
 * Titles of the report: in the body (one line, or wrapped over up to three short lines; a crawler's
 * {@code 标题:} field; a markdown heading; a breadcrumb ending in the title), in the page head, and
 * quoted in the prose ({@code 现公布XX局2021年政府信息公开工作年度报告}). A title may put the year before
 * the agency ({@code 2024年XX市科委政府信息公开工作年度报告}) or after the name of the report
 * ({@code 政府信息公开情况统计表（2018年度）}), and may be cut short by a list page
 * ({@code XX厅2021年政府信息公开工作年度报...}).
 */
final class TitleReader implements EvidenceReader {

    /** Titles sit near the top; past this many lines a match is more likely a quotation in prose. */
    static final int SEARCH_LINES = 60;
    /** Lines of a wrapped title are short and carry no sentence punctuation. */
    private static final int WRAPPED_LINE_MAX = 30;
    private static final int WRAPPED_LINES = 3;
    private static final String TITLE_PUNCTUATION_CHARS = "，,。；;！!？?:：、";
    /** Links to other reports around the page's own (上一篇: XX局2020年…), at the start of a line. */
    private static final List<String> OTHER_REPORT = List.of("上一篇", "下一篇", "相关链接", "相关阅读", "相关文章", "上一条", "下一条");
    private static final Pattern FILE_EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,5}$");

    @Override
    public List<Evidence> read(ReportLines report) {
        List<Evidence> found = new ArrayList<>();
        for (NormalizedDocument.Line line : report.head()) {
            Title title = TitleMatcher.match(line.text());
            if (title != null) {
                found.add(title.evidence(EvidenceSource.PAGE_TITLE, line.where()));
            }
        }
        List<NormalizedDocument.Line> body = report.body();
        int limit = Math.min(body.size(), SEARCH_LINES);
        BodyLines lines = new BodyLines(body, limit);
        List<Evidence> titles = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            String text = body.get(i).text();
            if (text.isBlank() || isOtherReportLink(text)) {
                continue;
            }
            Window window = titleAt(lines, i);
            if (window == null) {
                continue;
            }
            Title title = window.title();
            String agency = title.agency();
            if (AgencyNames.isFragment(agency) && !title.inProse()) {
                agency = completed(report, i, window.lines(), agency == null ? "" : agency, title.year() != null);
            }
            agency = AgencyNames.isName(agency) ? agency : null;
            EvidenceSource source = title.inProse() ? EvidenceSource.TITLE_IN_PROSE
                    : title.statisticsTable() ? EvidenceSource.STATISTICS_TABLE_TITLE : EvidenceSource.TITLE;
            titles.add(new Evidence(source, agency, title.year(), body.get(i).where(), title.quote()));
            i += window.lines() - 1;
        }
        found.addAll(withOneTitle(titles));
        if (report.sourceName() != null) {
            String stem = FILE_EXTENSION.matcher(report.sourceName()).replaceFirst("");
            Title title = TitleMatcher.match(stem.replace('_', ' '));
            if (title != null) {
                found.add(new Evidence(EvidenceSource.FILE_NAME, title.agency(), title.year(), "file name", title.quote()));
            }
        }
        return found;
    }

    /**
     * The report has one title: the first that gives both agency and year, else the first with a year, else
     * the first; the other titles of the body (a column name above it, the title printed twice, a
     * quotation) count as quoted in the text.
     */
    private static List<Evidence> withOneTitle(List<Evidence> titles) {
        Evidence main = titles.stream().filter(t -> t.source() == EvidenceSource.TITLE)
                .filter(t -> t.agency() != null && t.year() != null).findFirst()
                .or(() -> titles.stream().filter(t -> t.source() == EvidenceSource.TITLE && t.year() != null).findFirst())
                .or(() -> titles.stream().filter(t -> t.source() == EvidenceSource.TITLE).findFirst())
                .orElse(null);
        List<Evidence> out = new ArrayList<>();
        for (Evidence t : titles) {
            out.add(t == main || t.source() != EvidenceSource.TITLE ? t
                    : new Evidence(EvidenceSource.TITLE_IN_PROSE, t.agency(), t.year(), t.where(), t.quote()));
        }
        return out;
    }

    /** A title starting at body line {@code i}, on that line alone or wrapped over the next short lines. */
    private static Window titleAt(BodyLines lines, int i) {
        Title single = lines.title(i);
        if (single != null) {
            return new Window(single, 1);
        }
        if (!lines.wrappedPart(i) && lines.text(i).length() > WRAPPED_LINE_MAX) {
            return null;
        }
        StringBuilder joined = new StringBuilder(lines.text(i));
        int before = lines.compactLength(i);
        for (int k = 1; k < WRAPPED_LINES && lines.has(i + k); k++) {
            // a line that is a whole title of its own is read at its own index (an agency above it is joined there)
            if (!lines.wrappedPart(i + k) || isWholeTitle(lines.title(i + k))) {
                return null;
            }
            joined.append(lines.text(i + k));
            Title title = TitleMatcher.match(joined.toString());
            // the title must end on the line just added: otherwise the shorter window already had it
            if (title != null && title.end() > before) {
                return new Window(title, k + 1);
            }
            before += lines.compactLength(i + k);
        }
        return null;
    }

    /**
     * The first lines of the body as the title search reads them, each line's text (without a markdown heading's
     * mark), whether it can be part of a wrapped title and its own title worked out once: a window of lines
     * reads each line up to three times.
     */
    private static final class BodyLines {
        private static final Title NONE = new Title(null, null, false, false, 0, "");

        private final List<NormalizedDocument.Line> body;
        private final String[] text;
        private final Boolean[] wrapped;
        private final Title[] titles;
        private final int[] compactLengths;

        BodyLines(List<NormalizedDocument.Line> body, int limit) {
            this.body = body;
            int n = Math.min(body.size(), limit + WRAPPED_LINES);
            this.text = new String[n];
            this.wrapped = new Boolean[n];
            this.titles = new Title[n];
            this.compactLengths = new int[n];
            java.util.Arrays.fill(compactLengths, -1);
        }

        boolean has(int i) {
            return i < text.length;
        }

        String text(int i) {
            if (text[i] == null) {
                // a markdown heading wrapped over lines repeats its mark (# 2022 年XX局 / # 政府信息公开…)
                text[i] = withoutHeadingMark(body.get(i).text().strip());
            }
            return text[i];
        }

        boolean wrappedPart(int i) {
            if (wrapped[i] == null) {
                wrapped[i] = isWrappedPart(text(i));
            }
            return wrapped[i];
        }

        Title title(int i) {
            if (titles[i] == null) {
                Title title = TitleMatcher.match(text(i));
                titles[i] = title == null ? NONE : title;
            }
            return titles[i] == NONE ? null : titles[i];
        }

        int compactLength(int i) {
            if (compactLengths[i] < 0) {
                compactLengths[i] = CompactText.of(text(i)).text().length();
            }
            return compactLengths[i];
        }
    }

    /*
     * The two checks below were the regexes ^\s*(?:上一篇|…) (find) and ^#+\s* (replaceFirst), written out: every one
     * of a report's first lines goes through them. \s is ASCII white space there, as in any pattern without flags.
     */

    private static boolean isOtherReportLink(String text) {
        int start = 0;
        while (start < text.length() && isAsciiSpace(text.charAt(start))) {
            start++;
        }
        for (String link : OTHER_REPORT) {
            if (text.startsWith(link, start)) {
                return true;
            }
        }
        return false;
    }

    /** The line without a markdown heading's leading marks and the white space after them. */
    static String withoutHeadingMark(String text) {
        if (text.isEmpty() || text.charAt(0) != '#') {
            return text;
        }
        int end = 0;
        while (end < text.length() && text.charAt(end) == '#') {
            end++;
        }
        while (end < text.length() && isAsciiSpace(text.charAt(end))) {
            end++;
        }
        return text.substring(end);
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean isWholeTitle(Title title) {
        return title != null && title.year() != null;
    }

    private static boolean isWrappedPart(String line) {
        // counted on the line as printed: a title's part has at most 30 characters besides spaces, and no punctuation
        int visible = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0') {
                continue;
            }
            if (TITLE_PUNCTUATION_CHARS.indexOf(c) >= 0 || ++visible > WRAPPED_LINE_MAX) {
                return false;
            }
        }
        return visible > 0;
    }

    /**
     * The agency of a title whose name was cut by a line break or printed on a line of its own: the
     * line before joined to it (淮安市洪泽区人民 / 政府2024年…), else a name on a line next to it.
     */
    private static String completed(ReportLines report, int i, int lines, String agency, boolean dated) {
        List<NormalizedDocument.Line> body = report.body();
        if (i > 0) {
            String previous = report.compactBody(i - 1).text();
            String joined = AgencyNames.clean(previous + agency);
            if (!previous.isEmpty() && previous.length() <= 20 && !hasDigit(previous)
                    && AgencyNames.isName(joined)) {
                return joined;
            }
        }
        if (!agency.isEmpty() && AgencyNames.isName(agency)) {
            return agency;
        }
        if (!dated) {
            // a bare 政府信息公开年报 is a column's name as often as a title: the lines around it name nothing
            return null;
        }
        for (int j : new int[] {i + lines, i - 1, i + lines + 1, i - 2}) {
            if (j >= 0 && j < body.size()) {
                String candidate = AgencyNames.clean(body.get(j).text());
                if (AgencyNames.isName(candidate)) {
                    return candidate;
                }
            }
        }
        return agency.isEmpty() ? null : agency;
    }

    private record Window(Title title, int lines) {
    }
}
