package org.disclosureetl.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disclosureetl.normalize.NormalizedDocument;

/**
 * Reads agency and report year from a report's title line, e.g.
 * 肇庆市金融工作局2021年政府信息公开工作年度报告. When the title does not name the agency
 * (2017年政府信息公开工作年度报告), the short line next to it that looks like an agency name does.
 */
final class ReportIdentifier {

    /** Titles sit near the top; past this many lines a match is more likely a quotation in prose. */
    private static final int TITLE_SEARCH_LINES = 60;

    private static final Pattern TITLE = Pattern.compile(
            "^(.*?)((?:19|20)\\d{2})\\s*年\\s*度?\\s*(?:政府)?\\s*信息\\s*公开\\s*(?:工作)?\\s*(?:年度)?\\s*(?:报告|工作报告)");
    private static final Pattern STATISTICS_TITLE = Pattern.compile(
            "((?:19|20)\\d{2})\\s*年\\s*度?\\s*(?:政府)?信息公开.{0,8}统计表");
    private static final Pattern AGENCY_LINE = Pattern.compile(
            "^[\\p{IsHan}()]{2,40}(局|办公室|委员会|委|厅|部|署|院|政府|中心|办|处|所|馆|会|站|队|公司|管委会|街道|镇|乡|区|县|市|省)$");
    private static final Pattern LEADING_NOISE = Pattern.compile("^.*[>:›»|]\\s*|^\\s*#+\\s*");
    private static final Pattern AGENCY_END = Pattern.compile(
            "(局|办公室|委员会|委|厅|部|署|院|政府|中心|办|处|所|馆|会|站|队|公司|管委会|街道|镇|乡|区|县|市|省)$");

    private ReportIdentifier() {
    }

    static ReportIdentity identify(List<NormalizedDocument.Line> lines) {
        List<NormalizedDocument.Line> body = lines.stream().filter(l -> !isHead(l)).toList();
        List<NormalizedDocument.Line> head = lines.stream().filter(ReportIdentifier::isHead).toList();
        ReportIdentity fromBody = fromTitle(body);
        if (fromBody != null && fromBody.agency() != null) {
            return fromBody;
        }
        // a web page's <title> names the report when its body does not, or names the agency the body leaves out
        ReportIdentity fromHead = fromTitle(head);
        if (fromBody == null && fromHead != null) {
            return fromHead;
        }
        if (fromBody != null) {
            return fromHead != null && fromHead.agency() != null && fromBody.reportYear().equals(fromHead.reportYear())
                    ? fromHead : fromBody;
        }
        for (NormalizedDocument.Line line : body) {
            Matcher m = STATISTICS_TITLE.matcher(line.text());
            if (m.find()) {
                return new ReportIdentity(null, Integer.parseInt(m.group(1)), false);
            }
        }
        return new ReportIdentity(null, null, false);
    }

    private static boolean isHead(NormalizedDocument.Line line) {
        return line.where() != null && line.where().startsWith("head");
    }

    private static ReportIdentity fromTitle(List<NormalizedDocument.Line> lines) {
        int limit = Math.min(lines.size(), TITLE_SEARCH_LINES);
        for (int i = 0; i < limit; i++) {
            String text = lines.get(i).text().strip();
            Matcher m = TITLE.matcher(text);
            if (!m.find() || m.start(2) > 60) {
                continue;
            }
            int year = Integer.parseInt(m.group(2));
            String agency = cleanAgency(m.group(1));
            // a title wrapped inside the agency's name (PDF): 淮安市洪泽区人民 / 政府2024年…
            String previous = i > 0 ? lines.get(i - 1).text().strip() : "";
            if (!agency.isEmpty() && (!AGENCY_END.matcher(agency).find() || agency.length() <= 3)
                    && !previous.isEmpty() && previous.length() <= 20 && !previous.matches(".*\\d.*")) {
                String joined = cleanAgency(previous + agency);
                if (AGENCY_LINE.matcher(joined).matches()) {
                    agency = joined;
                }
            }
            if (agency.isEmpty()) {
                agency = neighbourAgency(lines, i);
            }
            return new ReportIdentity(agency.isEmpty() ? null : agency, year, true);
        }
        return null;
    }

    private static String cleanAgency(String prefix) {
        String agency = LEADING_NOISE.matcher(prefix).replaceAll("");
        agency = agency.replaceAll("[\\s《》“”\"]", "");
        // "关于…的" or a date before the name is not part of it
        agency = agency.replaceFirst("^关于", "");
        return agency.length() > 40 ? "" : agency;
    }

    private static String neighbourAgency(List<NormalizedDocument.Line> lines, int title) {
        for (int offset : new int[] {1, -1, 2, -2}) {
            int j = title + offset;
            if (j >= 0 && j < lines.size()) {
                String candidate = lines.get(j).text().replaceAll("\\s", "");
                if (AGENCY_LINE.matcher(candidate).matches()) {
                    return candidate;
                }
            }
        }
        return "";
    }
}
