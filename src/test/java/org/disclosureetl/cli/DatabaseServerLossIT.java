package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.testsupport.ExportComparison.assertSameExport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.disclosureetl.testsupport.Corpus;
import org.disclosureetl.testsupport.JarRunner;
import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server lost or full in the middle of a run, through the real jar against a server of the
 * test's own (issue 27, item 2): the run ends FAILED within seconds with one line naming the cause and the
 * resume line, and {@code restart} once the server is back finishes it with what an uninterrupted run exports.
 */
@Tag(TestKinds.DATABASE)
@Tag(TestKinds.PROCESSES)
class DatabaseServerLossIT {

    private static final int COPIES = 30;
    /** Well above the connection timeouts of DisclosureEtlApplication plus DatabaseFault's grace; far below the 300 s of before. */
    private static final long SECONDS_TO_END = 40;

    @TempDir
    static Path shared;
    static Path inbox;
    static Path reference;
    static PostgresServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void serverAndUninterruptedRun() throws Exception {
        server = PostgresServer.startOwn();
        inbox = shared.resolve("inbox");
        Corpus.build(inbox, COPIES);
        reference = shared.resolve("reference");
        JarRunner.Result result = JarRunner.run(shared, "ingest", "--input=" + inbox, "--output=" + reference,
                "--db=" + server.newDatabase());
        assertThat(result.exitCode()).as(result.stdout()).isZero();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theServerStoppingMidRunEndsTheRunFailedInSecondsAndRestartFinishesIt() throws Exception {
        String db = "--db=" + server.newDatabase();
        Path out = work.resolve("out");
        Path log = work.resolve("ingest.log");
        Process ingest = JarRunner.start(log, "ingest", "--input=" + inbox, "--output=" + out, db);
        JarRunner.waitForLine(log, "documents/s", 180); // the extract step is under way

        server.kill();
        long killed = System.nanoTime();
        boolean ended = ingest.waitFor(SECONDS_TO_END, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed);
        if (!ended) {
            ingest.destroyForcibly();
        }
        server.startAgain();

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("ended within %d s of the kill:%n%s", SECONDS_TO_END, output).isTrue();
        assertThat(ingest.exitValue()).as(output).isEqualTo(1);
        List<String> end = linesFrom(output, "run 1 FAILED");
        assertThat(end.get(0)).isEqualTo("run 1 FAILED: the database cannot be reached");
        // the broken connection ("An I/O error occurred while sending to the backend.") or the server's last word
        assertThat(end.get(1)).startsWith("  error: PSQLException: ");
        assertThat(end.get(2)).isEqualTo("  details: " + out.resolve("logs/run-1.log"));
        assertThat(end.get(3)).isEqualTo("  resume with: restart --run=1 (once the database server is back)");
        assertThat(end).hasSize(4);
        assertThat(output).doesNotContain("\tat ").doesNotContain("Caused by");
        System.out.printf("the run ended %d s after the server stopped%n", seconds);

        JarRunner.Result restart = JarRunner.run(work, "restart", db);
        assertThat(restart.exitCode()).as(restart.stdout()).isZero();
        assertThat(restart.stdout()).contains("run 1 was left unfinished by a process that stopped: marked FAILED")
                .containsPattern("run \\d+ COMPLETED in .* \\(resumes run 1\\)");
        assertSameExport(reference, out);
    }

    @Test
    void aFullDiskEndsTheRunFailedAndRestartFinishesItOnceThereIsSpace() throws Exception {
        // under /tmp itself, not the test's folder: the server's own user must reach it, and @TempDir is private
        Path space = Files.createTempDirectory("etl-space-");
        // a few MB past what a new database takes: the run's cells do not fit
        Assumptions.assumeTrue(mount(space, "size=12m"), "cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN)");
        try {
            String db = "--db=" + server.newDatabaseIn(space.resolve("tablespace"));
            Path out = work.resolve("out");

            JarRunner.Result full = JarRunner.run(work, "ingest", "--input=" + inbox, "--output=" + out, db);

            assertThat(full.exitCode()).as(full.stdout()).isEqualTo(1);
            assertThat(full.stdout()).contains("run 1 FAILED").contains("No space left on device")
                    .contains("  resume with: restart --run=1").doesNotContain("\tat ").doesNotContain("Caused by");

            assertThat(remount(space, "size=200m")).isTrue();
            JarRunner.Result restart = JarRunner.run(work, "restart", db);
            assertThat(restart.exitCode()).as(restart.stdout()).isZero();
            assertThat(restart.stdout()).contains("COMPLETED").contains("(resumes run 1)");
            assertSameExport(reference, out);
        } finally {
            command("umount", "-l", space.toString());
            Files.deleteIfExists(space);
        }
    }

    private static List<String> linesFrom(String output, String start) {
        List<String> lines = output.lines().toList();
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                from = i;
            }
        }
        assertThat(from).as(output).isNotNegative();
        return lines.subList(from, lines.size());
    }

    private static boolean mount(Path folder, String options) throws IOException, InterruptedException {
        boolean mounted = command("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString());
        Files.createDirectories(folder.resolve("tablespace"));
        return mounted;
    }

    private static boolean remount(Path folder, String options) throws IOException, InterruptedException {
        return command("mount", "-o", "remount," + options, folder.toString());
    }

    private static boolean command(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
