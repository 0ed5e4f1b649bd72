package org.disclosureetl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one command in a fresh process, as a user would, and measures what the user waits for: wall time from
 * start to exit, and the CPU time and peak resident memory of the whole process tree (the job's parser child
 * JVMs included), sampled from {@code /proc} every {@value #SAMPLE_MILLIS} ms. A process's last sample is at
 * most that much short of its total.
 *
 * @param wallMillis from start to exit
 * @param cpuMillis  user + system time of the process and all its descendants
 * @param peakRssKib the root process's peak resident set ({@code VmHWM})
 * @param heap       heap figures from the root JVM's GC log, when it was asked to write one
 */
record ProcessRun(String name, int exitCode, long wallMillis, long cpuMillis, long peakRssKib, GcHeap heap,
                  Path stdout) {

    static final long SAMPLE_MILLIS = 20;
    private static final long TICKS_PER_SECOND = 100;

    /** Heap from the GC log: the largest heap before a collection and the most left alive after one. */
    record GcHeap(int collections, long peakMib, long liveMib) {
        private static final Pattern PAUSE = Pattern.compile("Pause .*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

        static GcHeap read(Path gcLog) throws IOException {
            if (!Files.exists(gcLog)) {
                return new GcHeap(0, 0, 0);
            }
            int collections = 0;
            long peak = 0;
            long live = 0;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    collections++;
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                    live = Math.max(live, Long.parseLong(m.group(2)));
                }
            }
            return new GcHeap(collections, peak, live);
        }
    }

    /**
     * @param gcLog where the root JVM writes its GC log ({@code -Xlog:gc:file=...} is part of {@code command}),
     *              or null
     */
    static ProcessRun run(String name, List<String> command, Map<String, String> environment, Path workingDir,
                          Path logFolder, Path gcLog) throws IOException, InterruptedException {
        Files.createDirectories(logFolder);
        Path stdout = logFolder.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectErrorStream(true).redirectOutput(stdout.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        Map<Long, Long> cpuTicks = new HashMap<>();
        long peakRss = 0;
        while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
            peakRss = Math.max(peakRss, sample(process.toHandle(), cpuTicks));
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        long cpu = cpuTicks.values().stream().mapToLong(Long::longValue).sum() * 1000 / TICKS_PER_SECOND;
        return new ProcessRun(name, process.exitValue(), wall, cpu, peakRss,
                gcLog == null ? null : GcHeap.read(gcLog), stdout);
    }

    /** Records each process's CPU ticks so far; returns the root's peak resident set in KiB. */
    private static long sample(ProcessHandle root, Map<Long, Long> cpuTicks) {
        cpuTicks.merge(root.pid(), cpuTicks(root.pid()), Math::max);
        root.descendants().forEach(p -> cpuTicks.merge(p.pid(), cpuTicks(p.pid()), Math::max));
        return peakRssKib(root.pid());
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0; // gone between listing and reading
        }
    }

    private static long peakRssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    double seconds() {
        return wallMillis / 1000.0;
    }

    /** The output lines of the run, for error messages and the job's stage lines. */
    List<String> output() throws IOException {
        return Files.readAllLines(stdout);
    }
}
