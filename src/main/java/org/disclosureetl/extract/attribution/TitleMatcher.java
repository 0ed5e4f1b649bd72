package org.disclosureetl.extract.attribution;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the title of a report out of one text (a line, lines of a wrapped title joined, a file name): the
 * year before the agency or after the report's name, a title cut short by an ellipsis, a title without a
 * year; the agency is the name before it (after breadcrumbs and field labels), and a title far into a
 * sentence counts as quoted in prose.
 */
final class TitleMatcher {

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
    private static final Pattern BREADCRUMB = Pattern.compile("[>›»|]");
    private static final Pattern SENTENCE = Pattern.compile("[，,。；;！!？?]");
    private static final List<Pattern> ALL_PATTERNS = List.of(YEAR_BEFORE, CUT_SHORT, YEAR_AFTER, NO_YEAR);
    /** What may stand alone between a year and the report's name. */
    private static final Set<String> YEAR_WORDS = Set.of("度", "年度", "工作");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** How much of a line titles are looked for in. */
    private static final int MATCH_SPAN = 600;
    /** How much of the text before a title's year is read for its agency (a name has at most 40 characters). */
    private static final int PRE_SPAN = 120;
    /** A quoted title longer than this is a sentence that mentions a report. */
    private static final int TITLE_MAX = 70;

    private TitleMatcher() {
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
        List<Pattern> patterns = hasYear(text) ? ALL_PATTERNS
                : text.endsWith("告") || text.endsWith("报") || text.endsWith("表") || text.endsWith(")")
                || text.endsWith("）") ? List.of(NO_YEAR) : List.of();
        for (Pattern pattern : patterns) {
            if (!mayMatch(pattern, text)) {
                continue; // it would find nothing: the next pattern is tried, as after a search that found nothing
            }
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
        } else if (!mid.isEmpty() && !YEAR_WORDS.contains(mid) && !(agency.isEmpty() && mid.length() <= 3)) {
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
    static boolean mayHoldTitle(String text) {
        return hasReportWords(text) || text.indexOf('…') >= 0
                || text.indexOf('⋯') >= 0 || text.contains("..") || text.contains("。。");
    }

    /**
     * Whether {@code REPORT_WORDS} ({@code (?:政府|政务|信息)\s*公\s*开}) finds something, by hand: a 公 with 开 after
     * it and 政府, 政务 or 信息 before it, ASCII white space between them allowed.
     */
    static boolean hasReportWords(String text) {
        for (int at = text.indexOf('公'); at >= 0; at = text.indexOf('公', at + 1)) {
            int after = at + 1;
            while (after < text.length() && isAsciiSpace(text.charAt(after))) {
                after++;
            }
            if (after >= text.length() || text.charAt(after) != '开') {
                continue;
            }
            int before = at;
            while (before > 0 && isAsciiSpace(text.charAt(before - 1))) {
                before--;
            }
            if (before >= 2 && (text.startsWith("政府", before - 2) || text.startsWith("政务", before - 2)
                    || text.startsWith("信息", before - 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /**
     * Whether a title pattern can match the compact text at all, by what it must contain: the two patterns anchored
     * at the end ({@code $}: the end, or before a line terminator that ends the text) need their last characters
     * there (an ellipsis; the report's kind or a bracket), and {@link #YEAR_AFTER} needs a year right after the
     * report's kind. Most lines of prose that name the report fail here; HandWrittenChecksTest holds each check to
     * its pattern.
     */
    static boolean mayMatch(Pattern pattern, String text) {
        if (pattern == CUT_SHORT) {
            String end = withoutFinalLineTerminators(text);
            return end.endsWith("…") || end.endsWith("⋯") || end.endsWith("..") || end.endsWith("。。");
        }
        if (pattern == NO_YEAR) {
            String end = withoutFinalLineTerminators(text);
            return end.endsWith("告") || end.endsWith("报") || end.endsWith("表") || end.endsWith(")")
                    || end.endsWith("）");
        }
        if (pattern == YEAR_AFTER) {
            return hasKindBeforeYear(text);
        }
        return true;
    }

    /** The text without the (at most two: \r\n) line terminators at its end, before which {@code $} also matches. */
    private static String withoutFinalLineTerminators(String text) {
        int end = text.length();
        while (end > 0 && text.length() - end < 2 && isLineTerminator(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Whether 报告, 年报 or 统计表 stands right before a year of the form (?:19|20)\d{2}, a bracket between them allowed. */
    private static boolean hasKindBeforeYear(String text) {
        for (int at = text.indexOf('报'); at >= 0; at = text.indexOf('报', at + 1)) {
            if (at + 1 < text.length() && text.charAt(at + 1) == '告' && yearAt(text, at + 2)
                    || at > 0 && text.charAt(at - 1) == '年' && yearAt(text, at + 1)) {
                return true;
            }
        }
        for (int at = text.indexOf("统计表"); at >= 0; at = text.indexOf("统计表", at + 1)) {
            if (yearAt(text, at + 3)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a year (?:19|20)\d{2} starts at {@code at}, or right after an opening bracket there. */
    private static boolean yearAt(String text, int at) {
        int i = at < text.length() && (text.charAt(at) == '(' || text.charAt(at) == '（') ? at + 1 : at;
        return i + 4 <= text.length() && hasYear(text.substring(i, i + 4));
    }

    /** Whether the text holds a year of the form (?:19|20)\d{2} anywhere; scanned by hand, as every title candidate is. */
    static boolean hasYear(String text) {
        for (int i = 0; i + 4 <= text.length(); i++) {
            char c = text.charAt(i);
            char d = text.charAt(i + 1);
            if ((c == '1' && d == '9' || c == '2' && d == '0') && isDigit(text.charAt(i + 2))
                    && isDigit(text.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
        String[] words = SPACES.split(text.strip());
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
}
