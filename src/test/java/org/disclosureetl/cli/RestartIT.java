package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.disclosureetl.testsupport.Corpus;
import org.disclosureetl.testsupport.JarRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing duplicated: the jar is killed with SIGKILL in the middle of a run, then
 * restarted; the final database export must equal that of an uninterrupted run, byte for byte.
 * Also SIGTERM on a scheduled run (graceful stop, then restart), a second process on the same
 * database, and a disk fault in the export step.
 */
class RestartIT {

    private static final int COPIES = 12;

    @TempDir
    static Path shared;
    static Path inbox;
    static Path reference;
    static int files;

    @TempDir
    Path work;

    @BeforeAll
    static void referenceRun() throws Exception {
        inbox = shared.resolve("inbox");
        files = Corpus.build(inbox, COPIES);
        reference = shared.resolve("reference");
        JarRunner.Result result = JarRunner.run(shared, "ingest", "--input=" + inbox, "--output=" + reference,
                "--db=" + shared.resolve("reference-db/etl"));
        assertThat(result.exitCode()).as(result.stdout()).isZero();
        assertThat(result.stdout()).contains("documents: " + files + " processed, " + files + " extracted");
    }

    @Test
    void killedRunsResumeToTheSameOutputAsAnUninterruptedRun() throws Exception {
        Random random = new Random(42);
        for (int cycle = 1; cycle <= 3; cycle++) {
            Path out = work.resolve("out-" + cycle);
            String db = "--db=" + work.resolve("db-" + cycle + "/etl");
            Path log = work.resolve("killed-" + cycle + ".log");
            Process process = JarRunner.start(log, "ingest", "--input=" + inbox, "--output=" + out, db);
            // kill at a different moment each cycle: during discover, or a while into extract
            waitForLine(log, cycle == 1 ? "run 1 started" : "documents to process", 60);
            Thread.sleep(cycle == 1 ? 50 : 1000 + random.nextInt(3000));
            process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed, not finished: " + Files.readString(log)).isEqualTo(137);

            JarRunner.Result resumed = cycle == 3
                    ? JarRunner.run(work, "ingest", "--input=" + inbox, "--output=" + out, db)
                    : JarRunner.run(work, "restart", db);

            assertThat(resumed.exitCode()).as(resumed.stdout()).isZero();
            assertThat(resumed.stdout()).contains("was left unfinished by a process that stopped").contains("COMPLETED");
            assertSameExport(reference, out);
        }
    }

    @Test
    void sigtermStopsAScheduledRunGracefullyAndRestartFinishesIt() throws Exception {
        Path out = work.resolve("out");
        String db = "--db=" + work.resolve("db/etl");
        Path log = work.resolve("schedule.log");
        Process schedule = JarRunner.start(log, "schedule", "--cron=*/2 * * * * *", "--input=" + inbox,
                "--output=" + out, db);
        waitForLine(log, "documents to process", 60);
        Thread.sleep(2000);

        schedule.destroy(); // SIGTERM
        assertThat(schedule.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String scheduleLog = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(scheduleLog).contains("shutting down: stopping run 1 after its current chunk")
                .doesNotContain("did not stop within");

        JarRunner.Result runs = JarRunner.run(work, "runs", db);
        assertThat(runs.stdout()).containsPattern("(?m)^1\\s+STOPPED\\s");
        JarRunner.Result restart = JarRunner.run(work, "restart", "--run=1", db);
        assertThat(restart.exitCode()).as(restart.stdout()).isZero();
        assertThat(restart.stdout()).contains("run 2 COMPLETED").contains("(resumes run 1)");
        assertSameExport(reference, out);
    }

    @Test
    void aSecondProcessCannotWorkOnADatabaseInUse() throws Exception {
        String db = "--db=" + work.resolve("db/etl");
        Path log = work.resolve("schedule.log");
        Process schedule = JarRunner.start(log, "schedule", "--cron=0 0 0 1 1 *", "--input=" + inbox,
                "--output=" + work.resolve("out"), db);
        try {
            waitForLine(log, "schedule: ingest of", 60);

            JarRunner.Result second = JarRunner.run(work, "ingest", "--input=" + inbox, "--output=" + work.resolve("out2"), db);

            assertThat(second.exitCode()).isNotZero();
            assertThat(second.stdout()).contains("The database is in use by another disclosure-etl process");
        } finally {
            schedule.destroy();
            schedule.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDiskFaultFailsTheRunAndRestartResumesItOnceFixed() throws Exception {
        Path small = work.resolve("small");
        Files.createDirectories(small);
        Files.copy(Path.of("data/inbox/txt/002_2bd72b0ede0a148a.txt"), small.resolve("002.txt"));
        Path out = work.resolve("out");
        Files.writeString(out, "a file where the output folder should be");
        String db = "--db=" + work.resolve("db/etl");

        JarRunner.Result failed = JarRunner.run(work, "ingest", "--input=" + small, "--output=" + out, db);

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stdout()).contains("run 1 FAILED").contains("resume with: restart --run=1");
        Files.delete(out);
        JarRunner.Result restarted = JarRunner.run(work, "restart", "--run=1", db);
        assertThat(restarted.exitCode()).as(restarted.stdout()).isZero();
        assertThat(restarted.stdout()).contains("run 2 COMPLETED").contains("(resumes run 1)")
                .contains("CSV: " + out.resolve("observations.csv"));
        List<String> observations = Files.readAllLines(out.resolve("observations.csv"));
        assertThat(observations).hasSize(1 + 200);
    }

    private static void assertSameExport(Path expected, Path actual) throws IOException {
        for (String file : List.of("documents.csv", "observations.csv", "validation_issues.csv")) {
            assertThat(Files.readAllBytes(actual.resolve(file))).as(file).isEqualTo(Files.readAllBytes(expected.resolve(file)));
        }
        assertThat(Files.readAllLines(actual.resolve("failures.csv"))).hasSameSizeAs(Files.readAllLines(expected.resolve("failures.csv")));
    }

    private static void waitForLine(Path log, String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("'" + text + "' did not appear in " + log + " within " + seconds + " s:\n"
                + (Files.exists(log) ? Files.readString(log) : ""));
    }
}
