package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/disclosure-etl}, the README's way to run the job: it starts the extracted jar with the class-data
 * archive that {@code mvn package} made, so the application's own classes and Spring's come from the archive
 * instead of being read and verified again.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin/disclosure-etl").toAbsolutePath();

    @Test
    void runsACommandWithTheClassesFromTheArchive(@TempDir Path work) throws Exception {
        Path classLog = work.resolve("classes.log");
        Path output = work.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "runs", "--db=" + work.resolve("db/disclosure"))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xlog:class+load:file=" + classLog);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(Files.readString(output, StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(output, StandardCharsets.UTF_8))
                .contains("run    status     start               end                     read  written   failed\n");
        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).anyMatch(l -> l.endsWith(" org.disclosureetl.DisclosureEtlApplication source: shared objects file (top)"));
        assertThat(loaded).anyMatch(l -> l.endsWith(" org.springframework.batch.core.job.Job source: shared objects file (top)"));
    }
}
