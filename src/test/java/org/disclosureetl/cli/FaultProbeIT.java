package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.JarRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's fault probe of issue #10, through the real jar: failures logged once, bad files that
 * do not stop a run, file names independent of the locale, retry-failed on the right folder, command
 * line mistakes, and the export's scratch files and permissions.
 */
class FaultProbeIT {

    private static final Path SEEDS = Fixtures.resource("seeds");
    private static final String EMPTY_ID = "e3b0c44298fc1c14"; // SHA-256 of nothing
    /** Where the parser's isolation is not what a test probes: one JVM per run instead of three. */
    private static final String IN_PROCESS = "--etl.parse.isolation=in-process";

    @TempDir
    Path work;

    @Test
    void aFailureIsLoggedOnceThoughTheRunFailsAfterItTwiceAndIsResumed() throws Exception {
        Path inbox = inbox("empty.txt", "002.txt");
        Path out = work.resolve("out");
        Files.writeString(out, "a file where the output folder should be");
        String db = "--db=" + work.resolve("db/etl");

        JarRunner.Result failed = JarRunner.run(work, "ingest", "--input=" + inbox, "--output=" + out, db, IN_PROCESS);
        JarRunner.Result stillFailing = JarRunner.run(work, "restart", db, IN_PROCESS);
        Files.delete(out);
        JarRunner.Result resumed = JarRunner.run(work, "restart", db, IN_PROCESS);

        assertThat(failed.exitCode()).as(failed.stdout()).isEqualTo(1);
        assertThat(failed.stdout()).contains("run 1 FAILED")
                .contains("  error: FileSystemException: " + out.resolve("logs") + ": Not a directory\n")
                .contains("  resume with: restart --run=1\n")
                .doesNotContain("\tat ").doesNotContain("Exception:\n");
        assertThat(stillFailing.stdout()).contains("run 2 FAILED").contains("(resumes run 1)");
        assertThat(resumed.exitCode()).as(resumed.stdout()).isZero();
        assertThat(resumed.stdout()).contains("run 3 COMPLETED").contains("(resumes run 2)");
        assertThat(failureRows(out)).containsExactly(
                "3,empty.txt,extract,empty_file,the file is empty (0 bytes)," + EMPTY_ID);
        assertThat(Files.readAllLines(out.resolve("documents.csv"))).hasSize(3);
    }

    @Test
    void failureMessagesAreTheSameInEveryRunAndNotAReportIsLogged() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.writeString(inbox.resolve("broken.pdf"), "%PDF-1.7 junk");
        byte[] noise = new byte[3000];
        new Random(7).nextBytes(noise);
        Files.write(inbox.resolve("noise.doc"), noise);
        Files.copy(Fixtures.resource("hostile/garden-club.txt"), inbox.resolve("note.txt"));
        Files.write(inbox.resolve("tab\there\nnew line.txt"), new byte[0]);

        JarRunner.Result first = JarRunner.run(work, "ingest", "--input=" + inbox, "--output=" + work.resolve("out1"),
                "--db=" + work.resolve("db1/etl"));
        JarRunner.Result second = JarRunner.run(work, "ingest", "--input=" + inbox, "--output=" + work.resolve("out2"),
                "--db=" + work.resolve("db2/etl"));

        assertThat(first.exitCode()).as(first.stdout()).isZero();
        assertThat(second.exitCode()).as(second.stdout()).isZero();
        List<String> rows = failureRows(work.resolve("out1"));
        assertThat(rows).hasSize(4).isEqualTo(failureRows(work.resolve("out2")));
        assertThat(rows.get(0)).startsWith("1,broken.pdf,extract,parse_error,TikaException: TIKA-198: Illegal IOException "
                + "from org.apache.tika.parser.pdf.PDFParser (caused by IOException: Missing root object specification in trailer.),");
        assertThat(rows.get(1)).startsWith("1,noise.doc,extract,parse_error,")
                .contains("from org.apache.tika.parser.microsoft.OfficeParser (caused by").doesNotContain("@");
        assertThat(rows.get(2)).startsWith("1,note.txt,extract,not_a_report,"
                + "neither the title of an annual report nor any of its tables was found,");
        assertThat(rows.get(3)).isEqualTo("1,\"tab\there\nnew line.txt\",extract,empty_file,the file is empty (0 bytes),"
                + EMPTY_ID);
        // one line per failure in the run log: the tab and line break of the name are escaped
        List<String> runLog = Files.readAllLines(work.resolve("out1/logs/run-1.log"));
        assertThat(runLog).hasSize(4).allMatch(line -> line.split("\t", -1).length == 5)
                .anyMatch(line -> line.contains("\ttab\\there\\nnew line.txt\textract\tempty_file\t"));
    }

    @Test
    void anUnreadableFileAndAVeryLongPathDoNotStopTheRun() throws Exception {
        Path inbox = inbox("004.txt");
        Files.createSymbolicLink(inbox.resolve("unreadable.txt"), Path.of("/proc/self/mem")); // read(2) fails: EIO
        Path deep = inbox;
        for (int level = 0; level < 6; level++) {
            deep = deep.resolve(String.valueOf((char) ('a' + level)).repeat(200));
        }
        Files.createDirectories(deep);
        Files.copy(SEEDS.resolve("002_2bd72b0ede0a148a.txt"), deep.resolve("002.txt"));
        String longName = inbox.relativize(deep.resolve("002.txt")).toString();
        assertThat(longName).hasSizeGreaterThan(1200);
        String[] ingest = {"ingest", "--input=" + inbox, "--output=" + work.resolve("out"), "--db=" + work.resolve("db/etl"),
                IN_PROCESS};

        JarRunner.Result first = JarRunner.run(work, ingest);
        JarRunner.Result second = JarRunner.run(work, ingest);

        assertThat(first.exitCode()).as(first.stdout()).isZero();
        assertThat(first.stdout()).contains("run 1 COMPLETED")
                .contains("files: 3 seen, 2 new, 0 changed, 0 unchanged, 0 deleted")
                .contains("skipped files: 1, unreadable or not regular files (listed in failures.csv)")
                .contains("documents: 2 processed, 2 extracted, 0 without table, 0 not a report, 0 failed");
        assertThat(second.exitCode()).as(second.stdout()).isZero();
        assertThat(second.stdout()).contains("files: 3 seen, 0 new, 0 changed, 2 unchanged, 0 deleted");
        // listed once, not again by every run while it stays unreadable
        assertThat(failureRows(work.resolve("out")))
                .containsExactly("1,unreadable.txt,discover,read_error,the file cannot be read: Input/output error,");
        assertThat(Fixtures.readCsv(work.resolve("out/documents.csv")))
                .extracting(d -> d.get("source_file") + " " + d.get("status") + " " + d.get("cells"))
                .containsExactly("004.txt extracted 200", longName + " extracted 200");
    }

    @Test
    void fileNamesAreReadAsTheirBytesTheSameUnderLcAllCAndUtf8() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.copy(SEEDS.resolve("002_2bd72b0ede0a148a.txt"), inbox.resolve("中文报告.txt"));
        // GBK names as a Windows zip leaves them: not UTF-8, and equally long once decoded lossily
        Charset gbk = Charset.forName("GBK");
        Files.copy(SEEDS.resolve("004_48ee5ca18b0bc9b0.txt"), bytePath(inbox, "报告.txt".getBytes(gbk)));
        Files.copy(SEEDS.resolve("000_e61bf2b8057539f0.txt"), bytePath(inbox, "报表.txt".getBytes(gbk)));
        String[] ingest = {"ingest", "--input=" + inbox, "--output=" + work.resolve("out"), "--db=" + work.resolve("db/etl")};

        JarRunner.Result underC = JarRunner.run(work, Map.of("LC_ALL", "C", "LANG", "C"), ingest);
        List<String> documentsUnderC = Files.readAllLines(work.resolve("out/documents.csv"), StandardCharsets.UTF_8);
        JarRunner.Result underUtf8 = JarRunner.run(work, Map.of("LC_ALL", "C.UTF-8", "LANG", "C.UTF-8"), ingest);

        assertThat(underC.exitCode()).as(underC.stdout()).isZero();
        assertThat(underC.stdout()).contains("files: 3 seen, 3 new, 0 changed, 0 unchanged, 0 deleted")
                .contains("documents: 3 processed, 3 extracted, 0 without table, 0 not a report, 0 failed");
        assertThat(Fixtures.readCsv(work.resolve("out/documents.csv")))
                .extracting(d -> d.get("source_file") + " " + d.get("status"))
                .containsExactly("\\xB1\\xA8\\xB1\\xED.txt extracted", "\\xB1\\xA8\\xB8\\xE6.txt extracted",
                        "中文报告.txt extracted");
        assertThat(underUtf8.exitCode()).as(underUtf8.stdout()).isZero();
        assertThat(underUtf8.stdout()).contains("files: 3 seen, 0 new, 0 changed, 3 unchanged, 0 deleted");
        assertThat(Files.readAllLines(work.resolve("out/documents.csv"), StandardCharsets.UTF_8)).isEqualTo(documentsUnderC);
    }

    @Test
    void retryFailedRunsOnTheFoldersItsDocumentsCameFrom() throws Exception {
        Path inbox = inbox("002.txt", "004.txt");
        Path out = work.resolve("out");
        String db = "--db=" + work.resolve("db/etl");
        JarRunner.Result first = JarRunner.run(work, "ingest", "--input=" + inbox, "--output=" + out, db,
                "--etl.parse.max-chars=500", IN_PROCESS);
        assertThat(first.stdout()).contains("documents: 2 processed, 0 extracted, 0 without table, 0 not a report, 2 failed");

        // no --input or --output, run from a folder that has a data/inbox of its own (the project's)
        JarRunner.Result retry = JarRunner.run(work, "retry-failed", db, IN_PROCESS);

        assertThat(retry.exitCode()).as(retry.stdout()).isZero();
        assertThat(retry.stdout()).contains("retry-failed: 2 failed document(s) queued again")
                .contains("run 2 started: " + inbox + " -> " + out)
                .contains("files: 2 seen, 0 new, 0 changed, 2 unchanged, 0 deleted")
                .contains("documents: 2 processed, 2 extracted, 0 without table, 0 not a report, 0 failed");
        assertThat(Files.readAllLines(out.resolve("documents.csv"))).hasSize(3)
                .allMatch(line -> line.startsWith("document_id") || line.contains(",extracted,3,200,"));
    }

    @Test
    void commandLineMistakesGetOneLineAndExitCode2() throws Exception {
        String db = "--db=" + work.resolve("db/etl");
        Path strayDatabase = Path.of(Path.of("").toAbsolutePath() + ".mv.db");
        try {
            assertOneLine(JarRunner.run(work, "ingest", "--db", work.resolve("db2/etl").toString()),
                    "unexpected argument '" + work.resolve("db2/etl") + "': options are written --name=value, with no space (see ingest --help)");
            assertThat(strayDatabase).doesNotExist();
        } finally {
            Files.deleteIfExists(strayDatabase);
        }
        assertOneLine(JarRunner.run(work, "ingest", "--ouptut=" + work.resolve("out"), db),
                "unknown option --ouptut for ingest (it takes [--input=DIR] [--output=DIR] [--workers=local|remote] [--db=PATH|URL] [--etl.*=VALUE])");
        // remote partitioning needs the database the manager and its workers share: PostgreSQL, not an H2 file
        assertOneLine(JarRunner.run(work, "worker", db), "worker needs a PostgreSQL database that the manager and its"
                + " workers share (--db=jdbc:postgresql://host:5432/db); an H2 file opens in one process only");
        assertOneLine(JarRunner.run(work, "ingest", "--workers=remote", db), "ingest --workers=remote needs a PostgreSQL"
                + " database that the manager and its workers share (--db=jdbc:postgresql://host:5432/db); an H2 file"
                + " opens in one process only");
        assertOneLine(JarRunner.run(work, "restart", "--etl.workers=remote", db), "restart --workers=remote needs a"
                + " PostgreSQL database that the manager and its workers share (--db=jdbc:postgresql://host:5432/db);"
                + " an H2 file opens in one process only");
        assertOneLine(JarRunner.run(work, "ingest", "--workers=many", db), "--workers is local or remote, not 'many'");
        assertOneLine(JarRunner.run(work, "export", "--year=abc", db), "--year must be a whole number, not 'abc'");
        assertOneLine(JarRunner.run(work, "runs", "--limit=abc", db), "--limit must be a whole number, not 'abc'");
        assertOneLine(JarRunner.run(work, "restart", "--run", db), "--run needs a value: --run=ID (no space)");
        assertOneLine(JarRunner.run(work, "frobnicate", db),
                "unknown command: frobnicate (commands: ingest, retry-failed, restart, runs, export, schedule, worker, review, apply-corrections)");
        assertThat(work.resolve("db")).doesNotExist();

        // a run that is not in the database: found out after start-up, still one line and no stack trace
        for (String command : List.of("restart", "retry-failed")) {
            JarRunner.Result missing = JarRunner.run(work, command, "--run=999", db);
            assertThat(missing.exitCode()).as(missing.stdout()).isEqualTo(2);
            assertThat(missing.stdout()).contains(command + ": there is no run 999 in this database (see runs)\n")
                    .doesNotContain("\tat ").doesNotContain("Exception");
        }

        for (String command : List.of("ingest", "retry-failed", "restart", "runs", "export", "schedule", "worker")) {
            JarRunner.Result help = JarRunner.run(work, command, "--help");
            assertThat(help.exitCode()).as(help.stdout()).isZero();
            assertThat(help.stdout()).startsWith("usage: java -jar target/disclosure-etl.jar " + command + " ")
                    .contains("[--db=PATH|URL]");
        }
    }

    @Test
    void csvFilesAreGroupReadableAndStrayScratchFilesOfAKilledExportAreRemoved() throws Exception {
        Path inbox = inbox("002.txt");
        Path out = Files.createDirectories(work.resolve("out"));
        // what an export killed midway leaves behind
        Files.writeString(out.resolve(".observations.csv.part00003.tmp"), "stale");
        Files.writeString(out.resolve(".documents.csv8245634517.tmp"), "stale");
        Files.writeString(out.resolve(".codebook.md.3fa9c1.tmp"), "stale");
        Files.writeString(out.resolve(".report.html.77e2.tmp"), "stale");
        Path probe = Files.createFile(out.resolve("probe")); // the permissions this umask gives a new file

        JarRunner.Result run = JarRunner.run(work, "ingest", "--input=" + inbox, "--output=" + out,
                "--db=" + work.resolve("db/etl"), IN_PROCESS);

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(probe);
        assertThat(expected).contains(PosixFilePermission.GROUP_READ);
        List<String> written = List.of("codebook.csv", "codebook.md", "dataset.html", "documents.csv", "failures.csv",
                "observations.csv", "report.html", "validation_issues.csv");
        for (String file : written) {
            assertThat(Files.getPosixFilePermissions(out.resolve(file))).as(file).isEqualTo(expected);
        }
        try (Stream<Path> files = Files.list(out)) {
            // logs/ and the export's own state (.export/: manifest and fragments) besides the files
            assertThat(files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("logs") && !name.equals(".export")).sorted())
                    .containsExactly("codebook.csv", "codebook.md", "dataset.html", "documents.csv", "failures.csv",
                            "observations.csv", "panel.csv", "probe", "report.html", "validation_issues.csv");
        }
    }

    private static void assertOneLine(JarRunner.Result result, String line) {
        assertThat(result.exitCode()).as(result.stdout()).isEqualTo(2);
        assertThat(result.stdout()).isEqualTo(line + "\n");
    }

    /** An inbox of seed reports ({@code 002.txt} is seed 002) and empty files ({@code empty.txt}). */
    private Path inbox(String... names) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        for (String name : names) {
            if (name.startsWith("empty")) {
                Files.createFile(inbox.resolve(name));
            } else {
                try (Stream<Path> seeds = Files.list(SEEDS)) {
                    Path seed = seeds.filter(p -> p.getFileName().toString().startsWith(name.substring(0, 3) + "_"))
                            .findFirst().orElseThrow();
                    Files.copy(seed, inbox.resolve(name));
                }
            }
        }
        return inbox;
    }

    /** A file whose name is exactly these bytes, whatever the test JVM's locale. */
    private static Path bytePath(Path folder, byte[] name) {
        StringBuilder uri = new StringBuilder(folder.toAbsolutePath().toUri().toString());
        for (byte b : name) {
            uri.append('%').append(String.format("%02X", b & 0xff));
        }
        return Path.of(URI.create(uri.toString()));
    }

    /** failures.csv rows as CSV text without the time column (the one column that differs between runs). */
    private static List<String> failureRows(Path out) {
        List<String> rows = new ArrayList<>();
        for (CSVRecord r : Fixtures.readCsv(out.resolve("failures.csv"))) {
            rows.add(String.join(",", r.get("run_id"), quote(r.get("source_file")), r.get("step"), r.get("error_type"),
                    quote(r.get("message")), r.get("document_id")));
        }
        return rows;
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\n") || cell.contains("\"") || cell.contains("\t")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
