package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.testsupport.ExportComparison.assertSameExport;
import static org.disclosureetl.testsupport.ExportComparison.failuresWithoutRunAndTime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.disclosureetl.testsupport.Corpus;
import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.JarRunner;
import org.disclosureetl.testsupport.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing lost, nothing duplicated: the jar is killed with SIGKILL in the middle of a run, then
 * restarted; the final database export must equal that of an uninterrupted run, byte for byte.
 * Also SIGTERM on a scheduled run (graceful stop, then restart), a second process on the same
 * database, and a disk fault in the export step. The kill, SIGTERM and second-process cases run on
 * both databases; the PostgreSQL runs must export what the uninterrupted H2 run did, byte for byte.
 */
class RestartIT {

    /** The database a test runs on, as the jar's --db option. */
    enum Database {
        H2, POSTGRESQL;

        /** A new empty database: an H2 file under the folder, or a database on the test PostgreSQL server. */
        String option(Path folder) {
            return "--db=" + (this == H2 ? folder.resolve("etl").toString() : PostgresServer.newDatabaseUrl());
        }
    }

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
        // corrupt files among the reports: their failures must be logged once however the run is cut
        Corpus.addCorruptFiles(inbox, COPIES / 2, 11);
        reference = shared.resolve("reference");
        JarRunner.Result result = JarRunner.run(shared, "ingest", "--input=" + inbox, "--output=" + reference,
                "--db=" + shared.resolve("reference-db/etl"));
        assertThat(result.exitCode()).as(result.stdout()).isZero();
        assertThat(result.stdout()).contains("documents: " + (files + COPIES) + " processed, " + files + " extracted, "
                + "0 without table, 0 not a report, " + COPIES + " failed");
        assertThat(failuresWithoutRunAndTime(reference)).hasSize(COPIES);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void killedRunsResumeToTheSameOutputAsAnUninterruptedRun(Database database) throws Exception {
        Random random = new Random(42);
        // PostgreSQL skips cycle 1 (a kill during discover, the same for both databases) to keep the added
        // time down; its kills during extract are resumed by restart and by a plain ingest as on H2
        for (int cycle = database == Database.H2 ? 1 : 2; cycle <= 3; cycle++) {
            Path out = work.resolve("out-" + cycle);
            String db = database.option(work.resolve("db-" + cycle));
            Path log = work.resolve("killed-" + cycle + ".log");
            Process process = JarRunner.start(log, "ingest", "--input=" + inbox, "--output=" + out, db);
            // kill at a different moment each cycle: during discover, or a while into extract
            JarRunner.waitForLine(log, cycle == 1 ? "run 1 started" : "documents to process", 60);
            Thread.sleep(cycle == 1 ? 50 : 1000 + random.nextInt(3000));
            process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed, not finished: " + Files.readString(log)).isEqualTo(137);

            JarRunner.Result resumed = cycle == 3
                    ? JarRunner.run(work, "ingest", "--input=" + inbox, "--output=" + out, db)
                    : JarRunner.run(work, "restart", db);

            assertThat(resumed.exitCode()).as(resumed.stdout()).isZero();
            // run ids stay dense: the killed process's cached sequence values are not skipped
            assertThat(resumed.stdout()).contains("run 1 was left unfinished by a process that stopped")
                    .contains("run 2 COMPLETED");
            assertSameExport(reference, out);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void sigtermStopsAScheduledRunGracefullyAndRestartFinishesIt(Database database) throws Exception {
        Path out = work.resolve("out");
        String db = database.option(work.resolve("db"));
        Path log = work.resolve("schedule.log");
        Process schedule = JarRunner.start(log, "schedule", "--cron=*/2 * * * * *", "--input=" + inbox,
                "--output=" + out, db);
        JarRunner.waitForLine(log, "documents to process", 60);
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

    @ParameterizedTest
    @EnumSource(Database.class)
    void aSecondProcessCannotWorkOnADatabaseInUse(Database database) throws Exception {
        String db = database.option(work.resolve("db"));
        Path log = work.resolve("schedule.log");
        Process schedule = JarRunner.start(log, "schedule", "--cron=0 0 0 1 1 *", "--input=" + inbox,
                "--output=" + work.resolve("out"), db);
        try {
            JarRunner.waitForLine(log, "schedule: ingest of", 60);

            JarRunner.Result second = JarRunner.run(work, "ingest", "--input=" + inbox, "--output=" + work.resolve("out2"), db);

            assertThat(second.exitCode()).isNotZero();
            assertThat(second.stdout()).contains("The database is in use by another disclosure-etl process")
                    .doesNotContain("run 1 was left unfinished");
            if (database == Database.POSTGRESQL) {
                // a PostgreSQL database is shared: what only reads it goes on beside the schedule
                JarRunner.Result runs = JarRunner.run(work, "runs", db);
                assertThat(runs.exitCode()).as(runs.stdout()).isZero();
                assertThat(runs.stdout()).contains("run    status");
                JarRunner.Result export = JarRunner.run(work, "export", "--output=" + work.resolve("export"), db);
                assertThat(export.exitCode()).as(export.stdout()).isZero();
                assertThat(export.stdout()).contains("export: observations.csv       0 rows");
            }
        } finally {
            schedule.destroy();
            schedule.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDiskFaultFailsTheRunAndRestartResumesItOnceFixed() throws Exception {
        Path small = work.resolve("small");
        Files.createDirectories(small);
        Files.copy(Fixtures.resource("seeds/002_2bd72b0ede0a148a.txt"), small.resolve("002.txt"));
        Path out = work.resolve("out");
        Files.writeString(out, "a file where the output folder should be");
        String db = "--db=" + work.resolve("db/etl");

        JarRunner.Result failed = JarRunner.run(work, "ingest", "--input=" + small, "--output=" + out, db);

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stdout()).contains("run 1 FAILED").contains("resume with: restart --run=1")
                .contains("CSV: not written (the run ended before its export step; restart writes them)")
                .doesNotContain("CSV: " + out.resolve("observations.csv"));
        Files.delete(out);
        JarRunner.Result restarted = JarRunner.run(work, "restart", "--run=1", db);
        assertThat(restarted.exitCode()).as(restarted.stdout()).isZero();
        assertThat(restarted.stdout()).contains("run 2 COMPLETED").contains("(resumes run 1)")
                .contains("CSV: " + out.resolve("observations.csv"));
        List<String> observations = Files.readAllLines(out.resolve("observations.csv"));
        assertThat(observations).hasSize(1 + 200);
    }

    @Test
    void aDatabaseThatCannotGrowFailsTheRunAtOnceAndRestartResumesIt() throws Exception {
        Path small = work.resolve("inbox");
        Fixtures.copySampleInbox(small);
        Path out = work.resolve("out");
        String db = "--db=" + work.resolve("db/etl");

        // the schema is made first (a fresh database's migrations need more room than their result);
        // then 700 KiB holds it but not the documents' cells
        assertThat(JarRunner.run(work, "runs", db).exitCode()).isZero();
        JarRunner.Result full = JarRunner.runWithFileSizeLimit(work, 700, "ingest", "--input=" + small,
                "--output=" + out, db, "--etl.parse.isolation=in-process");

        assertThat(full.exitCode()).as(full.stdout()).isEqualTo(1);
        assertThat(full.stdout()).contains("run 1 FAILED: the database cannot be written\n")
                .contains("  error: IOException: File too large\n")
                .contains("  resume with: restart --run=1 (once the cause is fixed: space freed, say)\n")
                .doesNotContain("\tat ").doesNotContain("shutting down: stopping run");
        assertThat(Files.readString(out.resolve("logs/run-1.log"))).contains("File too large").contains("\tat ");

        JarRunner.Result restarted = JarRunner.run(work, "restart", db, "--etl.parse.isolation=in-process");

        assertThat(restarted.exitCode()).as(restarted.stdout()).isZero();
        assertThat(restarted.stdout()).contains("run 2 COMPLETED").contains("(resumes run 1)");
        assertThat(Files.readAllLines(out.resolve("documents.csv"))).hasSize(1 + 19)
                .allMatch(line -> line.startsWith("document_id") || line.contains(",extracted,"));
        assertThat(Files.readAllLines(out.resolve("observations.csv"))).hasSize(1 + 3659);
    }
}
