package org.disclosureetl.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.disclosureetl.codebook.Codebook;
import org.disclosureetl.store.ExportQueries;
import org.junit.jupiter.api.Test;

/** panel.csv's columns and records, without a database. */
class PanelFileTest {

    private final Codebook codebook = new Codebook();

    @Test
    void theColumnsAreTheKeysThenEveryCodebookCodeInOrder() {
        PanelFile panel = new PanelFile(codebook, null);

        assertThat(panel.header()).hasSize(9 + codebook.entries().size());
        assertThat(panel.header().subList(0, 10)).containsExactly("agency_key", "agency", "report_year",
                "region_code", "province", "prefecture", "county", "format_version", "document_id",
                "proactive.art20_1.rules.issued");
        assertThat(panel.header()).contains("applications.carried_over.total", "statistics.requests.received.value")
                .doesNotHaveDuplicates();
        assertThat(panel.column("applications", "carried_over", "total"))
                .isEqualTo(panel.codes().indexOf("applications.carried_over.total"));
        assertThat(panel.column("statistics", "x.not_in_the_codebook", "value")).isNull();
    }

    @Test
    void aTableFilterKeepsThatTablesColumnsAndTheFragmentsFollowTheColumns() {
        PanelFile all = new PanelFile(codebook, null);
        PanelFile review = new PanelFile(codebook, "review_litigation");

        assertThat(review.codes()).isNotEmpty().allMatch(c -> c.startsWith("review_litigation."));
        assertThat(review.column("applications", "carried_over", "total")).isNull();
        assertThat(review.fragmentFolder()).isNotEqualTo(all.fragmentFolder()).startsWith("panel.csv-");
        assertThat(new PanelFile(codebook, null).fragmentFolder()).isEqualTo(all.fragmentFolder());
    }

    @Test
    void textIsSpreadsheetSafeAndValuesArePlainDecimals() {
        PanelFile panel = new PanelFile(codebook, "review_litigation");
        BigDecimal[] values = new BigDecimal[panel.width()];
        values[0] = new BigDecimal("12.50");
        values[1] = new BigDecimal("-3");
        ExportQueries.PanelDocument d = new ExportQueries.PanelDocument("abc", "=1+1/局", "=HYPERLINK(\"x\")", 2022,
                "350128", "福建省", "福州市", "平潭县", "2021", 4L, null, null);

        List<String> record = panel.record(d, values);

        assertThat(record.subList(0, 12)).containsExactly("'=1+1/局", "'=HYPERLINK(\"x\")", "2022", "350128", "福建省",
                "福州市", "平潭县", "2021", "abc", "12.5", "-3", "");
        assertThat(record).hasSize(panel.header().size());
    }
}
