package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Issue 26: a Fujian 2008 统计表 crawled with every cell run together reads with fewer doubts as the Fujian 2014
 * form, which lacks three of its rows (传真申请数, 电子邮件申请数, 其他形式申请数). The kept reading stays, but the rows
 * the 2008 reading found and the kept form lacks are flagged, and so is a row of that form that is not printed.
 */
class RowsOfAnotherFormTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog();
    /** A report of {@code MutatedLayoutVolumeTest}'s legacy cases that the other form's reading wins. */
    private static final long SEED = 2_001_129;

    private static Extraction extract(List<SyntheticLegacyReport.Row> printed, SyntheticLegacyReport report) {
        String text = report.render(SyntheticLegacyReport.Layout.CRAWLER, printed, new Random(SEED));
        return new ReportExtractor(CATALOG).extract(TextDocuments.lines(text.split("\n")), "report.txt");
    }

    @Test
    void theRowsAnotherFormFoundAreFlaggedWhenTheKeptFormHasNoneOfThem() {
        SyntheticLegacyReport report = new SyntheticLegacyReport(SyntheticLegacyReport.Form.FUJIAN_2008, SEED);
        Extraction extraction = extract(report.rows, report);

        assertThat(extraction.observations()).extracting(Observation::rowCode)
                .doesNotContain("requests.received.fax", "x.requests_received_email", "requests.received.other");
        assertThat(extraction.findings()).filteredOn(f -> f.rowCode() != null && f.message().contains("is printed"))
                .extracting(Finding::rule, Finding::tableCode, Finding::rowCode, Finding::columnCode).containsExactly(
                        tuple("row_missing", "statistics", "requests.received.fax", null),
                        tuple("row_missing", "statistics", "x.requests_received_email", null),
                        tuple("row_missing", "statistics", "requests.received.other", null));
        assertThat(extraction.findings()).filteredOn(f -> "x.requests_received_email".equals(f.rowCode()))
                .extracting(Finding::message).containsExactly("a row labelled 电子邮件申请数 is printed (found when the"
                        + " table is read as printed form fujian_2008), but the table reads best as printed form"
                        + " fujian_2014, which has no such row; its cells are left unread");
    }

    @Test
    void aRowOfTheOtherFormThatIsNotPrintedIsFlaggedToo() {
        SyntheticLegacyReport report = new SyntheticLegacyReport(SyntheticLegacyReport.Form.FUJIAN_2008, SEED);
        List<SyntheticLegacyReport.Row> printed = new ArrayList<>(report.rows);
        printed.removeIf(row -> row.code().equals("requests.received.fax"));
        Extraction extraction = extract(printed, report);

        assertThat(extraction.findings()).filteredOn(f -> "requests.received.fax".equals(f.rowCode()))
                .extracting(Finding::rule, Finding::message).containsExactly(tuple("row_missing",
                        "the table prints rows of another form (x.requests_received_email, requests.received.other,"
                                + " found when it is read as printed form fujian_2008), whose row labelled 传真申请数"
                                + " was not found either; the table reads best as printed form fujian_2014, which has"
                                + " no such row"));
    }

    @Test
    void noRowIsFlaggedWhenTheKeptFormHasEveryRowTheOthersFound() {
        // the same table printed a cell per line reads as its own form: nothing another form found is left over
        SyntheticLegacyReport report = new SyntheticLegacyReport(SyntheticLegacyReport.Form.FUJIAN_2008, SEED);
        String text = report.render(SyntheticLegacyReport.Layout.LINES, report.rows, new Random(SEED));
        Extraction extraction = new ReportExtractor(CATALOG).extract(TextDocuments.lines(text.split("\n")), "r.txt");

        assertThat(extraction.observations()).extracting(Observation::rowCode).contains("requests.received.fax");
        assertThat(extraction.findings()).filteredOn(f -> "row_missing".equals(f.rule())).isEmpty();
    }
}
