package org.disclosureetl.extract.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disclosureetl.normalize.NormalizedDocument;

/**
 * The statistics period a report defines for its numbers ({@code 本报告所列数据的统计期限自2021年1月1日起至
 * 2021年12月31日止}, {@code 统计期限为2021年1月1日至12月31日}, {@code 统计期限为2021年度}): the year it covers,
 * in its own words; and, weaker, the end of the year its counts are taken at ({@code 截至2023年12月31日}).
 */
final class StatisticsPeriodReader implements EvidenceReader {

    private static final Pattern PERIOD = Pattern.compile(
            "统计(?:期限|时限|时间|区间|期间|周期|截止时间)(?:为|是|自|从|：|:)*(?<year>(?:19|20)\\d{2})年(?:度|1月1日|01月01日)");

    private static final Pattern YEAR_END = Pattern.compile(
            "截[至止](?:到)?(?<year>(?:19|20)\\d{2})年(?:12月31日|底|末)");

    @Override
    public List<Evidence> read(ReportLines report) {
        List<Evidence> found = new ArrayList<>();
        List<NormalizedDocument.Line> body = report.body();
        for (int i = 0; i < body.size(); i++) {
            NormalizedDocument.Line line = body.get(i);
            String text = line.text();
            if (text.contains("统计")) {
                Matcher m = PERIOD.matcher(report.compactBody(i).text());
                if (m.find()) {
                    found.add(Evidence.year(EvidenceSource.STATISTICS_PERIOD, Integer.parseInt(m.group("year")),
                            line.where(), m.group()));
                }
            }
            if (text.contains("截")) {
                Matcher m = YEAR_END.matcher(report.compactBody(i).text());
                if (m.find()) {
                    found.add(Evidence.year(EvidenceSource.YEAR_END, Integer.parseInt(m.group("year")), line.where(),
                            m.group()));
                }
            }
        }
        return found;
    }
}
