package org.disclosureetl.cli;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.disclosureetl.EtlProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * {@code schedule}: stays up and runs ingest on a cron schedule, one run at a time (a run still going
 * when the next is due makes that one skip; another process cannot run jobs on the same database at all).
 * SIGTERM stops a running job after its current chunk, see {@code RunningJobs}, and no run starts after it:
 * the schedule ends when the application context starts closing, before the running job is stopped, so a
 * tick that falls between the stopped run and the end of the process cannot start another.
 */
@Component
class ScheduleCommand implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);

    private final RunCommands commands;
    private final EtlProperties properties;
    private final PrintStream out = System.out;
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private final Object ticks = new Object();
    /** Guarded by {@code ticks}. */
    private boolean closing;

    ScheduleCommand(RunCommands commands, EtlProperties properties) {
        this.commands = commands;
        this.properties = properties;
    }

    int run(String cronOption) throws Exception {
        String cron = cronOption != null ? cronOption : properties.schedule().cron();
        if (!CronExpression.isValidExpression(cron)) {
            out.println("schedule: '" + cron + "' is not a cron expression (second minute hour day month weekday)");
            return ExitCodes.USAGE;
        }
        // held while the schedule is up, as an H2 file is: a second schedule or ingest stops at once
        commands.lockRuns();
        ZoneId zone = properties.schedule().zone().isBlank() ? ZoneId.systemDefault() : ZoneId.of(properties.schedule().zone());
        AtomicBoolean busy = new AtomicBoolean();
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("schedule-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        scheduler.schedule(() -> {
            synchronized (ticks) {
                if (closing) {
                    return;
                }
                if (!busy.compareAndSet(false, true)) {
                    log.warn("the previous run is still going: this scheduled run is skipped");
                    return;
                }
            }
            try {
                commands.ingest();
            } catch (Exception e) {
                log.error("scheduled run failed: {}", e.getMessage(), e);
            } finally {
                busy.set(false);
            }
        }, new CronTrigger(cron, zone));
        out.printf("schedule: ingest of %s on '%s' (%s); next run at %s%n", properties.input().toAbsolutePath(), cron,
                zone, CronExpression.parse(cron).next(ZonedDateTime.now(zone)));
        out.flush();
        shutdown.await(); // until the JVM is told to stop; RunningJobs stops a running job gracefully
        return ExitCodes.OK;
    }

    /** The first thing a closing context does (before {@code RunningJobs} stops the running job): no more ticks. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        // the scheduler is left alone: shutting it down would interrupt the running job mid-chunk, which
        // RunningJobs stops gracefully; its threads are daemons and end with the JVM
        synchronized (ticks) {
            closing = true;
        }
    }
}
