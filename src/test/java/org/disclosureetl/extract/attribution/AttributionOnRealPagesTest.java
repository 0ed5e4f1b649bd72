package org.disclosureetl.extract.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.extract.Extraction;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.FindingRule;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.ReportPipeline;
import org.junit.jupiter.api.Test;

/**
 * Agency and year of 72 real page openings of 28 provinces, through the real parse, normalize and
 * extract stages, against their hand-made key ({@code attribution/README.md}).
 */
class AttributionOnRealPagesTest {

    private static final String KEY = "attribution/pages/key.csv";

    private final ReportPipeline pipeline = ReportPipeline.shared();

    @Test
    void everyPageIsAttributedAsItsTextSays() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (CSVRecord row : Fixtures.csv(KEY)) {
            String check = row.get("check");
            if (check.equals("miss")) {
                continue;
            }
            Extraction extraction = pipeline.extract("attribution/pages/" + row.get("file"));
            String agency = extraction.identity().agency() == null ? "" : extraction.identity().agency();
            String year = extraction.identity().reportYear() == null ? "" : extraction.identity().reportYear().toString();
            boolean agencyRight = check.equals("ambiguous") || agency.equals(row.get("agency"));
            if (!agencyRight || !year.equals(row.get("report_year"))) {
                wrong.add(row.get("file") + ": " + agency + " " + year + ", key " + row.get("agency") + " "
                        + row.get("report_year"));
            }
            if (agency.isEmpty() && extraction.status() != DocumentStatus.NOT_A_REPORT) {
                assertThat(extraction.findings()).extracting(Finding::rule).as(row.get("file"))
                        .contains(FindingRule.AGENCY_UNKNOWN.code());
            }
            checked++;
        }
        assertThat(checked).isEqualTo(71);
        assertThat(wrong).isEmpty();
    }
}
