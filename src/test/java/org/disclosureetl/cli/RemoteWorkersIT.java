package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.testsupport.ExportComparison.assertSameExport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.disclosureetl.vocabulary.DocumentStatus;
import org.disclosureetl.testsupport.Corpus;
import org.disclosureetl.testsupport.JarRunner;
import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote partitioning with real processes: a manager ({@code ingest --workers=remote}) and two {@code worker}
 * JVMs on one PostgreSQL database and one inbox. Uninterrupted; with one worker killed with SIGKILL in the
 * middle of its partition (the manager sends that partition to the other worker and the run completes); with one
 * frozen by SIGSTOP (its lease runs out, the manager ends its sessions and sends its partition to the other;
 * woken, it ends, and nothing it sends is kept); and
 * with the manager stopped by SIGTERM, once with no worker up and once with both running partitions (the run
 * ends STOPPED within seconds, nothing blamed on a worker, and {@code restart} completes it): the exported
 * files must be byte for byte those of a single-process run on an H2 file.
 */
@Tag(TestKinds.PROCESSES)
@Tag(TestKinds.DATABASE)
class RemoteWorkersIT {

    private static final int COPIES = 12;
    private static final Pattern STARTED = Pattern.compile("worker: run (\\d+) (extractPartition:partition\\d+) started");

    @TempDir
    static Path shared;
    static Path inbox;
    static Path reference;
    static int files;

    @TempDir
    Path work;
    private final List<Process> workers = new ArrayList<>();

    @BeforeAll
    static void singleProcessRun() throws Exception {
        inbox = shared.resolve("inbox");
        files = Corpus.build(inbox, COPIES);
        // corrupt files among the reports: their failures are logged by whichever worker meets them, once
        Corpus.addCorruptFiles(inbox, COPIES / 2, 7);
        reference = shared.resolve("reference");
        JarRunner.Result result = JarRunner.run(shared, "ingest", "--input=" + inbox, "--output=" + reference,
                "--db=" + shared.resolve("reference-db/etl"));
        assertThat(result.exitCode()).as(result.stdout()).isZero();
        assertThat(result.stdout()).contains("documents: " + (files + COPIES) + " processed, " + files + " extracted, "
                + "0 without table, 0 not a report, " + COPIES + " failed");
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (Process worker : workers) {
            worker.destroyForcibly();
            worker.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aManagerAndTwoWorkersWriteWhatOneProcessWrites() throws Exception {
        String url = PostgresServer.newDatabaseUrl();
        Path one = work.resolve("worker-1.log");
        Path two = work.resolve("worker-2.log");
        Process first = startWorker(one, url);
        Process second = startWorker(two, url);
        Path out = work.resolve("out");

        JarRunner.Result manager = JarRunner.run(work, "ingest", "--workers=remote", "--input=" + inbox,
                "--output=" + out, "--db=" + url);

        assertThat(manager.exitCode()).as(manager.stdout()).isZero();
        assertThat(manager.stdout()).contains("run 1 COMPLETED")
                .contains("documents: " + (files + COPIES) + " processed, " + files + " extracted, "
                        + "0 without table, 0 not a report, " + COPIES + " failed")
                .contains("extract: 8 partitions sent to the workers");
        assertSameExport(reference, out);
        // the eight partitions (etl.remote.partitions) ran once each, on the two workers between them
        List<String> ran = new ArrayList<>(partitionsEnded(one, "COMPLETED"));
        ran.addAll(partitionsEnded(two, "COMPLETED"));
        assertThat(ran).hasSize(8).doesNotHaveDuplicates();

        // SIGTERM: an idle worker stops at once and says how many partitions it ran
        first.destroy();
        second.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(one) + Files.readString(two)).contains("worker: stopped after ");
    }

    @Test
    void aWorkerKilledMidPartitionHasItsPartitionSentToTheOtherAndTheRunCompletes() throws Exception {
        String url = PostgresServer.newDatabaseUrl();
        Path victimLog = work.resolve("victim.log");
        Path survivorLog = work.resolve("survivor.log");
        Process victim = startWorker(victimLog, url);
        startWorker(survivorLog, url);
        Path out = work.resolve("out");
        Path managerLog = work.resolve("manager.log");
        // two partitions: each worker runs one for the whole extract step, so the kill lands inside one
        Process manager = JarRunner.start(managerLog, "ingest", "--workers=remote", "--etl.remote.partitions=2",
                "--input=" + inbox, "--output=" + out, "--db=" + url);

        JarRunner.waitForLine(victimLog, "worker: run 1 extractPartition:", 120);
        waitForProcessedDocuments(url, 20, 120);
        victim.destroyForcibly(); // SIGKILL: its session ends, and with it its partition's lock
        assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String killedIn = lastStartedPartition(victimLog);
        assertThat(partitionsEnded(victimLog, "COMPLETED")).as("killed mid-partition").doesNotContain(killedIn + " of run 1");

        assertThat(manager.waitFor(4, TimeUnit.MINUTES)).isTrue();
        String completed = Files.readString(managerLog, StandardCharsets.UTF_8);
        assertThat(manager.exitValue()).as(completed).isZero();
        String survivor = workerId(survivorLog);
        assertThat(completed).contains("run 1 COMPLETED")
                .contains("extract: " + killedIn + " of run 1: its worker " + workerId(victimLog)
                        + " stopped while running it (its database session ended)")
                .contains("extract: " + killedIn + " of run 1 sent again to the workers (attempt 2 of 3)")
                .contains("partitions re-sent after their worker was lost: " + killedIn + " (attempt 2 on " + survivor
                        + ", COMPLETED)")
                .doesNotContain("resume with:");
        // the survivor ran its own partition and then the dead worker's
        assertThat(partitionsEnded(survivorLog, "COMPLETED")).hasSize(2).contains(killedIn + " of run 1");
        assertSameExport(reference, out);
        assertThat(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8))
                .contains("<dd id=\"resent\">1 ");
        JarRunner.Result runs = JarRunner.run(work, "runs", "--db=" + url);
        assertThat(runs.stdout()).containsPattern("(?m)^1 +COMPLETED .* 1$");
    }

    @Test
    void aWorkerFrozenMidPartitionIsCutOffItsPartitionRunsOnTheOtherAndNothingItSendsOnWakingIsKept() throws Exception {
        String url = PostgresServer.newDatabaseUrl();
        Path victimLog = work.resolve("victim.log");
        Path survivorLog = work.resolve("survivor.log");
        // a heartbeat of 1 s: a worker silent for 6 s has lost its lease
        Process victim = startWorker(victimLog, url, "--etl.remote.heartbeat=1s");
        startWorker(survivorLog, url, "--etl.remote.heartbeat=1s");
        Path out = work.resolve("out");
        Path managerLog = work.resolve("manager.log");
        Process manager = JarRunner.start(managerLog, "ingest", "--workers=remote", "--etl.remote.partitions=2",
                "--etl.remote.heartbeat=1s", "--input=" + inbox, "--output=" + out, "--db=" + url);

        JarRunner.waitForLine(victimLog, "worker: run 1 extractPartition:", 120);
        waitForProcessedDocuments(url, 20, 120);
        signal(victim, "STOP"); // SIGSTOP: its sessions stay open, with its partition's lock and its open chunk
        String frozenIn = lastStartedPartition(victimLog);

        assertThat(manager.waitFor(4, TimeUnit.MINUTES)).as("the run ends without the frozen worker").isTrue();
        String completed = Files.readString(managerLog, StandardCharsets.UTF_8);
        assertThat(manager.exitValue()).as(completed).isZero();
        assertThat(completed).contains("run 1 COMPLETED")
                .containsPattern("extract: " + frozenIn + " of run 1: its worker " + Pattern.quote(workerId(victimLog))
                        + " sent no heartbeat for 6 s; its \\d+ database sessions? (was|were) ended")
                .contains("extract: " + frozenIn + " of run 1 sent again to the workers (attempt 2 of 3)");
        assertThat(partitionsEnded(survivorLog, "COMPLETED")).contains(frozenIn + " of run 1");
        assertSameExport(reference, out);

        // woken, the worker finds its sessions gone and ends; the database keeps what the run wrote
        signal(victim, "CONT");
        assertThat(victim.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(victimLog)).isTrue();
        assertThat(Files.readString(victimLog, StandardCharsets.UTF_8)).contains("worker: lost its database after ");
        Path again = work.resolve("again");
        JarRunner.Result export = JarRunner.run(work, "export", "--output=" + again, "--db=" + url);
        assertThat(export.exitCode()).as(export.stdout()).isZero();
        assertSameExport(reference, again);
    }

    /** Sends a signal (STOP, CONT) to a process, as an operator or the system would. */
    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -" + signal).isZero();
    }

    @Test
    void aStoppedManagerEndsStoppedWithinSecondsWithOrWithoutWorkersAndRestartCompletesTheRun() throws Exception {
        String url = PostgresServer.newDatabaseUrl();
        Path out = work.resolve("out");

        // no worker up: the requests wait in the queue; SIGTERM withdraws them
        Path firstLog = work.resolve("manager-1.log");
        Process first = JarRunner.start(firstLog, "ingest", "--workers=remote", "--input=" + inbox, "--output=" + out,
                "--db=" + url);
        JarRunner.waitForLine(firstLog, "extract: 8 partitions sent to the workers", 120);
        assertStopsWithin(first, firstLog, 10);
        assertThat(Files.readString(firstLog)).contains("extract: run 1 stopping: 8 queued partitions withdrawn");
        assertRun(url, 1, "STOPPED", "WITHDRAWN");

        // with two workers running partitions (chunks of 5 documents, so a stop comes soon)
        Path one = work.resolve("worker-1.log");
        Path two = work.resolve("worker-2.log");
        Process workerOne = startWorker(one, url, "--etl.chunk-size=5");
        Process workerTwo = startWorker(two, url, "--etl.chunk-size=5");
        Path secondLog = work.resolve("manager-2.log");
        Process second = JarRunner.start(secondLog, "restart", "--workers=remote", "--db=" + url);
        JarRunner.waitForLine(one, "worker: run 2 extractPartition:", 120);
        JarRunner.waitForLine(two, "worker: run 2 extractPartition:", 120);
        waitForProcessedDocuments(url, 20, 120);
        assertStopsWithin(second, secondLog, 30);
        // the workers stopped their partitions after a chunk and stay up; nothing was blamed on them
        assertRun(url, 2, "STOPPED", "WITHDRAWN", "STOPPED", "COMPLETED", "SKIPPED");
        assertThat(workerOne.isAlive()).isTrue();
        assertThat(workerTwo.isAlive()).isTrue();
        assertThat(Files.readString(one) + Files.readString(two)).contains(" STOPPED: ");

        // restart without --workers: this process runs what is left
        JarRunner.Result restart = JarRunner.run(work, "restart", "--db=" + url);

        assertThat(restart.exitCode()).as(restart.stdout()).isZero();
        assertThat(restart.stdout()).contains("run 3 COMPLETED").contains("(resumes run 2)")
                .contains("documents: ");
        assertSameExport(reference, out);
    }

    /** SIGTERM; the process must be gone within {@code seconds}, its run STOPPED (not FAILED). */
    private static void assertStopsWithin(Process manager, Path log, int seconds) throws Exception {
        long asked = System.nanoTime();
        manager.destroy();
        assertThat(manager.waitFor(seconds, TimeUnit.SECONDS)).as("stopped within " + seconds + " s:\n"
                + Files.readString(log)).isTrue();
        System.out.printf("RemoteWorkersIT: SIGTERM to exit in %.1f s%n", (System.nanoTime() - asked) / 1e9);
        // the manager ends with its run's summary and resume line, not a bare exit code 143 (issue 27)
        assertThat(Files.readString(log)).contains("shutting down: stopping run").doesNotContain("FAILED")
                .containsPattern("(?m)^run \\d+ STOPPED in ")
                .contains("  stopped on request (SIGTERM, Ctrl-C) after its current chunk")
                .containsPattern("(?m)^  resume with: restart --run=\\d+$");
    }

    /** The run's status and the outcomes its partitions' attempts may have (read from the database). */
    private static void assertRun(String url, long run, String status, String... outcomes) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("SELECT status FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = " + run)) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(status);
            }
            List<String> seen = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT outcome FROM partition_attempt WHERE job_execution_id = " + run)) {
                while (result.next()) {
                    seen.add(result.getString(1));
                }
            }
            assertThat(seen).isNotEmpty().isSubsetOf(outcomes);
            try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION j"
                    + " ON s.JOB_EXECUTION_ID = j.JOB_EXECUTION_ID WHERE j.JOB_EXECUTION_ID = " + run + " AND s.END_TIME IS NULL")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).as("steps of run " + run + " without an end").isZero();
            }
        }
    }

    /** The worker's name in the database, from its first line ({@code worker: NAME up, heartbeat every …}). */
    private static String workerId(Path log) throws IOException {
        Matcher matcher = Pattern.compile("worker: (\\S+) up, heartbeat every").matcher(Files.readString(log));
        assertThat(matcher.find()).as("the worker's name in " + log).isTrue();
        return matcher.group(1);
    }

    private Process startWorker(Path log, String url, String... settings) throws IOException {
        List<String> args = new ArrayList<>(List.of("worker", "--db=" + url, "--etl.threads=1"));
        args.addAll(List.of(settings));
        Process worker = JarRunner.start(log, args.toArray(String[]::new));
        workers.add(worker);
        return worker;
    }

    /** The partitions a worker's log says ended with this status, as {@code extractPartition:partitionN of run R}. */
    private static List<String> partitionsEnded(Path log, String status) throws IOException {
        List<String> ended = new ArrayList<>();
        Matcher matcher = Pattern.compile("worker: run (\\d+) (extractPartition:partition\\d+) " + status + ":")
                .matcher(Files.readString(log, StandardCharsets.UTF_8));
        while (matcher.find()) {
            ended.add(matcher.group(2) + " of run " + matcher.group(1));
        }
        return ended;
    }

    private static String lastStartedPartition(Path log) throws IOException {
        Matcher matcher = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
        String last = null;
        while (matcher.find()) {
            last = matcher.group(2);
        }
        assertThat(last).as("a partition started on " + log).isNotNull();
        return last;
    }

    /** Waits until the workers have stored at least {@code documents} documents (read from the database). */
    private static void waitForProcessedDocuments(String url, int documents, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (processedDocuments(url) >= documents) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(documents + " documents were not processed within " + seconds + " s");
    }

    private static int processedDocuments(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM document WHERE status <> '" + DocumentStatus.PENDING.code() + "'")) {
            return result.next() ? result.getInt(1) : 0;
        } catch (SQLException e) {
            return 0; // the tables are not there before the first migration
        }
    }
}
