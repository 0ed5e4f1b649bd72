package org.disclosureetl.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the answers of a review sheet saved as CSV (the workbook is read in cli/ReviewLoopIT). */
class ReviewAnswersTest {

    @TempDir
    Path folder;

    @Test
    void answeredRowsAreReadByHeaderNameWithTheirSpreadsheetRowNumber() throws Exception {
        Path file = folder.resolve("answers.csv");
        // columns in another order, an extra one, a byte-order mark, SpreadsheetSafe's apostrophe before a text
        Files.writeString(file, "\uFEFFanswer,extra,document_id,table_code,row_code,column_code,note\r\n"
                + "35,x,0344ef177bece33b,proactive,art20_6.penalty,prev_items,'=checked\r\n"
                + ",x,0344ef177bece33b,proactive,art20_6.penalty,change,\r\n"
                + " 0 ,,f3667537afc7cfb6,proactive,art20_5.licensing,change,\r\n");

        List<ReviewAnswers.Answer> answers = ReviewAnswers.read(file);

        assertThat(answers).containsExactly(
                new ReviewAnswers.Answer(2, "", "0344ef177bece33b", "proactive", "art20_6.penalty", "prev_items", "35",
                        "=checked", "", ""),
                new ReviewAnswers.Answer(4, "", "f3667537afc7cfb6", "proactive", "art20_5.licensing", "change", "0",
                        "", "", ""));
    }

    @Test
    void aFileWithoutTheKeyColumnsOrNoFileAtAllIsOneLine() throws Exception {
        Path file = folder.resolve("other.csv");
        Files.writeString(file, "document_id,answer\r\nabc,3\r\n");

        assertThatThrownBy(() -> ReviewAnswers.read(file)).isInstanceOf(ReviewAnswers.UnreadableAnswers.class)
                .hasMessage(file + " lacks the columns table_code, row_code, column_code of a review sheet"
                        + " (review.csv, review.xlsx)");
        assertThatThrownBy(() -> ReviewAnswers.read(folder.resolve("missing.xlsx")))
                .hasMessage(folder.resolve("missing.xlsx") + " does not exist or is not a file");
        Path notAWorkbook = Files.writeString(folder.resolve("text.xlsx"), "not a zip");
        assertThatThrownBy(() -> ReviewAnswers.read(notAWorkbook))
                .hasMessageStartingWith(notAWorkbook + " cannot be read as a review sheet (a workbook): ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
