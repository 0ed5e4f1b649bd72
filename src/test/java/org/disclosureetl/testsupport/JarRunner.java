package org.disclosureetl.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged application in a JVM of its own, as a user would: as {@code bin/disclosure-etl} starts it (the
 * README's way), from the jar that {@code mvn package} extracts to {@code target/disclosure-etl-app} with its
 * class-data archive, the quick JIT and the serial collector; {@code java -jar target/disclosure-etl.jar} when the
 * archive was skipped ({@code -Dcds.skip}), as the launcher falls back. Started that way a command costs about a
 * third of the CPU time of the nested jar without the archive (a {@code runs} on a new database: 3.7 s against
 * 12 s user time), and the integration tests start the application about sixty times.
 */
public final class JarRunner {

    public static final Path JAR = Path.of("target/disclosure-etl.jar").toAbsolutePath();
    /**
     * The application context as bin/disclosure-etl starts it: from the bean definitions that Spring AOT wrote at
     * build time (pom.xml, process-aot), so the jar-level tests run what users run.
     */
    public static final String AOT = "-Dspring.aot.enabled=true";
    /** The extracted jar and its class-data archive (pom.xml, class-data-archive). */
    static final Path APP = Path.of("target/disclosure-etl-app").toAbsolutePath();

    private JarRunner() {
    }

    public record Result(int exitCode, String stdout) {
    }

    /** A run whose standard output and standard error were kept apart. */
    public record Streams(int exitCode, String stdout, String stderr) {
    }

    /** As {@link #run(Path, String...)}, with standard output and standard error in files of their own. */
    public static Streams runApart(Path workDir, String... args) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run `mvn verify` (integration tests run after package)");
        }
        Path out = Files.createTempFile(workDir, "jar-", ".out");
        Path err = Files.createTempFile(workDir, "jar-", ".err");
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("disclosure-etl " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Streams(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    public static Process start(Path log, String... args) throws IOException {
        return start(log, Map.of(), args);
    }

    /** With extra environment variables, e.g. {@code LC_ALL=C} as under cron or systemd. */
    public static Process start(Path log, Map<String, String> environment, String... args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run `mvn verify` (integration tests run after package)");
        }
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The java command line up to the application's arguments, as bin/disclosure-etl makes it for a small inbox. */
    static List<String> javaCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path archive = APP.resolve("disclosure-etl.jsa");
        Path jar = APP.resolve("disclosure-etl.jar");
        if (!Files.isRegularFile(archive) || !Files.isRegularFile(jar)) {
            return List.of(java, "-Xmx512m", AOT, "-jar", JAR.toString());
        }
        return List.of(java, "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", AOT, "-jar", jar.toString());
    }

    public static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return run(workDir, Map.of(), args);
    }

    /**
     * Runs the jar with every file it writes limited to {@code kib} KiB ({@code ulimit -f}): a write past
     * that fails with EFBIG ("File too large"; the JVM ignores SIGXFSZ), as a full disk fails it with ENOSPC.
     */
    public static Result runWithFileSizeLimit(Path workDir, long kib, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "ulimit -f " + kib + " && exec \"$@\"", "sh"));
        command.addAll(javaCommand());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "jar-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("disclosure-etl " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    public static Result run(Path workDir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "jar-", ".log");
        Process process = start(log, environment, args);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("disclosure-etl " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Waits until a process's log contains {@code text}; fails with the log after {@code seconds}. */
    public static void waitForLine(Path log, String text, int seconds) throws IOException, InterruptedException {
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
