package org.disclosureetl.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * SIGTERM or Ctrl-C during a run: {@code ingest.RunningJobs} stops the run after its current chunk, and this holds
 * the shutdown until {@link RunLauncher} has printed the run's summary and resume line, before the database pool
 * closes under it. Without it the process could end with a bare exit code 143 and the summary half printed.
 * A bean of its own with no dependency: Spring stops a lifecycle bean's dependents before it, so a bean that
 * depended on RunningJobs and waited here would wait before the run was even asked to stop.
 */
@Component
class SummaryBeforeShutdown implements SmartLifecycle {

    /** How long a shutdown waits for the summary of the run it stopped. */
    private static final Duration SUMMARY = Duration.ofSeconds(30);

    /** Set while a run is launched and until its summary is printed. */
    private final AtomicReference<CountDownLatch> reporting = new AtomicReference<>();
    private final PrintStream out = System.out;
    private volatile boolean running;

    void reporting() {
        reporting.set(new CountDownLatch(1));
    }

    void reported() {
        CountDownLatch done = reporting.get();
        if (done != null) {
            done.countDown();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        CountDownLatch done = reporting.get();
        if (done != null) {
            try {
                done.await(SUMMARY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        out.flush();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After RunningJobs (Integer.MAX_VALUE) has stopped the run, before the beans the summary reads go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
