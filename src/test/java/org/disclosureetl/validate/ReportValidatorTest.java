package org.disclosureetl.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.Observation;
import org.disclosureetl.extract.TemplateCatalog;
import org.junit.jupiter.api.Test;

class ReportValidatorTest {

    private final ReportValidator validator = new ReportValidator(new TemplateCatalog());

    @Test
    void reportsEveryBrokenIdentityWithExpectedAndActual() {
        List<Observation> cells = new ArrayList<>();
        // review: 1 + 0 + 0 + 0 should be 1, the report says 2
        add(cells, "review_litigation", "review", "upheld", "1");
        add(cells, "review_litigation", "review", "corrected", "0");
        add(cells, "review_litigation", "review", "other", "0");
        add(cells, "review_litigation", "review", "pending", "0");
        add(cells, "review_litigation", "review", "total", "2");
        // litigation: balanced
        add(cells, "review_litigation", "litigation_direct", "upheld", "3");
        add(cells, "review_litigation", "litigation_direct", "corrected", "1");
        add(cells, "review_litigation", "litigation_direct", "other", "0");
        add(cells, "review_litigation", "litigation_direct", "pending", "0");
        add(cells, "review_litigation", "litigation_direct", "total", "4");

        List<Finding> findings = validator.validate("2021", cells);

        assertThat(findings).extracting(Finding::rule, Finding::tableCode, Finding::rowCode, Finding::expected, Finding::actual)
                .containsExactly(tuple("outcome_total", "review_litigation", "review", "1", "2"));
    }

    @Test
    void aBlankTotalIsNotReportedAndSkipsTheCheck() {
        List<Observation> cells = new ArrayList<>();
        add(cells, "review_litigation", "review", "upheld", "5");
        add(cells, "review_litigation", "review", "corrected", null);
        add(cells, "review_litigation", "review", "other", null);
        add(cells, "review_litigation", "review", "pending", "2");
        add(cells, "review_litigation", "review", "total", null);

        assertThat(validator.validate("2021", cells)).isEmpty();
    }

    @Test
    void columnIdentityOfTheApplicationsTable() {
        List<Observation> cells = new ArrayList<>();
        add(cells, "applications", "new", "natural_person", "859");
        add(cells, "applications", "carried_over", "natural_person", "18");
        add(cells, "applications", "granted", "natural_person", "800");
        add(cells, "applications", "results_total", "natural_person", "805");
        add(cells, "applications", "carried_forward", "natural_person", "70");

        List<Finding> findings = validator.validate("2021", cells);

        assertThat(findings).extracting(Finding::rule, Finding::columnCode, Finding::expected, Finding::actual)
                .containsExactly(tuple("received_equals_handled", "natural_person", "875", "877"),
                        tuple("results_total", "natural_person", "800", "805"));
    }

    private static void add(List<Observation> cells, String table, String row, String column, String value) {
        cells.add(new Observation(table, row, column, value == null ? null : new BigDecimal(value),
                value == null ? "" : value, null, row, column, "line 1", cells.size()));
    }
}
