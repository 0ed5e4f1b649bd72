package org.disclosureetl.extract.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.disclosureetl.testsupport.RandomText;
import org.junit.jupiter.api.Test;

/** The checks attribution writes out by hand, against the regexes they replaced, on random lines. */
class HandWrittenChecksTest {

    private static final String ALPHABET = "# \t\u3000年2019公开报告(a)ā上一篇下条相关链接";

    @Test
    void theHeadingMarkAndTheYearAreFoundWhereTheRegexesFoundThem() {
        Pattern headingMark = Pattern.compile("^#+\\s*");
        Pattern anyYear = Pattern.compile("(?:19|20)\\d{2}");
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            String text = RandomText.of(random, 12, ALPHABET);
            assertThat(TitleReader.withoutHeadingMark(text)).as("[%s]", text)
                    .isEqualTo(headingMark.matcher(text).replaceFirst(""));
            assertThat(TitleMatcher.hasYear(text)).as("[%s]", text).isEqualTo(anyYear.matcher(text).find());
        }
        assertThat(TitleReader.withoutHeadingMark("## 2022年XX局")).isEqualTo("2022年XX局");
        assertThat(TitleMatcher.hasYear("XX局2021年")).isTrue();
        assertThat(TitleMatcher.hasYear("XX局1821年")).isFalse();
    }

    /**
     * On texts made of the pieces a check decides on: the precheck passes every text the pattern finds something in,
     * and the pattern finds something often enough for that to mean something.
     */
    private static void check(long seed, int texts, int maxPieces, String pieces, Pattern pattern,
                              java.util.function.Predicate<String> precheck, int atLeastMatching) {
        Random random = new Random(seed);
        String[] parts = pieces.split("~", -1);
        List<String> missed = new ArrayList<>();
        int matching = 0;
        for (int i = 0; i < texts; i++) {
            StringBuilder built = new StringBuilder();
            int count = random.nextInt(maxPieces + 1);
            for (int k = 0; k < count; k++) {
                built.append(parts[random.nextInt(parts.length)]);
            }
            String text = built.toString();
            boolean found = pattern.matcher(text).find();
            matching += found ? 1 : 0;
            if (found && !precheck.test(text)) {
                missed.add(text);
            }
        }
        assertThat(missed).as("%s", pattern).isEmpty();
        assertThat(matching).as("%s", pattern).isGreaterThanOrEqualTo(atLeastMatching);
    }

    @Test
    void thePrechecksPassEveryTextThePatternsMatch() throws ReflectiveOperationException {
        // the title patterns, on compact texts (no white space besides the line terminators $ allows)
        String title = "2021~1999~2~0~年~度~XX局~XX市人民政府~政府~信息~政务~公开~政府信息公开~工作~情况~年度~报告~年报~"
                + "统计表~报~告~(~（~)~）~…~⋯~.~。~\u0085~\n~\r~关于~，~;";
        Pattern yearAfter = titlePattern("YEAR_AFTER");
        check(7, 8_000, 6, "政府信息公开~公开~报告~年报~统计表~报~告~2021~1999~2~(~（~年~度~)~）", yearAfter,
                text -> TitleMatcher.mayMatch(yearAfter, text), 20);
        Pattern noYear = titlePattern("NO_YEAR");
        check(8, 8_000, 5, "政府信息公开~公开~工作~年度~报告~年报~统计表~报~(~（~2021~)~）~\u0085~\n~\r~x", noYear,
                text -> TitleMatcher.mayMatch(noYear, text), 50);
        Pattern cutShort = titlePattern("CUT_SHORT");
        check(6, 8_000, 6, "2021年~XX局~政府~信息~公开~…~⋯~..~.~。。~。~\u0085~\n~\r", cutShort,
                text -> TitleMatcher.mayMatch(cutShort, text), 20);
        check(1, 8_000, 6, "政府~政务~信息~公~开~ ~\t~\u3000~政~x", Pattern.compile("(?:政府|政务|信息)\\s*公\\s*开"),
                TitleMatcher::hasReportWords, 20);
        check(2, 8_000, 8, "2019~2021~1821~202~年~度~以来~,~，~。~；~;~XX局~认真~1~0",
                Pattern.compile("(?:^|[。；;])(?<year>(?:19|20)\\d{2})年"), ProseReader::opensWithYear, 20);
        check(4, 8_000, 6, "发布机构~来源~信息来源~时间~日期~发布~:~：~ ~\t~\u3000~2021-1~XX局~|",
                Pattern.compile("(?:" + String.join("|", HeaderFieldReader.PUBLISHER_FIELDS) + ")\\s*[:：]"),
                text -> HeaderFieldReader.hasFieldBeforeColon(text, HeaderFieldReader.PUBLISHER_FIELDS), 20);
        check(5, 8_000, 6, "发布时间~日期~成文日期~时~间~:~：~ ~\t~\u3000~2021-1~年~XX",
                Pattern.compile("(?:" + String.join("|", HeaderFieldReader.DATE_FIELDS) + ")\\s*[:：]"),
                text -> HeaderFieldReader.hasFieldBeforeColon(text, HeaderFieldReader.DATE_FIELDS), 20);
        // and the prechecks say no where the patterns find nothing, for the lines they are there for
        assertThat(TitleMatcher.mayMatch(titlePattern("CUT_SHORT"), "2021年XX局政府信息公开工作年度报告")).isFalse();
        assertThat(TitleMatcher.mayMatch(titlePattern("YEAR_AFTER"), "XX局政府信息公开工作年度报告。2021年")).isFalse();
        assertThat(TitleMatcher.mayMatch(titlePattern("YEAR_AFTER"), "政府信息公开情况统计表(2018年度)")).isTrue();
        assertThat(ProseReader.opensWithYear("我局2021年,认真")).isFalse();
        assertThat(ProseReader.opensWithYear("。2021年,XX局认真")).isTrue();
    }

    private static Pattern titlePattern(String name) throws ReflectiveOperationException {
        java.lang.reflect.Field field = TitleMatcher.class.getDeclaredField(name);
        field.setAccessible(true);
        return (Pattern) field.get(null);
    }

    @Test
    void numeralYearsAreTheRegexsMatches() {
        Pattern numeralYear = Pattern.compile("[〇零○Ｏ一二三四五六七八九]{4}(?=年)");
        Random random = new Random(8);
        List<String> differing = new ArrayList<>();
        int replaced = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = RandomText.of(random, 12, "〇零○Ｏ一二三四五六七八九年年度");
            java.util.regex.Matcher m = numeralYear.matcher(text);
            StringBuilder expected = new StringBuilder(text);
            while (m.find()) {
                replaced++;
                for (int k = m.start(); k < m.end(); k++) {
                    char c = text.charAt(k);
                    expected.setCharAt(k, (char) ('0' + ("零○Ｏ".indexOf(c) >= 0 ? 0 : "〇一二三四五六七八九".indexOf(c))));
                }
            }
            if (!CompactText.of(text).text().equals(expected.toString())) {
                differing.add(text);
            }
        }
        assertThat(differing).isEmpty();
        assertThat(replaced).isGreaterThan(100);
        assertThat(CompactText.of("二〇二一年 二零二二年度").text()).isEqualTo("2021年2022年度");
    }

    @Test
    void aLineIsCompactedAlikeWhetherOrNotItsBracketsHoldPinyin() {
        assertThat(CompactText.of("機(jī)關(guān) 2021年").text()).isEqualTo("機關2021年");
        assertThat(CompactText.of("規章(设区的市) 二〇二一年").text()).isEqualTo("規章(设区的市)2021年");
        assertThat(CompactText.of("(A) (1)").text()).isEqualTo("(A)(1)");
    }
}
