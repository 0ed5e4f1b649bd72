package org.disclosureetl.extract.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final String YEAR = "(?<year>(?:19|20)\\d{2})";
    /** What may stand between the year and the report's name: an agency's name, never a sentence's punctuation. */
    private static final String MID = "[^\\d，,。；;：:！!？?]";
    private static final String CORE = "(?:(?:政府|政务)信息|政府|政务|信息)公开(?:工作)?(?:情况)?(?:年度)?(?:工作)?(?<kind>报告|年报|统计表)";
    /** 年 may be missing when the report's name follows at once (西藏自治区政府国资委2020政府信息公开…). */
    private static final String YEAR_MARK = "(?:年度?|(?=(?:政府|政务|信息)公开|政府信息|政务信息))";
    private static final Pattern YEAR_BEFORE = Pattern.compile(
            YEAR + YEAR_MARK + "(?<mid>" + MID + "{0,40}?)(?:关于)?" + CORE);
    private static final Pattern YEAR_AFTER = Pattern.compile(
            "(?:关于)?" + CORE + "[（(]?" + YEAR + "年?度?[）)]?");
    private static final Pattern CUT_SHORT = Pattern.compile(
            YEAR + "年度?(?<mid>" + MID + "{0,40}?)(?:政府|政务|信息)\\p{IsHan}{0,12}(?:…|⋯|\\.{2,}|。{2,})$");
    private static final Pattern NO_YEAR = Pattern.compile("(?:关于)?" + CORE + "(?:[（(][^）)]{0,6}[）)])?$");
    /** Everything up to a breadcrumb's last separator, a field label, a markdown heading mark. */
    private static final Pattern LEADING_NOISE = Pattern.compile("^.*[>›»|:：]|^\\s*#+");
    private static final Pattern HEADING_MARK = Pattern.compile("^#+\\s*");
    private static final Pattern BREADCRUMB = Pattern.compile("[>›»|]");
    private static final Pattern SENTENCE = Pattern.compile("[，,。；;！!？?]");
    private static final String TITLE_PUNCTUATION_CHARS = "，,。；;！!？?:：、";
    /** Links to other reports around the page's own (上一篇: XX局2020年…). */
    private static final Pattern OTHER_REPORT = Pattern.compile("^\\s*(?:上一篇|下一篇|相关链接|相关阅读|相关文章|上一条|下一条)");
    private static final List<Pattern> ALL_PATTERNS = List.of(YEAR_BEFORE, CUT_SHORT, YEAR_AFTER, NO_YEAR);
    private static final Pattern ANY_YEAR = Pattern.compile("(?:19|20)\\d{2}");
    /** The words every title pattern needs, spaced as PDF text may space them. */
    private static final Pattern REPORT_WORDS = Pattern.compile("(?:政府|政务|信息)\\s*公\\s*开");
    /** How much of a line titles are looked for in. */
    private static final int MATCH_SPAN = 600;
    /** How much of the text before a title's year is read for its agency (a name has at most 40 characters). */
    private static final int PRE_SPAN = 120;
    /** A quoted title longer than this is a sentence that mentions a report. */
    private static final int TITLE_MAX = 70;

    @Override
    public List<Evidence> read(ReportLines report) {
        List<Evidence> found = new ArrayList<>();
        for (NormalizedDocument.Line line : report.head()) {
            Title title = match(line.text());
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
            if (text.isBlank() || OTHER_REPORT.matcher(text).find()) {
                continue;
            }
            Window window = titleAt(lines, i);
            if (window == null) {
                continue;
            }
            Title title = window.title();
            String agency = title.agency();
            if (AgencyNames.isFragment(agency) && !title.inProse()) {
                agency = completed(body, i, window.lines(), agency == null ? "" : agency, title.year() != null);
            }
            agency = AgencyNames.isName(agency) ? agency : null;
            EvidenceSource source = title.inProse() ? EvidenceSource.TITLE_IN_PROSE
                    : title.statisticsTable() ? EvidenceSource.STATISTICS_TABLE_TITLE : EvidenceSource.TITLE;
            titles.add(new Evidence(source, agency, title.year(), body.get(i).where(), title.quote()));
            i += window.lines() - 1;
        }
        found.addAll(withOneTitle(titles));
        if (report.sourceName() != null) {
            String stem = report.sourceName().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
            Title title = match(stem.replace('_', ' '));
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
            Title title = match(joined.toString());
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
                text[i] = HEADING_MARK.matcher(body.get(i).text().strip()).replaceFirst("");
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
                Title title = match(text(i));
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
    private static String completed(List<NormalizedDocument.Line> body, int i, int lines, String agency,
                                     boolean dated) {
        if (i > 0) {
            String previous = CompactText.of(body.get(i - 1).text()).text();
            String joined = AgencyNames.clean(previous + agency);
            if (!previous.isEmpty() && previous.length() <= 20 && !previous.matches(".*\\d.*")
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

    /**
     * The title in {@code printed}, or null: the first whose agency is a name, else the first found (a
     * sentence may quote the name of a notice before the report's own).
     */
    static Title match(String line) {
        // a title starts a line or its first sentences: a crawler's report printed as one line is not read to its end
        String printed = line.length() > MATCH_SPAN ? line.substring(0, MATCH_SPAN) : line;
        if (!mayHoldTitle(printed)) {
            return null;
        }
        CompactText compact = CompactText.of(printed);
        String text = compact.text();
        Title first = null;
        // without a year only a line that ends with the report's name can be a title (a table's heading cannot)
        List<Pattern> patterns = ANY_YEAR.matcher(text).find() ? ALL_PATTERNS
                : text.endsWith("告") || text.endsWith("报") || text.endsWith("表") || text.endsWith(")")
                || text.endsWith("）") ? List.of(NO_YEAR) : List.of();
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                Title title = title(printed, compact, m);
                if (title != null && title.agency() != null) {
                    return title;
                }
                if (first == null) {
                    first = title;
                }
            }
            if (first != null) {
                return first;
            }
        }
        return null;
    }

    private static Title title(String printed, CompactText compact, Matcher m) {
        Pattern pattern = m.pattern();
        String text = compact.text();
        if (pattern == NO_YEAR && (m.start() > 40 || BREADCRUMB.matcher(printed).find())) {
            // a breadcrumb's last column (… > 政府信息公开年报) is no title
            return null;
        }
        boolean hasYear = pattern != NO_YEAR;
        boolean yearFirst = pattern == YEAR_BEFORE || pattern == CUT_SHORT;
        int nameEnd = yearFirst ? m.start("year") : m.start();
        int preEnd = compact.origin(nameEnd);
        int preStart = Math.max(0, preEnd - PRE_SPAN);
        String pre = compact.printed().substring(preStart, preEnd);
        String cut = LEADING_NOISE.matcher(pre).replaceAll("");
        // far into its line, with no separator before it, a title is quoted in a sentence
        boolean inProse = SENTENCE.matcher(cut).find() || preStart > 0 && cut.length() == pre.length();
        if (inProse) {
            cut = cut.substring(lastSentenceEnd(cut));
        }
        String agency = AgencyNames.governmentOf(nameBefore(cut));
        String mid = yearFirst ? AgencyNames.clean(m.group("mid")) : "";
        if (!mid.isEmpty() && AgencyNames.isName(AgencyNames.governmentOf(mid))) {
            agency = AgencyNames.governmentOf(mid);
        } else if (!mid.isEmpty() && !mid.matches("度|年度|工作") && !(agency.isEmpty() && mid.length() <= 3)) {
            // words between the year and the report's name that are no agency: not a title
            return null;
        }
        if (agency.length() > 40) {
            return null;
        }
        String name = CompactText.of(cut).text();
        int titleLength = name.length() + (m.end() - nameEnd);
        inProse |= titleLength > TITLE_MAX;
        String kind = pattern == CUT_SHORT ? "" : m.group("kind");
        Integer year = hasYear ? Integer.valueOf(m.group("year")) : null;
        String quote = name + text.substring(nameEnd, m.end());
        return new Title(agency.isEmpty() ? null : agency, year, "统计表".equals(kind), inProse, m.end(), quote);
    }

    /**
     * Whether a text can hold a title at all: every title pattern needs 政府/政务/信息公开 (the name of the report)
     * or, cut short, an ellipsis. Most lines of a report have neither, and are then not compacted and matched four times.
     */
    private static boolean mayHoldTitle(String text) {
        return text.indexOf('公') >= 0 && REPORT_WORDS.matcher(text).find() || text.indexOf('…') >= 0
                || text.indexOf('⋯') >= 0 || text.contains("..") || text.contains("。。");
    }

    private static int lastSentenceEnd(String text) {
        Matcher m = SENTENCE.matcher(text);
        int end = 0;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }

    /**
     * The agency's name at the end of the text before a title: the words after the last one that is
     * navigation or a field label (首页 政务公开 … 平潭县财政局), joined.
     */
    private static String nameBefore(String text) {
        String[] words = text.strip().split("\\s+");
        int from = 0;
        for (int i = 0; i < words.length; i++) {
            if (AgencyNames.NOT_A_NAME.matcher(words[i]).find()) {
                from = i + 1;
            }
        }
        StringBuilder name = new StringBuilder();
        for (int i = from; i < words.length; i++) {
            name.append(words[i]);
        }
        return AgencyNames.clean(name.toString());
    }

    /** A title read from text: its agency (or null), year (or null), and where its match ends in the compact text. */
    record Title(String agency, Integer year, boolean statisticsTable, boolean inProse, int end, String quote) {

        Evidence evidence(EvidenceSource source, String where) {
            return new Evidence(source, agency, year, where, quote);
        }
    }

    private record Window(Title title, int lines) {
    }
}
