package org.disclosureetl.extract.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disclosureetl.normalize.NormalizedDocument;

/**
 * The agency as the report's own prose names itself: the subject of its opening sentence
 * ({@code 2021年，XX省科学技术厅坚持…}), the author of the report ({@code 本报告由XX编制}), and the full name
 * behind a short form ({@code 上海市科学技术委员会（以下简称“市科委”）}, kept as an alias). Also the year the
 * opening sentence starts with.
 */
final class ProseReader implements EvidenceReader {

    private static final int SEARCH_LINES = 40;
    /** How much of one line is read as opening prose. */
    private static final int PROSE_SPAN = 3000;
    /** Lines in which a sentence's first year is the report's; later ones plan the next year or recall the last. */
    private static final int OPENING_LINES = 12;
    private static final String NAME = "(?<agency>[\\p{IsHan}()（）]{2,30}?" + AgencyNames.SUFFIX + ")";
    private static final Pattern OPENING_SUBJECT = Pattern.compile(
            "(?:^|[。；;])(?<year>(?:19|20)\\d{2})年度?(?:以来)?[，,]" + NAME
            + "(?=坚持|认真|深入|全面|紧紧|严格|按照|以|围绕|进一步|持续|在|始终|积极|聚焦|扎实|高度|贯彻|切实|不断|依法|把|将|着力|紧扣|立足|根据|主动|大力)");
    /** A sentence that starts with a year: 2021年，… (the year the report tells of, in its opening part). */
    private static final Pattern OPENING_YEAR = Pattern.compile("(?:^|[。；;])(?<year>(?:19|20)\\d{2})年度?(?:以来)?[，,]");
    private static final Pattern AUTHOR = Pattern.compile(
            "(?:报告|年报)[^。]{0,80}?由" + NAME + "(?=根据|依据|按照|依照|结合|编制|编写|制作|组织|综合|汇总)");
    /** The agency saying it wrote the report: 市科委编制了本报告, XX街道办事处在总结…的基础上，编制了此报告. */
    private static final Pattern WRITER = Pattern.compile(
            "(?:^|[，,。；;])" + NAME + "(?=在总结|编制了|编制此|编制本|特编制)");
    private static final String ALIAS_MARK = "以下简称";
    /** A name and its bracket before 以下简称: at most 40 characters and one. */
    private static final int ALIAS_NAME_MAX = 42;
    private static final Pattern ALIAS = Pattern.compile(
            NAME + "[（(]以下简称[“\"‘']?(?<short>[\\p{IsHan}]{2,12})[”\"’']?[）)]");

    @Override
    public List<Evidence> read(ReportLines report) {
        List<Evidence> found = new ArrayList<>();
        List<NormalizedDocument.Line> body = report.body();
        for (int i = 0; i < Math.min(SEARCH_LINES, body.size()); i++) {
            String raw = body.get(i).text();
            if (raw.indexOf('年') < 0 && raw.indexOf('由') < 0 && !raw.contains("编制") && !raw.contains(ALIAS_MARK)) {
                continue;
            }
            // the opening of a report printed as one line is its first few thousand characters
            String text = raw.length() > PROSE_SPAN ? CompactText.of(raw.substring(0, PROSE_SPAN)).text()
                    : report.compactBody(i).text();
            String where = body.get(i).where();
            // both opening patterns start a sentence with a year: most lines have no such sentence, and skip them
            boolean opensWithYear = opensWithYear(text);
            Matcher subject = OPENING_SUBJECT.matcher(text);
            if (opensWithYear && subject.find()) {
                agency(found, subject.group("agency"), where, subject.group());
            }
            // each pattern is tried only where its words are: a crawler's report can be one line of many pages
            if (text.indexOf('由') >= 0) {
                Matcher author = AUTHOR.matcher(text);
                if (author.find()) {
                    agency(found, author.group("agency"), where, author.group());
                }
            }
            if (text.contains("编制") || text.contains("在总结")) {
                Matcher writer = WRITER.matcher(text);
                if (writer.find()) {
                    agency(found, writer.group("agency"), where, writer.group());
                }
            }
            for (int at = text.indexOf(ALIAS_MARK); at >= 0; at = text.indexOf(ALIAS_MARK, at + 1)) {
                // the name stands right before the bracket: read the few characters around the mark only
                Matcher alias = ALIAS.matcher(text.substring(Math.max(0, at - ALIAS_NAME_MAX), Math.min(text.length(),
                        at + ALIAS_MARK.length() + 16)));
                if (alias.find()) {
                    String full = AgencyNames.clean(alias.group("agency"));
                    if (AgencyNames.isName(full)) {
                        found.add(new Evidence(EvidenceSource.ALIAS, full, null, where, alias.group("short")));
                    }
                }
            }
            Matcher year = OPENING_YEAR.matcher(text);
            if (opensWithYear && year.find() && i < OPENING_LINES) {
                found.add(Evidence.year(EvidenceSource.PROSE_YEAR, Integer.parseInt(year.group("year")), where,
                        year.group()));
            }
        }
        return found;
    }

    /**
     * Whether a year and 年 ({@code (?:19|20)\\d{2}年}) start the text or follow a 。, ； or ;: what {@link #OPENING_YEAR}
     * and {@link #OPENING_SUBJECT} start with (HandWrittenChecksTest holds it to them).
     */
    static boolean opensWithYear(String text) {
        if (yearAt(text, 0)) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '。' || c == '；' || c == ';') && yearAt(text, i + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean yearAt(String text, int at) {
        return at + 5 <= text.length() && text.charAt(at + 4) == '年' && TitleMatcher.hasYear(text.substring(at, at + 4));
    }

    private static void agency(List<Evidence> found, String name, String where, String quote) {
        String agency = AgencyNames.governmentOf(AgencyNames.clean(name));
        if (AgencyNames.isName(agency)) {
            found.add(Evidence.agency(EvidenceSource.PROSE, agency, where, quote));
        }
    }
}
