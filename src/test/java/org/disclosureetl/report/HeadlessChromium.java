package org.disclosureetl.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a local page in Debian's headless Chromium (installed by .ci/run) and returns the DOM it
 * built and the console messages it logged (Chromium writes them to stderr as {@code CONSOLE} lines
 * with --enable-logging=stderr). No network: the page is a file URL.
 */
public final class HeadlessChromium {

    public record Page(String dom, List<String> console) {
    }

    private HeadlessChromium() {
    }

    public static Page open(Path page, Path work) throws IOException, InterruptedException {
        Path dom = work.resolve("dom.html");
        Path log = work.resolve("chromium.log");
        Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + work.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--dump-dom", page.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        boolean ended = chromium.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            chromium.destroyForcibly();
        }
        assertThat(ended).as("chromium ended within 2 minutes").isTrue();
        assertThat(chromium.exitValue()).as(Files.readString(log)).isZero();
        List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(":CONSOLE")).toList();
        return new Page(Files.readString(dom, StandardCharsets.UTF_8), console);
    }

    /** Where Chromium is: a clear failure rather than an IOException when .ci/run has not installed it. */
    public static void assertInstalled() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(dir, "chromium"));
        }
        assertThat(found).as("chromium is not installed: apt-get install -y chromium (see .ci/run)").isTrue();
    }
}
