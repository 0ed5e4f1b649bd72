package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.disclosureetl.DisclosureEtlApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code bin/disclosure-etl}, the README's way to run the job: it starts the extracted jar with the class-data
 * archive that {@code mvn package} made, so the application's own classes and Spring's come from the archive
 * instead of being read and verified again, and a new database starts as a copy of the empty one it migrated.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin/disclosure-etl").toAbsolutePath();

    @Test
    void runsACommandWithTheClassesFromTheArchive(@TempDir Path work) throws Exception {
        Path classLog = work.resolve("classes.log");
        Path gcLog = work.resolve("gc.log");
        String printed = launch(work, Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classLog
                + " -Xlog:gc,gc+heap+exit:file=" + gcLog), "runs", "--db=" + work.resolve("db/disclosure"));

        assertThat(printed).contains("run    status     start               end                     read  written   failed   resent\n");
        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).anyMatch(l -> l.endsWith(" org.disclosureetl.DisclosureEtlApplication source: shared objects file (top)"));
        assertThat(loaded).anyMatch(l -> l.endsWith(" org.springframework.batch.core.job.Job source: shared objects file (top)"));
        // the serial collector (bin/disclosure-etl says why)
        assertThat(Files.readString(gcLog)).contains("Using Serial")
                // and a young generation of 256 MB: eden and one survivor space (a tenth each) make 230.4 MB
                .contains("def new generation   total 235968K");
        // the new database was made from the packaged template, so Flyway was not even loaded
        assertThat(loaded).noneMatch(l -> l.contains(" org.flywaydb.core.Flyway "));
    }

    @Test
    void makesANewDatabaseACopyOfTheTemplateThatThePackageStepMigrated(@TempDir Path work) throws Exception {
        Path template = work.resolve("template/disclosure.mv.db");
        Files.createDirectories(template.getParent());
        Files.copy(Path.of("target/disclosure-etl-app/new-database.mv.db"), template); // opened as a copy: H2 writes on close

        String printed = launch(work, Map.of(), "ingest", "--input=" + Path.of("data/inbox/txt").toAbsolutePath(),
                "--output=" + work.resolve("out"), "--db=" + work.resolve("db/disclosure"));

        assertThat(printed).contains("documents: 5 processed, 5 extracted");
        // the same history, installation times included: made at package time, not migrated by this run
        assertThat(history(work.resolve("db/disclosure"))).isEqualTo(history(work.resolve("template/disclosure")))
                .hasSize(15).last().extracting(row -> row.get("version")).isEqualTo("21");
    }

    @Test
    void aHeapSizedInJavaOptsKeepsTheJvmsOwnYoungGenerationWithoutWarnings(@TempDir Path work) throws Exception {
        Path gcLog = work.resolve("gc.log");

        String printed = launch(work, Map.of("JAVA_OPTS", "-Xmx64m -Xlog:gc,gc+heap+exit:file=" + gcLog),
                "runs", "--db=" + work.resolve("db/disclosure"));

        assertThat(printed).doesNotContain("warning").doesNotContain("NewSize");
        // a third of the 64 MB heap (NewRatio 2), not the launcher's 256 MB
        assertThat(Files.readString(gcLog)).contains("Using Serial").doesNotContain("def new generation   total 235968K")
                .containsPattern("def new generation   total 19[0-9]{3}K");
    }

    @Test
    void anIngestOverAnInputOfBacklogSizeGetsBothCompilersAndASmallerOneC1Only(@TempDir Path work) throws Exception {
        Path input = Path.of("data/inbox/txt").toAbsolutePath(); // 5 files

        assertThat(ingestWithBacklogAt(work.resolve("five"), input, 5)).contains("TieredStopAtLevel                        = 4 ");
        assertThat(ingestWithBacklogAt(work.resolve("six"), input, 6)).contains("TieredStopAtLevel                        = 1 ");
    }

    /** The output of an ingest of {@code input} with -XX:+PrintFlagsFinal, the backlog starting at {@code files}. */
    private static String ingestWithBacklogAt(Path work, Path input, int files) throws Exception {
        String printed = launch(work, Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal",
                        "DISCLOSURE_ETL_BACKLOG_FILES", String.valueOf(files)),
                "ingest", "--input=" + input, "--output=" + work.resolve("out"), "--db=" + work.resolve("db/disclosure"));
        assertThat(printed).contains("documents: 5 processed, 5 extracted");
        return printed;
    }

    /**
     * Runs the launcher with these arguments and environment (besides this JVM's JAVA_HOME), its output kept in
     * {@code work}; returns what it printed, once it has exited 0.
     */
    private static String launch(Path work, Map<String, String> environment, String... arguments) throws Exception {
        Files.createDirectories(work);
        Path output = work.resolve("out.txt");
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isZero();
        return printed;
    }

    private static List<Map<String, Object>> history(Path database) {
        return new JdbcTemplate(new DriverManagerDataSource(DisclosureEtlApplication.h2Url(database), "sa", ""))
                .queryForList("SELECT \"installed_rank\", \"version\", \"checksum\", \"installed_on\""
                        + " FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"");
    }
}
