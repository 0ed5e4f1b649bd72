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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote partitioning with real processes: a manager ({@code ingest --workers=remote}) and two {@code worker}
 * JVMs on one PostgreSQL database and one inbox. Uninterrupted, and with one worker killed with SIGKILL in
 * the middle of its partition (the manager then fails the run without waiting for the dead worker, and
 * {@code restart} sends only that partition again), the exported files must be byte for byte those of a
 * single-process run on an H2 file.
 */
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
    void aWorkerKilledMidPartitionFailsTheRunAndRestartFinishesIt() throws Exception {
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
        assertThat(partitionsEnded(victimLog, "COMPLETED")).as("killed mid-partition").doesNotContain(killedIn);

        assertThat(manager.waitFor(4, TimeUnit.MINUTES)).as("the manager does not wait for a dead worker").isTrue();
        String failed = Files.readString(managerLog, StandardCharsets.UTF_8);
        assertThat(manager.exitValue()).as(failed).isEqualTo(1);
        assertThat(failed).contains("run 1 FAILED")
                .contains("error: RemotePartitionException: " + killedIn + " of run 1: its worker stopped while"
                        + " running it (its database session ended)")
                .contains("resume with: restart --run=1");
        assertThat(partitionsEnded(survivorLog, "COMPLETED")).hasSize(1).doesNotContain(killedIn);

        JarRunner.Result restart = JarRunner.run(work, "restart", "--workers=remote", "--db=" + url);

        assertThat(restart.exitCode()).as(restart.stdout()).isZero();
        assertThat(restart.stdout()).contains("run 2 COMPLETED").contains("(resumes run 1)")
                .contains("extract: 1 partitions sent to the workers");
        // only the dead worker's partition ran again, on the surviving worker
        assertThat(Files.readString(survivorLog)).contains("worker: run 2 " + killedIn + " COMPLETED");
        assertSameExport(reference, out);
    }

    private Process startWorker(Path log, String url) throws IOException {
        Process worker = JarRunner.start(log, "worker", "--db=" + url, "--etl.threads=1");
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
