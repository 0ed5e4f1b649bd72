package org.disclosureetl.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wall time, this process's CPU time and, on Linux, the CPU time the whole machine was busy, so a
 * phase can tell how much of the machine other processes took while it ran (a busy machine caps the
 * speed-up of a second thread).
 */
final class CpuClock {

    /** Jiffies per second of /proc/stat and /proc/PID/task/TID/stat (USER_HZ); 100 on every mainstream Linux. */
    static final double USER_HZ = 100.0;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /**
     * @param wallNanos        elapsed time
     * @param cpuNanos         CPU time of this JVM (all its threads, GC and JIT included)
     * @param othersBusyNanos  CPU time of all other processes, or -1 where /proc/stat is not available
     * @param jitMillis        time the JIT compilers spent (large values: the JVM was not warm yet)
     * @param gcMillis         time the garbage collectors spent (sum over collectors)
     */
    record Elapsed(long wallNanos, long cpuNanos, long othersBusyNanos, long jitMillis, long gcMillis) {

        /** Cores this JVM kept busy on average. */
        double cores() {
            return cpuNanos / (double) wallNanos;
        }

        /** Cores other processes kept busy on average, or NaN when unknown. */
        double othersCores() {
            return othersBusyNanos < 0 ? Double.NaN : othersBusyNanos / (double) wallNanos;
        }
    }

    private final long wall;
    private final long cpu;
    private final long machineBusy;
    private final long jit;
    private final long gc;

    private CpuClock() {
        wall = System.nanoTime();
        cpu = processCpuNanos();
        machineBusy = machineBusyNanos();
        jit = jitMillis();
        gc = gcMillis();
    }

    static CpuClock start() {
        return new CpuClock();
    }

    /**
     * Waits (at most {@code maxMillis}) until the JIT compilers are idle: less than 20 ms of compile
     * time in half a second. Compiles queued by earlier work (a context start-up, a previous phase)
     * then do not run inside the next measured phase.
     */
    static void awaitJitQuiet(long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        long last = jitMillis();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            long now = jitMillis();
            if (now - last < 20) {
                return;
            }
            last = now;
        }
    }

    Elapsed stop() {
        long wallNanos = System.nanoTime() - wall;
        long cpuNanos = processCpuNanos() - cpu;
        long busy = machineBusyNanos();
        long others = busy < 0 || machineBusy < 0 ? -1 : Math.max(0, busy - machineBusy - cpuNanos);
        return new Elapsed(wallNanos, cpuNanos, others, jitMillis() - jit, gcMillis() - gc);
    }

    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** user + nice + system + irq + softirq + steal of the "cpu" line of /proc/stat, in nanoseconds. */
    private static long machineBusyNanos() {
        try {
            String line = Files.readAllLines(PROC_STAT).get(0);
            String[] f = line.trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return (long) (busy / USER_HZ * 1e9);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
