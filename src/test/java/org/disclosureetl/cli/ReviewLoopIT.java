package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosureetl.export.OutputSchema;
import org.disclosureetl.report.HeadlessChromium;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.JarRunner;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyst's loop through the real jar (issue 29): real reports with digits run together (102.txt, 106.txt) and
 * one whose text names no agency (103 without its title) are ingested; {@code review} lists exactly their open
 * questions; answers filled into review.xlsx with POI are applied; the export carries them as {@code corrected}; the
 * file changed makes them stale, its old bytes back and a retry keep them; each kind of bad answer is one line; the
 * dataset page shows the figures in Chromium. Answers to agency and year questions: the second test.
 */
@Tag(TestKinds.BROWSER)
class ReviewLoopIT {

    @TempDir
    Path work;

    private static final String DOC_102 = "f3667537afc7cfb6";
    private static final String DOC_106 = "0344ef177bece33b";

    @Test
    void reviewAnswerApplyExportReprocessAndStale() throws Exception {
        HeadlessChromium.assertInstalled();
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.copy(Path.of("src/test/resources/real/102.txt"), inbox.resolve("102.txt"));
        Files.copy(Path.of("src/test/resources/real/106.txt"), inbox.resolve("106.txt"));
        Files.copy(Path.of("src/test/resources/attribution/variants/103-body-only.txt"), inbox.resolve("103-body-only.txt"));
        Path out = work.resolve("out");
        String db = "--db=" + work.resolve("db/etl");
        String[] ingest = {"ingest", "--input=" + inbox, "--output=" + out, db};
        String[] review = {"review", "--input=" + inbox, "--output=" + out, db};
        String[] export = {"export", "--output=" + out, db};

        assertOk(JarRunner.run(work, ingest));
        JarRunner.Result reviewed = assertOk(JarRunner.run(work, review));

        assertThat(reviewed.stdout()).contains("review: 15 open questions (agency=1, cell=14)");
        List<String> questions = List.of(
                "cell 102.txt proactive/art20_5.licensing/prev_items 4|45",
                "cell 102.txt proactive/art20_5.licensing/change 50|0",
                "cell 102.txt proactive/art20_6.penalty/prev_items 6|6|63|636",
                "cell 102.txt proactive/art20_6.penalty/change 3|360|60|0",
                "cell 102.txt proactive/art20_6.penalty/decisions 600|0|0|0",
                "cell 102.txt proactive/art20_6.coercion/prev_items 4|43",
                "cell 102.txt proactive/art20_6.coercion/change 30|0",
                "cell 102.txt proactive/art20_8.fees/prev_items 1|12",
                "cell 102.txt proactive/art20_8.fees/change 24|4",
                "cell 102.txt applications/new/commercial_enterprise ",
                "agency 103-body-only.txt // ",
                "cell 106.txt proactive/art20_6.penalty/prev_items 3|35",
                "cell 106.txt proactive/art20_6.penalty/change 50|0",
                "cell 106.txt proactive/art20_9.procurement/procurement_items 2|28|283|2832|28329|283299",
                "cell 106.txt proactive/art20_9.procurement/procurement_amount 832995|32995|2995|995|95|5");
        List<CSVRecord> sheet = Fixtures.readCsv(out.resolve("review.csv"));
        assertThat(sheet.stream().map(ReviewLoopIT::question)).containsExactlyElementsOf(questions);
        CSVRecord penalty106 = sheet.get(11);
        assertThat(penalty106.get("readings")).isEqualTo("3 50 0 | 35 0 0");
        assertThat(penalty106.get("identities")).isEqualTo("3 50 0: every identity holds; 35 0 0: every identity holds");
        assertThat(penalty106.get("raw_value")).isEqualTo("3500");
        assertThat(penalty106.get("link")).isEqualTo(inbox.resolve("106.txt").toUri().toString());
        assertThat(sheet.get(10).get("rule")).isEqualTo("agency_unknown");

        // the analyst fills in the workbook: two readings chosen, and one row of each kind of bad answer
        Path answers = work.resolve("answers.xlsx");
        try (InputStream in = Files.newInputStream(out.resolve("review.xlsx")); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet rows = workbook.getSheet("review");
            assertThat(rows.getLastRowNum()).isEqualTo(15);
            Row header = rows.getRow(0);
            for (int c = 0; c < OutputSchema.REVIEW.size(); c++) {
                assertThat(header.getCell(c).getStringCellValue()).isEqualTo(OutputSchema.REVIEW.get(c));
            }
            int answer = OutputSchema.REVIEW.indexOf("answer");
            int note = OutputSchema.REVIEW.indexOf("note");
            int by = OutputSchema.REVIEW.indexOf("answered_by");
            rows.getRow(12).getCell(answer).setCellValue(35);                 // 106 penalty prev_items: 35 0 0
            rows.getRow(13).getCell(answer).setCellValue(0);
            rows.getRow(1).getCell(answer).setCellValue("45");               // 102 licensing: 45 0 0, as text
            rows.getRow(1).getCell(note).setCellValue("the PDF prints 45");
            rows.getRow(1).getCell(by).setCellValue("li");
            rows.getRow(2).getCell(answer).setCellValue(0);
            rows.getRow(8).getCell(answer).setCellValue("twelve");           // row 9: not a number
            // row 12: the agency question, with a region_code column the analyst added, of no listed unit
            header.createCell(OutputSchema.REVIEW.size()).setCellValue("region_code");
            rows.getRow(11).getCell(answer).setCellValue("某局");
            rows.getRow(11).createCell(OutputSchema.REVIEW.size()).setCellValue("999999");
            appendRow(rows, 16, "cell", DOC_102, "proactive", "nope", "prev_items", "3");         // unknown code
            appendRow(rows, 17, "cell", "ffffffffffffffff", "proactive", "art20_8.fees", "prev_items", "3"); // no document
            appendRow(rows, 18, "cell", DOC_102, "applications", "new", "natural_person", "999");  // breaks identities
            appendRow(rows, 19, "cell", DOC_106, "proactive", "art20_6.penalty", "prev_items", "3"); // answered twice
            appendRow(rows, 20, "report_year", DOC_106, "", "", "", "1999");                      // year out of range
            appendRow(rows, 21, "format_version", DOC_102, "", "", "", "2018");                  // no generation
            try (OutputStream o = Files.newOutputStream(answers)) {
                workbook.write(o);
            }
        }

        JarRunner.Result applied = JarRunner.run(work, "apply-corrections", answers.toString(), "--by=analyst", db);

        assertThat(applied.exitCode()).as(applied.stdout()).isEqualTo(1);
        String prefix = "apply-corrections: " + answers + " row ";
        assertThat(applied.stdout().lines().filter(l -> l.startsWith("apply-corrections:")).toList()).containsExactly(
                prefix + "9: answer 'twelve' is not a number",
                prefix + "12: region_code '999999' is not a unit of the division list",
                prefix + "20: the cell was answered already in row 13",
                prefix + "21: report_year answer 1999 is not a report year: 2008 to " + java.time.Year.now(),
                prefix + "22: format_version answer '2018' is not a template generation (2021, 2019, legacy)",
                prefix + "17: document " + DOC_102 + " has no cell proactive/nope/prev_items (unknown code)",
                prefix + "19: applications/new/natural_person = 999 breaks applicant_total (total = 0 but"
                        + " natural_person+commercial_enterprise+research_institution+social_welfare_org+legal_service_org"
                        + "+other_org = 999 in row new); not stored (--force stores it)",
                prefix + "18: document ffffffffffffffff is not in the database",
                "apply-corrections: 4 corrections stored for 2 documents, 8 rows rejected; the next export (or ingest)"
                        + " writes them with value_source corrected");

        assertOk(JarRunner.run(work, export));
        Map<String, String> corrected = corrected(out);
        assertThat(corrected).containsExactlyInAnyOrderEntriesOf(Map.of(
                DOC_102 + " proactive/art20_5.licensing/prev_items", "45",
                DOC_102 + " proactive/art20_5.licensing/change", "0",
                DOC_106 + " proactive/art20_6.penalty/prev_items", "35",
                DOC_106 + " proactive/art20_6.penalty/change", "0"));
        List<CSVRecord> observations = Fixtures.readCsv(out.resolve("observations.csv"));
        assertThat(observations).allSatisfy(o -> assertThat(o.get("value_source"))
                .isEqualTo(o.get("value").isEmpty() ? "" : corrected.containsKey(key(o)) ? "corrected" : "read"));
        assertThat(observations.stream().filter(o -> o.get("value").isEmpty())).hasSize(14 - 4);
        assertThat(JarRunner.run(work, review).stdout()).contains("review: 11 open questions (agency=1, cell=10)");

        // the dataset page: the figures of the export's own rows, rendered by Chromium
        HeadlessChromium.Page page = HeadlessChromium.open(out.resolve("dataset.html"), work);
        assertThat(page.console()).isEmpty();
        Map<String, CSVRecord> panel = Fixtures.byKey(Fixtures.readCsv(out.resolve("panel.csv")), "document_id");
        assertThat(panel).containsOnlyKeys(DOC_102, DOC_106);
        long received = panel.values().stream().mapToLong(p -> Long.parseLong(p.get("applications.new.total"))).sum();
        long granted = panel.values().stream().mapToLong(p -> Long.parseLong(p.get("applications.granted.total"))
                + Long.parseLong(p.get("applications.partially_granted.total"))).sum();
        long results = panel.values().stream().mapToLong(p -> Long.parseLong(p.get("applications.results_total.total"))).sum();
        long reconsiderations = panel.values().stream()
                .mapToLong(p -> Long.parseLong(p.get("review_litigation.review.total"))).sum();
        assertThat(page.dom())
                .contains("<td class=\"n\" id=\"received-2019\">" + received + "</td>")
                .contains("<td class=\"n\" id=\"results-2019\">" + results + "</td>")
                .contains("<td class=\"n\" id=\"granted-2019\">" + granted + "</td>")
                .contains("<td class=\"n\" id=\"review-total-2019\">" + reconsiderations + "</td>")
                .contains("<p id=\"questions-total\">11 open questions</p>")
                .containsPattern("<svg id=\"chart-received\"[^>]*>\\s*<g class=\"bar\"><text x=\"0\" y=\"17\">2019</text>"
                        + "<rect x=\"60\" y=\"4\" width=\"" + (received == 0 ? 0 : 400) + "\"")
                .contains("<p id=\"summary\">3 reports extracted; 2 in an agency's series");

        // the file changes: its old corrections are not applied and come back as stale questions
        byte[] original = Files.readAllBytes(inbox.resolve("106.txt"));
        Files.writeString(inbox.resolve("106.txt"), "\n（更正版）\n", StandardOpenOption.APPEND);
        assertOk(JarRunner.run(work, ingest));
        assertThat(corrected(out)).containsOnlyKeys(DOC_102 + " proactive/art20_5.licensing/prev_items",
                DOC_102 + " proactive/art20_5.licensing/change");
        assertThat(JarRunner.run(work, review).stdout()).contains("stale_correction=2");
        List<CSVRecord> stale = Fixtures.readCsv(out.resolve("review.csv")).stream()
                .filter(r -> r.get("question").equals("stale_correction")).toList();
        assertThat(stale).extracting(r -> r.get("source_file") + " " + r.get("row_code") + "/" + r.get("column_code"))
                .containsExactly("106.txt art20_6.penalty/change", "106.txt art20_6.penalty/prev_items");
        assertThat(stale.get(1).get("earlier_correction")).startsWith("35 by analyst at ")
                .contains("for the file's earlier bytes (sha256 " + DOC_106 + "…)");

        // its old bytes back: the same document is processed again and its corrections hold
        Files.write(inbox.resolve("106.txt"), original);
        assertOk(JarRunner.run(work, ingest));
        assertThat(corrected(out)).hasSize(4).containsEntry(DOC_106 + " proactive/art20_6.penalty/prev_items", "35");
        assertThat(JarRunner.run(work, review).stdout()).contains("review: 11 open questions (agency=1, cell=10)");

        // retry-failed processes a failed document again: its corrections hold. (A document made failed by hand:
        // a real parse failure of these files cannot be arranged.)
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("db/etl"), "sa", "");
             PreparedStatement fail = h2.prepareStatement(
                     "UPDATE document SET status = 'failed' WHERE document_id = ?")) {
            fail.setString(1, DOC_102);
            assertThat(fail.executeUpdate()).isEqualTo(1);
        }
        JarRunner.Result retried = assertOk(JarRunner.run(work, "retry-failed", "--input=" + inbox, "--output=" + out, db));
        assertThat(retried.stdout()).contains("retry-failed: 1 failed document(s) queued again");
        assertThat(corrected(out)).hasSize(4).containsEntry(DOC_102 + " proactive/art20_5.licensing/prev_items", "45");

        // the workbook export carries the corrected values too
        assertOk(JarRunner.run(work, "export", "--format=xlsx", "--output=" + work.resolve("xlsx"), db));
        try (InputStream in = Files.newInputStream(work.resolve("xlsx/disclosure.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet proactive = workbook.getSheet("proactive");
            int column = -1;
            for (Cell c : proactive.getRow(0)) {
                column = c.getStringCellValue().equals("art20_6.penalty/prev_items") ? c.getColumnIndex() : column;
            }
            Row of106 = null;
            for (Row r : proactive) {
                of106 = r.getCell(0) != null && r.getCell(0).getStringCellValue().equals(DOC_106) ? r : of106;
            }
            assertThat(of106.getCell(column).getNumericCellValue()).isEqualTo(35.0);
        }

        // a CSV file with the key columns; --force stores an answer that breaks an identity, saying so
        Path forced = Files.writeString(work.resolve("forced.csv"),
                "document_id,table_code,row_code,column_code,answer,note\r\n"
                        + DOC_102 + ",applications,new,commercial_enterprise,0,blank in the PDF\r\n"
                        + DOC_102 + ",applications,new,natural_person,999,\r\n");
        JarRunner.Result force = JarRunner.run(work, "apply-corrections", forced.toString(), "--force", db);
        assertThat(force.exitCode()).as(force.stdout()).isZero();
        assertThat(force.stdout().lines().filter(l -> l.startsWith("apply-corrections:")).toList()).containsExactly(
                "apply-corrections: " + forced + " row 3: applications/new/natural_person = 999 breaks applicant_total"
                        + " (total = 0 but natural_person+commercial_enterprise+research_institution+social_welfare_org"
                        + "+legal_service_org+other_org = 999 in row new); stored anyway (--force)",
                "apply-corrections: 2 corrections stored for 1 document, 0 rows rejected; the next export (or ingest)"
                        + " writes them with value_source corrected");
        assertOk(JarRunner.run(work, export));
        assertThat(corrected(out)).hasSize(6).containsEntry(DOC_102 + " applications/new/natural_person", "999")
                .containsEntry(DOC_102 + " applications/new/commercial_enterprise", "0");

        // command-line mistakes: one line, exit code 2
        JarRunner.Result noFile = JarRunner.run(work, "apply-corrections", db);
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.stdout()).isEqualTo("apply-corrections needs FILE: apply-corrections FILE"
                + " (see apply-corrections --help)\n");
        Path missing = work.resolve("missing.xlsx");
        JarRunner.Result notThere = JarRunner.run(work, "apply-corrections", missing.toString(), db);
        assertThat(notThere.exitCode()).isEqualTo(2);
        assertThat(notThere.stdout()).endsWith("apply-corrections: " + missing + " does not exist or is not a file\n")
                .doesNotContain("Exception");
    }

    private static final String DOC_103 = "1ba050be084c399d";
    private static final String DOC_103_BODY = "11fd5a33570591a1";

    /**
     * A report whose text names no agency (103's body without its title) beside the full 103.txt: the agency and the
     * year answered in the workbook are stored, put in the document's row, exported, and link it into 103's series
     * (the same agency and year: a duplicate of 103.txt); a changed file makes the answer stale, its old bytes
     * processed again take it back and join the series again. Bad document answers are one line each.
     */
    @Test
    void agencyAndYearAnswersJoinTheSeriesHoldOnReprocessAndGoStale() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.copy(Path.of("src/test/resources/real/103.txt"), inbox.resolve("103.txt"));
        Files.copy(Path.of("src/test/resources/attribution/variants/103-body-only.txt"), inbox.resolve("103-body-only.txt"));
        Path out = work.resolve("out");
        String db = "--db=" + work.resolve("db/etl");
        String[] ingest = {"ingest", "--input=" + inbox, "--output=" + out, db};
        String[] review = {"review", "--input=" + inbox, "--output=" + out, db};
        assertOk(JarRunner.run(work, ingest));
        assertThat(assertOk(JarRunner.run(work, review)).stdout()).contains("review: 1 open questions (agency=1)\n");
        assertThat(Fixtures.readCsv(out.resolve("review.csv")).stream().map(ReviewLoopIT::question))
                .containsExactly("agency 103-body-only.txt // ");
        Map<String, CSVRecord> documents = Fixtures.byKey(Fixtures.readCsv(out.resolve("documents.csv")), "document_id");
        assertThat(documents.get(DOC_103_BODY).get("agency")).isEmpty();
        assertThat(documents.get(DOC_103_BODY).get("duplicate_of")).isEmpty();

        Path answers = work.resolve("answers.xlsx");
        try (InputStream in = Files.newInputStream(out.resolve("review.xlsx")); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet rows = workbook.getSheet("review");
            int regionCode = OutputSchema.REVIEW.size();
            rows.getRow(0).createCell(regionCode).setCellValue("region_code");
            rows.getRow(1).getCell(OutputSchema.REVIEW.indexOf("answer")).setCellValue("平潭综合实验区公安局");
            rows.getRow(1).getCell(OutputSchema.REVIEW.indexOf("note")).setCellValue("the site's column");
            rows.getRow(1).createCell(regionCode).setCellValue("350128");
            appendRow(rows, 2, "report_year", DOC_103_BODY, "", "", "", "");
            rows.getRow(2).getCell(OutputSchema.REVIEW.indexOf("answer")).setCellValue(2022);  // a number cell
            appendRow(rows, 3, "report_year", DOC_103, "", "", "", "2007");                    // before the first form
            appendRow(rows, 4, "report_year", DOC_103, "", "", "", "22");                      // not four digits
            appendRow(rows, 5, "format_version", DOC_103, "", "", "", "2018");                 // no generation
            appendRow(rows, 6, "agency", DOC_103, "", "", "", "肇庆市金融工作局");               // placed elsewhere
            rows.getRow(6).createCell(regionCode).setCellValue("350128");
            appendRow(rows, 7, "report_year", DOC_103_BODY, "", "", "", "2021");                // answered twice
            appendRow(rows, 8, "agency", "ffffffffffffffff", "", "", "", "某局");                // no document
            try (OutputStream o = Files.newOutputStream(answers)) {
                workbook.write(o);
            }
        }
        JarRunner.Result applied = JarRunner.run(work, "apply-corrections", answers.toString(), "--by=analyst", db);
        assertThat(applied.exitCode()).as(applied.stdout()).isEqualTo(1);
        String prefix = "apply-corrections: " + answers + " row ";
        assertThat(applied.stdout().lines().filter(l -> l.startsWith("apply-corrections:")).toList()).containsExactly(
                prefix + "4: report_year answer 2007 is not a report year: 2008 to " + java.time.Year.now(),
                prefix + "5: report_year answer '22' is not a four-digit year",
                prefix + "6: format_version answer '2018' is not a template generation (2021, 2019, legacy)",
                prefix + "7: agency '肇庆市金融工作局' lies in 4412 (广东省肇庆市), not in 350128 (平潭县)",
                prefix + "8: the document's report_year question was answered already in row 3",
                prefix + "9: document ffffffffffffffff is not in the database",
                "apply-corrections: 2 document answers (agency, report_year, format_version) stored for 1 document and"
                        + " put in its row; series linked again: 2 documents in series, 1 links changed",
                "apply-corrections: 0 corrections stored for 0 documents, 6 rows rejected; the next export (or ingest)"
                        + " writes them with value_source corrected");
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("db/etl"), "sa", "");
             java.sql.ResultSet rs = h2.createStatement().executeQuery("SELECT field, value_text, region_code,"
                     + " corrected_by, note FROM document_correction WHERE document_id = '" + DOC_103_BODY
                     + "' ORDER BY field")) {
            List<String> stored = new ArrayList<>();
            while (rs.next()) {
                stored.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getString(5));
            }
            assertThat(stored).containsExactly("agency 平潭综合实验区公安局 350128 analyst the site's column",
                    "report_year 2022 null analyst null");
        }

        // the export carries the agency in the document's row and its cells' rows; it is 103.txt's duplicate
        assertOk(JarRunner.run(work, "export", "--output=" + out, db));
        assertJoined(out);
        assertThat(assertOk(JarRunner.run(work, review)).stdout()).contains("review: 0 open questions\n");

        // the file changes: the answer is not applied to the new bytes and comes back beside the question
        byte[] original = Files.readAllBytes(inbox.resolve("103-body-only.txt"));
        Files.writeString(inbox.resolve("103-body-only.txt"), "\n（更正版）\n", StandardOpenOption.APPEND);
        assertOk(JarRunner.run(work, ingest));
        List<CSVRecord> changed = Fixtures.readCsv(out.resolve("documents.csv")).stream()
                .filter(d -> d.get("source_file").equals("103-body-only.txt") && d.get("present").equals("true"))
                .toList();
        assertThat(changed).singleElement().satisfies(d -> {
            assertThat(d.get("document_id")).isNotEqualTo(DOC_103_BODY);
            assertThat(d.get("agency")).isEmpty();
            assertThat(d.get("duplicate_of")).isEmpty();
        });
        assertThat(assertOk(JarRunner.run(work, review)).stdout()).contains("review: 2 open questions (agency=1,"
                + " report_year=1); 2 of the document questions with an answer for the file's earlier bytes"
                + " (earlier_correction)\n");
        List<CSVRecord> stale = Fixtures.readCsv(out.resolve("review.csv"));
        assertThat(stale).extracting(r -> r.get("question") + " " + r.get("rule"))
                .containsExactly("agency agency_unknown", "report_year ");
        assertThat(stale.get(0).get("earlier_correction")).startsWith("平潭综合实验区公安局 (region 350128) by analyst at ")
                .endsWith(" for the file's earlier bytes (sha256 " + DOC_103_BODY + "…): the site's column");
        assertThat(stale.get(1).get("earlier_correction")).startsWith("2022 by analyst at ")
                .endsWith(" for the file's earlier bytes (sha256 " + DOC_103_BODY + "…)");

        // its old bytes back: processed again, the link step puts the answers back and links it again
        Files.write(inbox.resolve("103-body-only.txt"), original);
        assertOk(JarRunner.run(work, ingest));
        assertJoined(out);
        assertThat(assertOk(JarRunner.run(work, review)).stdout()).contains("review: 0 open questions\n");
    }

    /** 103-body-only.txt as answered: 103.txt's agency, placed in Pingtan, and a duplicate of 103.txt. */
    private static void assertJoined(Path out) {
        Map<String, CSVRecord> documents = Fixtures.byKey(Fixtures.readCsv(out.resolve("documents.csv")), "document_id");
        CSVRecord body = documents.get(DOC_103_BODY);
        assertThat(List.of(body.get("agency"), body.get("report_year"), body.get("region_code"), body.get("county"),
                body.get("agency_key"), body.get("duplicate_of"))).containsExactly("平潭综合实验区公安局", "2022",
                "350128", "平潭县", "350128/公安局", DOC_103);
        assertThat(documents.get(DOC_103).get("agency_key")).isEqualTo("350128/公安局");
        assertThat(Fixtures.readCsv(out.resolve("observations.csv")).stream()
                .filter(o -> o.get("document_id").equals(DOC_103_BODY)))
                .hasSize(200).allSatisfy(o -> assertThat(o.get("agency")).isEqualTo("平潭综合实验区公安局"));
        assertThat(Fixtures.readCsv(out.resolve("panel.csv"))).extracting(p -> p.get("document_id"))
                .containsExactly(DOC_103);
    }

    private static JarRunner.Result assertOk(JarRunner.Result result) {
        assertThat(result.exitCode()).as(result.stdout()).isZero();
        return result;
    }

    private static String question(CSVRecord r) {
        return r.get("question") + " " + r.get("source_file") + " " + r.get("table_code") + "/" + r.get("row_code")
                + "/" + r.get("column_code") + " " + r.get("candidates");
    }

    private static String key(CSVRecord o) {
        return o.get("document_id") + " " + o.get("table_code") + "/" + o.get("row_code") + "/" + o.get("column_code");
    }

    /** The corrected cells of observations.csv and their values. */
    private static Map<String, String> corrected(Path out) {
        return Fixtures.readCsv(out.resolve("observations.csv")).stream()
                .filter(o -> o.get("value_source").equals("corrected"))
                .collect(Collectors.toMap(ReviewLoopIT::key, o -> o.get("value"), (a, b) -> a, TreeMap::new));
    }

    /** A row added below the sheet's questions, as an analyst would type it. */
    private static void appendRow(Sheet sheet, int index, String question, String document, String table, String row,
                                  String column, String answer) {
        Row r = sheet.createRow(index);
        List<String> values = new ArrayList<>();
        for (String name : OutputSchema.REVIEW) {
            values.add(switch (name) {
                case "question" -> question;
                case "document_id" -> document;
                case "table_code" -> table;
                case "row_code" -> row;
                case "column_code" -> column;
                case "answer" -> answer;
                default -> "";
            });
        }
        for (int c = 0; c < values.size(); c++) {
            Cell cell = r.createCell(c);
            cell.setCellValue(values.get(c));
        }
    }
}
