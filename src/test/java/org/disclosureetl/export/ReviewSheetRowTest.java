package org.disclosureetl.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.disclosureetl.store.CorrectionRepository.Question;
import org.disclosureetl.vocabulary.QuestionKind;
import org.junit.jupiter.api.Test;

/** A question's row of review.csv, in the order of {@link OutputSchema#REVIEW}. */
class ReviewSheetRowTest {

    @Test
    void aCellInsideABrokenIdentityNamesTheIdentity() {
        Question q = new Question(QuestionKind.IDENTITY_CELL, "a1", "a.txt", null, "某局", 2022, "2021", "applicant_total",
                "applications", "new", "natural_person", "自然人", "申请人情况", "7", "line 40", "9", "10",
                "total = 10 but natural_person+commercial_enterprise = 9 in row new", null);

        List<String> row = ReviewSheet.row(q, null, null);

        assertThat(row).hasSize(OutputSchema.REVIEW.size());
        assertThat(row.get(OutputSchema.REVIEW.indexOf("question"))).isEqualTo("identity_cell");
        assertThat(row.get(OutputSchema.REVIEW.indexOf("rule"))).isEqualTo("applicant_total");
        assertThat(row.get(OutputSchema.REVIEW.indexOf("raw_value"))).isEqualTo("7");
        assertThat(row.get(OutputSchema.REVIEW.indexOf("candidates"))).isEmpty();
        assertThat(row.get(OutputSchema.REVIEW.indexOf("identities")))
                .isEqualTo("read inside applicant_total, which does not hold");
        assertThat(row.get(OutputSchema.REVIEW.indexOf("answer"))).isEmpty();
    }

    @Test
    void aDocumentQuestionAnsweredForEarlierBytesCarriesTheEarlierAnswer() {
        Question q = new Question(QuestionKind.AGENCY, "a2", "a.txt", null, null, 2022, "2021", "agency_unknown", null,
                null, null, null, null, null, null, null, null, "no title names its agency",
                "某局 by li at 2026-12-07T20:15 for the file's earlier bytes (sha256 aaaaaaaaaaaaaaaa…)");

        List<String> row = ReviewSheet.row(q, null, null);

        assertThat(row.get(OutputSchema.REVIEW.indexOf("question"))).isEqualTo("agency");
        assertThat(row.get(OutputSchema.REVIEW.indexOf("identities"))).isEmpty();
        assertThat(row.get(OutputSchema.REVIEW.indexOf("earlier_correction")))
                .isEqualTo("某局 by li at 2026-12-07T20:15 for the file's earlier bytes (sha256 aaaaaaaaaaaaaaaa…)");
    }
}
