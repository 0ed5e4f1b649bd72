package org.disclosureetl.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.disclosureetl.store.CorrectionRepository.Question;
import org.disclosureetl.store.DatasetQueries.CellTotal;
import org.disclosureetl.store.DatasetQueries.Coverage;
import org.disclosureetl.store.DatasetQueries.Reports;
import org.disclosureetl.store.DatasetQueries.SeriesYear;
import org.disclosureetl.vocabulary.QuestionKind;
import org.junit.jupiter.api.Test;

/** The dataset page from given figures (rendered in Chromium from a real export in cli/ReviewLoopIT). */
class DatasetPageTest {

    @Test
    void figuresGapsAndQuestionsAreShownAsTheDataGivesThem() {
        DatasetPage.Dataset data = new DatasetPage.Dataset(
                List.of(new Coverage(2022, "福建省", 2), new Coverage(2023, "福建省", 1), new Coverage(null, null, 1)),
                1,
                List.of(new SeriesYear("350128/公安局", "平潭县公安局", 2020), new SeriesYear("350128/公安局", "平潭县公安局", 2023),
                        new SeriesYear("350128/<b>局", "<b>局", 2022)),
                List.of(new Reports(2022, "2021", 2), new Reports(2023, "2021", 1)),
                List.of(total(2022, "applications", "new", "total", "30", 2),
                        total(2022, "applications", "granted", "total", "10", 2),
                        total(2022, "applications", "partially_granted", "total", "5", 1),
                        total(2022, "applications", "results_total", "total", "45", 2),
                        total(2022, "review_litigation", "review", "upheld", "2", 2),
                        total(2022, "review_litigation", "litigation_direct", "total", "1", 2),
                        total(2022, "review_litigation", "litigation_after_review", "total", "2", 2),
                        total(2023, "applications", "new", "total", "60", 1),
                        total(2023, "applications", "results_total", "total", "0", 1)),
                List.of(question(2022, QuestionKind.CELL), question(2022, QuestionKind.CELL),
                        question(2022, QuestionKind.IDENTITY_CELL),
                        question(null, QuestionKind.AGENCY), question(2023, QuestionKind.STALE_CORRECTION)));

        String page = DatasetPage.render(data);

        assertThat(page)
                .contains("<p id=\"summary\">4 reports extracted; 3 in an agency's series (one per agency and year); 1"
                        + " without a known agency or year")
                .contains("<tr><th>province</th><th>2022</th><th>2023</th><th>year unknown</th><th>all</th></tr>")
                .contains("<tr><td>not placed</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">1</td>"
                        + "<td class=\"n\">1</td></tr>")
                .contains("<li>平潭县公安局 (350128/公安局): 2020–2023, missing 2021, 2022</li>")
                .doesNotContain("<b>")
                .contains("<td class=\"n\" id=\"received-2022\">30</td>")
                .contains("<td class=\"n\" id=\"granted-2022\">15 <span class=\"note\">(1 without a number)</span></td>")
                .contains("<td class=\"n\" id=\"share-2022\">33.3%</td>")
                .contains("<td class=\"n\" id=\"litigation-total-2022\">3</td>")
                .contains("<td class=\"n\" id=\"review-total-2022\">0 <span class=\"note\">(2 without a number)</span></td>")
                .contains("<td class=\"n\" id=\"share-2023\">–</td>")
                .contains("<tr id=\"questions-2022\"><td>2022</td><td class=\"n\">3</td><td class=\"n\">0</td>"
                        + "<td class=\"n\">0</td></tr>")
                .contains("<tr id=\"questions-2023\"><td>2023</td><td class=\"n\">0</td><td class=\"n\">0</td>"
                        + "<td class=\"n\">1</td></tr>")
                .contains("<tr id=\"questions-unknown\"><td>unknown</td><td class=\"n\">0</td><td class=\"n\">1</td>")
                .contains("<p id=\"questions-total\">5 open questions</p>")
                // 60 received in 2023 is the longest bar (400 px), 30 in 2022 half of it
                .contains("<text x=\"0\" y=\"17\">2022</text><rect x=\"60\" y=\"4\" width=\"200\"")
                .contains("<text x=\"0\" y=\"41\">2023</text><rect x=\"60\" y=\"28\" width=\"400\"")
                .doesNotContain("<script");
    }

    private static CellTotal total(int year, String table, String row, String column, String sum, int valued) {
        return new CellTotal(year, table, row, column, new BigDecimal(sum), valued);
    }

    private static Question question(Integer year, QuestionKind kind) {
        return new Question(kind, "abc", "a.txt", null, null, year, "2021", null, null, null, null, null, null, null,
                null, null, null, null, null);
    }
}
