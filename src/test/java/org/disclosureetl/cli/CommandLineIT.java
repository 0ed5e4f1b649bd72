package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.disclosureetl.export.CsvExporter;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.JarRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command, run through the real jar on a copy of the sample inbox. */
class CommandLineIT {

    @TempDir
    Path work;

    @Test
    void ingestOfTheSampleInboxThenASecondIngestChangesNothing() throws Exception {
        Path inbox = work.resolve("inbox");
        Fixtures.copySampleInbox(inbox);
        int files = countFiles(inbox);
        String[] ingest = {"ingest", "--input=" + inbox, "--output=" + work.resolve("out"), "--db=" + work.resolve("db/etl")};

        JarRunner.Result first = JarRunner.run(work, ingest);

        assertThat(first.exitCode()).as(first.stdout()).isZero();
        assertThat(first.stdout()).contains("run 1 COMPLETED")
                .contains("files: " + files + " seen, " + files + " new, 0 changed, 0 unchanged, 0 deleted")
                .contains("documents: " + files + " processed, " + files + " extracted, 0 without table, 0 not a report, 0 failed")
                .contains("CSV: " + work.resolve("out").resolve("observations.csv"))
                .contains("report: " + work.resolve("out").resolve("report.html").toUri());
        assertThat(work.resolve("out/report.html")).content().contains("<dd id=\"documents\">" + files + " processed");
        assertThat(work.resolve("out/codebook.csv")).exists();
        List<byte[]> firstCsv = readCsv(work.resolve("out"));
        assertThat(Files.readAllLines(work.resolve("out/documents.csv"))).hasSize(files + 1);

        JarRunner.Result second = JarRunner.run(work, ingest);

        assertThat(second.exitCode()).as(second.stdout()).isZero();
        assertThat(second.stdout()).contains("run 2 COMPLETED")
                .contains("files: " + files + " seen, 0 new, 0 changed, " + files + " unchanged, 0 deleted")
                .contains("documents: 0 processed");
        List<byte[]> secondCsv = readCsv(work.resolve("out"));
        for (int i = 0; i < firstCsv.size(); i++) {
            assertThat(secondCsv.get(i)).as(CsvExporter.FILES.get(i)).isEqualTo(firstCsv.get(i));
        }

        JarRunner.Result runs = JarRunner.run(work, "runs", "--db=" + work.resolve("db/etl"));
        assertThat(runs.exitCode()).isZero();
        // read, written, failed, resent (remote partitions sent again: none in a local run)
        assertThat(runs.stdout()).containsPattern("(?m)^1\\s+COMPLETED\\s.*\\s" + files + "\\s+" + files + "\\s+0\\s+0\\s*$")
                .containsPattern("(?m)^2\\s+COMPLETED\\s.*\\s0\\s+0\\s+0\\s+0\\s*$");

        JarRunner.Result export = JarRunner.run(work, "export", "--year=2020", "--output=" + work.resolve("out2020"),
                "--db=" + work.resolve("db/etl"));
        assertThat(export.exitCode()).as(export.stdout()).isZero();
        List<String> documents2020 = Files.readAllLines(work.resolve("out2020/documents.csv"));
        assertThat(documents2020).hasSize(1 + 4).allMatch(line -> line.startsWith("document_id") || line.contains(",2020,2019,"));
        assertThat(export.stdout()).doesNotContain("no document matches");

        // a filter that matches nothing says so (issue 27): the files it wrote hold their headers only
        JarRunner.Result nothing = JarRunner.run(work, "export", "--region=9999", "--output=" + work.resolve("none"),
                "--db=" + work.resolve("db/etl"));
        assertThat(nothing.exitCode()).as(nothing.stdout()).isZero();
        assertThat(nothing.stdout()).contains("export: no document matches --region=9999; the files hold their headers only");
        assertThat(Files.readAllLines(work.resolve("none/documents.csv"))).hasSize(1);

        // one start of the jar for both options (each start costs seconds): the workbook, and a BOM before the codebook CSV
        JarRunner.Result xlsx = JarRunner.run(work, "export", "--format=xlsx", "--excel", "--output=" + work.resolve("xlsx"),
                "--db=" + work.resolve("db/etl"));
        assertThat(xlsx.exitCode()).as(xlsx.stdout()).isZero();
        assertThat(xlsx.stdout()).containsPattern("export: disclosure.xlsx:documents\\s+" + files + " rows");
        assertThat(work.resolve("xlsx/disclosure.xlsx")).isNotEmptyFile();
        assertThat(work.resolve("xlsx/documents.csv")).doesNotExist();
        assertThat(Files.readAllBytes(work.resolve("xlsx/codebook.csv"))).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void retryFailedReprocessesFailedDocumentsUntilTheirAttemptsAreUsedUp() throws Exception {
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);
        Files.copy(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt"), inbox.resolve("002.txt"));
        Files.copy(Fixtures.resource("seeds/004_48ee5ca18b0bc9b0.txt"), inbox.resolve("004.txt"));
        String db = "--db=" + work.resolve("db/etl");
        String out = "--output=" + work.resolve("out");
        // a limit far too low for a report: both documents fail with output_limit
        String tooLow = "--etl.parse.max-chars=500";

        JarRunner.Result first = JarRunner.run(work, "ingest", "--input=" + inbox, out, db, tooLow);
        assertThat(first.exitCode()).as(first.stdout()).isZero();
        assertThat(first.stdout()).contains("documents: 2 processed, 0 extracted, 0 without table, 0 not a report, 2 failed");
        List<String> failures = Files.readAllLines(work.resolve("out/failures.csv"));
        assertThat(failures).hasSize(3);
        assertThat(failures.subList(1, 3)).anyMatch(f -> f.startsWith("1,002.txt,extract,output_limit,text output exceeds the limit of 500 characters,"))
                .anyMatch(f -> f.startsWith("1,004.txt,extract,output_limit,text output exceeds the limit of 500 characters,"));
        assertThat(Files.readString(work.resolve("out/logs/run-1.log"))).contains("\t002.txt\textract\toutput_limit\t")
                .contains("\t004.txt\textract\toutput_limit\t");

        JarRunner.Result second = JarRunner.run(work, "retry-failed", "--run=1", "--input=" + inbox, out, db, tooLow);
        assertThat(second.stdout()).contains("retry-failed: 2 failed document(s) queued again from run 1")
                .contains("documents: 2 processed, 0 extracted, 0 without table, 0 not a report, 2 failed");

        JarRunner.Result third = JarRunner.run(work, "retry-failed", "--input=" + inbox, out, db, "--etl.max-attempts=3");
        assertThat(third.stdout()).contains("retry-failed: 2 failed document(s) queued again")
                .contains("documents: 2 processed, 2 extracted, 0 without table, 0 not a report, 0 failed");
        assertThat(Files.readAllLines(work.resolve("out/documents.csv"))).hasSize(3)
                .allMatch(line -> line.startsWith("document_id") || line.contains(",extracted,3,200,"));
    }

    @Test
    void aDocumentIsNotRetriedForeverOnceItsAttemptsAreUsedUp() throws Exception {
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);
        Files.write(inbox.resolve("broken.pdf"), "%PDF-1.7 not really a pdf".getBytes());
        String db = "--db=" + work.resolve("db/etl");
        String[] common = {"--input=" + inbox, "--output=" + work.resolve("out"), db, "--etl.max-attempts=2"};

        assertThat(JarRunner.run(work, concat("ingest", common)).stdout()).contains("1 failed");
        assertThat(JarRunner.run(work, concat("retry-failed", common)).stdout())
                .contains("retry-failed: 1 failed document(s) queued again").contains("1 failed");
        JarRunner.Result exhausted = JarRunner.run(work, concat("retry-failed", common));

        assertThat(exhausted.exitCode()).isZero();
        assertThat(exhausted.stdout()).contains("retry-failed: 0 failed document(s) queued again")
                .contains("documents: 0 processed");
        assertThat(Files.readAllLines(work.resolve("out/failures.csv"))).hasSize(1 + 2);
    }

    private static String[] concat(String command, String... options) {
        String[] all = new String[options.length + 1];
        all[0] = command;
        System.arraycopy(options, 0, all, 1, options.length);
        return all;
    }

    @Test
    void unknownCommandIsAUsageError() throws Exception {
        JarRunner.Result result = JarRunner.run(work, "frobnicate", "--db=" + work.resolve("db/etl"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEqualTo(
                "unknown command: frobnicate (commands: ingest, retry-failed, restart, runs, export, schedule, worker, review, apply-corrections)\n");
        JarRunner.Result help = JarRunner.run(work, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).startsWith("usage: java -jar target/disclosure-etl.jar COMMAND [options]\n");
    }

    @Test
    void aDatabaseTheJobDoesNotRunOnIsAOneLineUsageError() throws Exception {
        JarRunner.Result result = JarRunner.run(work, "runs", "--db=jdbc:mysql://localhost/etl");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEqualTo("unsupported database 'mysql' in jdbc:mysql://localhost/etl:"
                + " --db takes an H2 file path or a jdbc:postgresql: URL\n");
    }

    private static List<byte[]> readCsv(Path folder) throws IOException {
        List<byte[]> bytes = new java.util.ArrayList<>();
        for (String file : CsvExporter.FILES) {
            bytes.add(Files.readAllBytes(folder.resolve(file)));
        }
        return bytes;
    }

    private static int countFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return (int) walk.filter(Files::isRegularFile).count();
        }
    }
}
