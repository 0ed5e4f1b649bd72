package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.disclosureetl.normalize.ScriptNormalizer;
import org.disclosureetl.normalize.TextNormalizer;
import org.disclosureetl.normalize.WidthNormalizer;
import org.disclosureetl.region.DivisionList;
import org.disclosureetl.region.RegionPlacer;
import org.disclosureetl.vocabulary.QuestionKind;
import org.junit.jupiter.api.Test;

/** The one-line reasons apply-corrections gives for an answer to a document's agency, year or format question. */
class DocumentAnswerCheckTest {

    private static final DivisionList DIVISIONS = new DivisionList();
    private final DocumentAnswerCheck check = new DocumentAnswerCheck(DIVISIONS,
            new RegionPlacer(DIVISIONS, new TextNormalizer(new WidthNormalizer(), new ScriptNormalizer())), 2026);

    @Test
    void aReportYearIsFourDigitsFromTheFirstFormsYearToThisYear() {
        assertThat(check.problem(QuestionKind.REPORT_YEAR, "2008", "")).isNull();
        assertThat(check.problem(QuestionKind.REPORT_YEAR, "2026", "")).isNull();
        assertThat(check.problem(QuestionKind.REPORT_YEAR, "2007", ""))
                .isEqualTo("report_year answer 2007 is not a report year: 2008 to 2026");
        assertThat(check.problem(QuestionKind.REPORT_YEAR, "2027", ""))
                .isEqualTo("report_year answer 2027 is not a report year: 2008 to 2026");
        assertThat(check.problem(QuestionKind.REPORT_YEAR, "22", ""))
                .isEqualTo("report_year answer '22' is not a four-digit year");
        assertThat(check.problem(QuestionKind.REPORT_YEAR, "2022年", ""))
                .isEqualTo("report_year answer '2022年' is not a four-digit year");
        assertThat(check.problem(QuestionKind.REPORT_YEAR, "2021.5", ""))
                .isEqualTo("report_year answer '2021.5' is not a four-digit year");
    }

    @Test
    void aFormatVersionIsATemplateGeneration() {
        assertThat(check.problem(QuestionKind.FORMAT_VERSION, "2021", "")).isNull();
        assertThat(check.problem(QuestionKind.FORMAT_VERSION, "2019", "")).isNull();
        assertThat(check.problem(QuestionKind.FORMAT_VERSION, "legacy", "")).isNull();
        assertThat(check.problem(QuestionKind.FORMAT_VERSION, "2018", ""))
                .isEqualTo("format_version answer '2018' is not a template generation (2021, 2019, legacy)");
        assertThat(check.problem(QuestionKind.FORMAT_VERSION, "Legacy", ""))
                .isEqualTo("format_version answer 'Legacy' is not a template generation (2021, 2019, legacy)");
    }

    @Test
    void anAgencyIsNotBlankAndItsRegionCodeIsAListedUnitItLiesIn() {
        assertThat(check.problem(QuestionKind.AGENCY, "平潭综合实验区公安局", "")).isNull();
        assertThat(check.problem(QuestionKind.AGENCY, "公安局", "")).isNull();
        assertThat(check.problem(QuestionKind.AGENCY, " \t", "")).isEqualTo("agency answer is blank");
        // a name of no place, placed by the code; a name whose place lies in the code's unit
        assertThat(check.problem(QuestionKind.AGENCY, "公安局", "350128")).isNull();
        assertThat(check.problem(QuestionKind.AGENCY, "鼓楼区人民政府", "3201")).isNull();
        assertThat(check.problem(QuestionKind.AGENCY, "公安局", "999999"))
                .isEqualTo("region_code '999999' is not a unit of the division list");
        assertThat(check.problem(QuestionKind.AGENCY, "肇庆市金融工作局", "350128"))
                .isEqualTo("agency '肇庆市金融工作局' lies in 4412 (广东省肇庆市), not in 350128 (平潭县)");
    }

    @Test
    void aRegionCodeBelongsOnlyToAnAgencyAnswer() {
        assertThat(check.problem(QuestionKind.REPORT_YEAR, "2022", "350128"))
                .isEqualTo("region_code '350128' belongs to an answer to an agency question, not to report_year");
    }
}
