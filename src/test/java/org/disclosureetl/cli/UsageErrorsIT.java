package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.disclosureetl.testsupport.JarRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in settings and folders, through the real jar (issue 27, items 5 and 6): one line on the console,
 * exit code 2, and no run recorded.
 */
class UsageErrorsIT {

    private static final String RUNS_HEADER = String.format("%-6s %-10s %-19s %-19s %8s %8s %8s %8s%n", "run",
            "status", "start", "end", "read", "written", "failed", "resent");

    @TempDir
    Path work;

    @Test
    void aSettingWithABadValueOrAMisspeltNameIsOneLineBeforeTheDatabaseIsOpened() throws Exception {
        String db = "--db=" + work.resolve("db/etl");

        assertOneLine(JarRunner.run(work, "ingest", "--etl.threads=abc", db), "etl.threads must be a whole number, not 'abc'");
        assertOneLine(JarRunner.run(work, "ingest", "--etl.thredas=2", db),
                "unknown setting --etl.thredas: did you mean --etl.threads?");
        assertOneLine(JarRunner.run(work, "runs", "--etl.parse.timeout=soon", db),
                "etl.parse.timeout must be a duration such as 500ms, 60s or 5m, not 'soon'");
        assertThat(work.resolve("db")).doesNotExist();
    }

    @Test
    void aBadValueFromTheEnvironmentIsOneLineToo() throws Exception {
        JarRunner.Result result = JarRunner.run(work, java.util.Map.of("ETL_CHUNK_SIZE", "many"), "runs",
                "--db=" + work.resolve("db/etl"));

        assertOneLine(result, "etl.chunk-size must be a whole number, not 'many'");
    }

    @Test
    void aMissingInputFolderIsAUsageErrorAndNoRunIsRecorded() throws Exception {
        String db = "--db=" + work.resolve("db/etl");
        Path missing = work.resolve("no-such-inbox");
        Path file = Files.writeString(work.resolve("a-file"), "not a folder");

        assertOneLine(JarRunner.run(work, "ingest", "--input=" + missing, "--output=" + work.resolve("out"), db),
                "ingest: the input folder " + missing + " does not exist (--input)");
        assertOneLine(JarRunner.run(work, "ingest", "--input=" + file, "--output=" + work.resolve("out"), db),
                "ingest: the input folder " + file + " is not a folder (--input)");
        assertOneLine(JarRunner.run(work, "retry-failed", "--input=" + missing, db),
                "retry-failed: the input folder " + missing + " does not exist (--input)");

        JarRunner.Result runs = JarRunner.run(work, "runs", db);
        assertThat(runs.exitCode()).as(runs.stdout()).isZero();
        assertThat(runs.stdout()).isEqualTo(RUNS_HEADER);
        assertThat(work.resolve("out")).doesNotExist();
    }

    private static void assertOneLine(JarRunner.Result result, String line) {
        assertThat(result.stdout()).isEqualTo(line + "\n");
        assertThat(result.exitCode()).isEqualTo(2);
    }
}
