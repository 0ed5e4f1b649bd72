package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.disclosureetl.testsupport.Corpus;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.HostileCorpus;
import org.disclosureetl.testsupport.JarRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console through the real jar (issue 27, item 8): standard output carries a command's result and nothing
 * else, log lines go to standard error without object identities, {@code --help} gives meanings and defaults,
 * special files in the inbox are skipped and listed once, and the report of a run that changed nothing shows the
 * database.
 */
class ConsoleIT {

    /** A log line as application.yml's pattern writes it. */
    private static final Pattern LOG_LINE = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d (TRACE|DEBUG|INFO|WARN|ERROR) ");
    /** {@code PDFParser@5f8edcc5}. */
    private static final Pattern OBJECT_IDENTITY = Pattern.compile("[A-Za-z]@[0-9a-f]{4,8}\\b");

    @TempDir
    Path work;

    @Test
    void standardOutputCarriesOnlyTheResultAndSpecialFilesAreSkippedAndListedOnce() throws Exception {
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);
        Files.copy(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt"), inbox.resolve("002.txt"));
        Files.copy(Fixtures.resource("seeds/004_48ee5ca18b0bc9b0.txt"), inbox.resolve("004.txt"));
        Files.createDirectories(inbox.resolve("copies"));
        Files.copy(inbox.resolve("002.txt"), inbox.resolve("copies/002 | again.txt")); // one document, two paths
        Files.writeString(inbox.resolve("broken.pdf"), "%PDF-1.7 not really a pdf"); // Tika names PDFParser@hash
        assertThat(new ProcessBuilder("mkfifo", inbox.resolve("pipe.txt").toString()).start().waitFor()).isZero();
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(inbox.resolve("socket")));
        }
        Files.createSymbolicLink(inbox.resolve("dangling.txt"), Path.of("nowhere.txt"));
        Files.createSymbolicLink(inbox.resolve("loop-a.txt"), Path.of("loop-b.txt"));
        Files.createSymbolicLink(inbox.resolve("loop-b.txt"), Path.of("loop-a.txt"));
        Files.createSymbolicLink(inbox.resolve("up"), Path.of("..")); // a folder loop if it were followed
        String db = "--db=" + work.resolve("db/etl");
        String[] ingest = {"ingest", "--input=" + inbox, "--output=" + work.resolve("out"), db};

        JarRunner.Streams first = JarRunner.runApart(work, ingest);

        assertThat(first.exitCode()).as(first.stdout() + first.stderr()).isZero();
        assertThat(first.stdout()).doesNotContainPattern(LOG_LINE).startsWith("run 1 COMPLETED")
                .contains("  files: 4 seen, 4 new, 0 changed, 0 unchanged, 0 deleted\n")
                .contains("  skipped files: 6, unreadable or not regular files (listed in failures.csv)\n")
                .contains("  documents: 3 processed, 2 extracted, 0 without table, 0 not a report, 1 failed\n");
        assertThat(first.stderr()).contains(" INFO  progress - run 1 started: " + inbox)
                .contains(" WARN  DocumentProcessor - broken.pdf failed (parse_error): TikaException: TIKA-198:"
                        + " Illegal IOException from org.apache.tika.parser.pdf.PDFParser (caused by")
                .doesNotContainPattern(OBJECT_IDENTITY);
        List<String> failures = Files.readAllLines(work.resolve("out/failures.csv")).stream()
                .map(line -> line.replaceAll(",20\\d\\d-[^,]*,", ",TIME,")).toList();
        assertThat(failures).containsExactly("run_id,source_file,step,error_type,message,time,document_id",
                "1,broken.pdf,extract,parse_error,TikaException: TIKA-198: Illegal IOException from"
                        + " org.apache.tika.parser.pdf.PDFParser (caused by IOException: Missing root object specification"
                        + " in trailer.),TIME,c9ace8b4819a20cb",
                "1,dangling.txt,discover,file_missing,\"a link to nowhere.txt, which does not exist: skipped\",TIME,",
                "1,loop-a.txt,discover,read_error,a link that leads round in a loop of links: skipped,TIME,",
                "1,loop-b.txt,discover,read_error,a link that leads round in a loop of links: skipped,TIME,",
                "1,pipe.txt,discover,unsupported_type,\"not a regular file but a named pipe (FIFO): skipped, never opened\",TIME,",
                "1,socket,discover,unsupported_type,\"not a regular file but a socket: skipped, never opened\",TIME,",
                "1,up,discover,unsupported_type,\"a link to a folder: links to folders are not followed, skipped\",TIME,");
        // every path of a document, in its paths column (then ocr_pages, empty for a text report)
        assertThat(Files.readAllLines(work.resolve("out/documents.csv")).stream().filter(line -> line.contains(",002.txt,")))
                .singleElement().asString().endsWith(",002.txt|copies/002 \\| again.txt,");
        Files.copy(inbox.resolve("002.txt"), inbox.resolve("copies/002-third.txt")); // a third path, no new document

        // a run that changes nothing: the special files are counted again but not listed again; the report shows
        // the run and what the database holds
        JarRunner.Streams second = JarRunner.runApart(work, ingest);

        assertThat(second.exitCode()).as(second.stdout() + second.stderr()).isZero();
        assertThat(second.stdout()).doesNotContainPattern(LOG_LINE).startsWith("run 2 COMPLETED")
                .contains("  files: 5 seen, 1 new, 0 changed, 4 unchanged, 0 deleted\n")
                .contains("  skipped files: 6, unreadable or not regular files (listed in failures.csv)\n")
                .contains("  documents: 0 processed");
        assertThat(Files.readAllLines(work.resolve("out/failures.csv"))).hasSize(failures.size());
        // documents.csv is written whole by every export: the new path is there
        assertThat(Files.readAllLines(work.resolve("out/documents.csv")).stream().filter(line -> line.contains(",002.txt,")))
                .singleElement().asString().endsWith(",002.txt|copies/002 \\| again.txt|copies/002-third.txt,");
        assertThat(work.resolve("out/report.html")).content()
                .contains("<dd id=\"documents\">0 processed")
                .contains("<p id=\"nothing-changed\">This run processed no document")
                .contains("<dd id=\"database-documents\">3 in all, 2 extracted, 0 without table, 0 not a report, 1 failed</dd>");

        JarRunner.Streams runs = JarRunner.runApart(work, "runs", db);
        assertThat(runs.exitCode()).isZero();
        assertThat(runs.stdout().lines().toList()).hasSize(3).first().asString().startsWith("run    status");
        assertThat(runs.stdout()).doesNotContainPattern(LOG_LINE);

        JarRunner.Streams export = JarRunner.runApart(work, "export", "--output=" + work.resolve("again"), db);
        assertThat(export.exitCode()).isZero();
        assertThat(export.stdout().lines().toList()).isNotEmpty().allMatch(line -> line.startsWith("export: "));
    }

    @Test
    void helpGivesEveryOptionItsMeaningAndDefault() throws Exception {
        JarRunner.Streams export = JarRunner.runApart(work, "export", "--help");
        assertThat(export.exitCode()).isZero();
        assertThat(export.stdout()).startsWith("usage: java -jar target/disclosure-etl.jar export [--output=DIR] [--year=Y] [--agency=A]"
                        + " [--region=R] [--table=T] [--format=csv|xlsx] [--excel] [--db=PATH|URL] [--etl.*=VALUE]\n"
                        + "  write the CSV files from the database again, optionally filtered\n\noptions:\n")
                .contains("  --table=T              only the cells of one table: applications, proactive,"
                        + " review_litigation, statistics (default: all)\n")
                .contains("  --format=csv|xlsx      csv: the CSV files; xlsx: one workbook, disclosure.xlsx, a sheet per"
                        + " file (default: csv)\n")
                .contains("(default: data/db/disclosure)\n");
        assertThat(JarRunner.runApart(work, "schedule", "--help").stdout())
                .contains("  --cron=EXPR            when to run: a Spring cron expression (second minute hour day month"
                        + " weekday) in etl.schedule.zone (default: 0 30 2 * * *)\n")
                .contains("  --input=DIR            folder of the report files to read (default: data/inbox)\n");
        assertThat(JarRunner.runApart(work, "--help").stdout())
                .contains("  etl.threads            extract partitions and export workers side by side; 0 is one per core"
                        + " (default: 0)\n")
                .contains("  etl.parse.timeout      a document still parsing after this is killed (error type timeout)"
                        + " (default: 60s)\n");
    }

    @Test
    void aParserChildOutOfMemoryAndAPageNestedTooDeepAreOneLineEachNamingWhatHappened() throws Exception {
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);
        HostileCorpus.zipBombDocx(inbox, 1L << 30); // inflates past the child's heap
        Files.writeString(inbox.resolve("deep.html"), "<html><body>" + "<table><tr><td>".repeat(3000) + "2021"
                + "</td></tr></table>".repeat(3000) + "</body></html>", StandardCharsets.UTF_8);
        Files.copy(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt"), inbox.resolve("002.txt"));

        JarRunner.Streams run = JarRunner.runApart(work, "ingest", "--input=" + inbox, "--output=" + work.resolve("out"),
                "--db=" + work.resolve("db/etl"), "--etl.parse.child-heap=128MB");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("  documents: 3 processed, 1 extracted, 0 without table, 0 not a report, 2 failed\n");
        assertThat(run.stderr()).doesNotContain("Terminating due to").doesNotContainIgnoringCase("zip bomb")
                .contains("WARN  DocumentProcessor - deep.html failed (parse_error): the document's elements are nested"
                        + " more than 100 levels deep, where parsing stops")
                .containsPattern("WARN  DocumentProcessor - zipbomb\\.docx failed \\(parser_crash\\): .*"
                        + " \\(out of memory beyond -Xmx128m, or a JVM crash\\)");
    }

    @Test
    void sigtermOnIngestEndsWithTheSummaryAndTheResumeLine() throws Exception {
        Path inbox = work.resolve("inbox");
        Corpus.build(inbox, 12); // long enough to be stopped in the middle (chunks of 5 documents)
        String db = "--db=" + work.resolve("db/etl");
        Path log = work.resolve("ingest.log");
        Process ingest = JarRunner.start(log, "ingest", "--input=" + inbox, "--output=" + work.resolve("out"), db,
                "--etl.chunk-size=5");
        JarRunner.waitForLine(log, "documents to process", 120);
        Thread.sleep(1000);

        ingest.destroy(); // SIGTERM

        assertThat(ingest.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ingest.exitValue()).as(output).isEqualTo(143); // 128 + SIGTERM, as for any process it ends
        assertThat(output).contains("shutting down: stopping run 1 after its current chunk")
                .contains("run 1 STOPPED in ")
                .contains("  stopped on request (SIGTERM, Ctrl-C) after its current chunk; the documents it finished are kept\n")
                .contains("  resume with: restart --run=1\n")
                .doesNotContain("JobInterruptedException");

        JarRunner.Result restart = JarRunner.run(work, "restart", db);
        assertThat(restart.exitCode()).as(restart.stdout()).isZero();
        assertThat(restart.stdout()).contains("run 2 COMPLETED").contains("(resumes run 1)");
    }
}
