package org.disclosureetl.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.export.ReviewSheet;
import org.disclosureetl.store.CorrectionRepository.Question;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code review}: writes review.csv and review.xlsx into the output folder, one row per open question of the
 * (filtered) data, and prints how many of each kind.
 */
@Component
class ReviewCommand {

    private final ReviewSheet sheet;
    private final EtlProperties properties;
    private final PrintStream out = System.out;

    ReviewCommand(ReviewSheet sheet, EtlProperties properties) {
        this.sheet = sheet;
        this.properties = properties;
    }

    int run(ApplicationArguments args) throws Exception {
        ReviewSheet.Result result = sheet.write(properties.output(), properties.input(), ExportCommand.filter(args));
        Map<String, Integer> kinds = new TreeMap<>();
        int staleAnswers = 0;
        for (Question q : result.questions()) {
            kinds.merge(q.kind().code(), 1, Integer::sum);
            staleAnswers += !q.kind().asksForCell() && q.earlier() != null ? 1 : 0;
        }
        out.println("review: " + result.questions().size() + " open questions"
                + (kinds.isEmpty() ? "" : " " + kinds.toString().replace('{', '(').replace('}', ')'))
                + (staleAnswers == 0 ? "" : "; " + staleAnswers + " of the document questions with an answer for"
                + " the file's earlier bytes (earlier_correction)"));
        out.println("review: written to " + result.folder().toAbsolutePath().resolve(ReviewSheet.XLSX_FILE)
                + " (and " + ReviewSheet.CSV_FILE + "); fill in the answer column and run apply-corrections FILE");
        return ExitCodes.OK;
    }
}
