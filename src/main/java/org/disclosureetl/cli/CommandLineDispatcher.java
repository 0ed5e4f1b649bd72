package org.disclosureetl.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.disclosureetl.store.H2Compaction;
import org.disclosureetl.store.RunLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the command named by the first plain argument ({@link CommandSpec}) and remembers its exit code.
 * Tests that start the application context switch it off with {@code etl.cli.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = CommandLineDispatcher.ENABLED, havingValue = "true", matchIfMissing = true)
class CommandLineDispatcher implements ApplicationRunner, ExitCodeGenerator {

    /** The setting that switches the command line off (tests that start the context themselves). */
    static final String ENABLED = "etl.cli.enabled";

    private static final Logger log = LoggerFactory.getLogger(CommandLineDispatcher.class);

    private final RunCommands runs;
    private final RunsCommand runList;
    private final ExportCommand export;
    private final ScheduleCommand schedule;
    private final WorkerCommand worker;
    private final H2Compaction compaction;
    private final ReviewCommand review;
    private final ApplyCorrectionsCommand corrections;
    private int exitCode;

    CommandLineDispatcher(RunCommands runs, RunsCommand runList, ExportCommand export, ScheduleCommand schedule,
                          WorkerCommand worker, H2Compaction compaction, ReviewCommand review,
                          ApplyCorrectionsCommand corrections) {
        this.review = review;
        this.corrections = corrections;
        this.runs = runs;
        this.runList = runList;
        this.export = export;
        this.schedule = schedule;
        this.worker = worker;
        this.compaction = compaction;
    }

    /** The commands that run the job once and end the process: after a successful one the H2 file may be compacted. */
    private static final Set<CommandSpec> RUNS_THE_JOB_ONCE = EnumSet.of(CommandSpec.INGEST, CommandSpec.RETRY_FAILED,
            CommandSpec.RESTART);

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> plain = args.getNonOptionArgs();
        if (plain.isEmpty()) {
            System.err.print(CommandSpec.usage());
            exitCode = ExitCodes.USAGE;
            return;
        }
        Optional<CommandSpec> command = CommandSpec.of(plain.get(0));
        if (command.isEmpty()) {
            System.err.println("unknown command: " + plain.get(0));
            exitCode = ExitCodes.USAGE;
            return;
        }
        try {
            exitCode = dispatch(command.get(), args);
            if (exitCode == ExitCodes.OK && RUNS_THE_JOB_ONCE.contains(command.get())) {
                compaction.compactIfMostlyGarbage(); // the last use of the database in this process
            }
        } catch (RunLock.DatabaseInUseException e) {
            System.err.println(e.getMessage());
            exitCode = ExitCodes.JOB_FAILED;
        } catch (Exception e) {
            // one line for the operator; the stack is for whoever debugs (--logging.level.org.disclosureetl=DEBUG)
            System.err.println(plain.get(0) + ": " + Failures.oneLine(e));
            log.debug("{} failed", plain.get(0), e);
            exitCode = ExitCodes.JOB_FAILED;
        }
    }

    private int dispatch(CommandSpec command, ApplicationArguments args) throws Exception {
        return switch (command) {
            case INGEST -> runs.ingest();
            case RETRY_FAILED -> runs.retryFailed(Options.longOption(args, "run"),
                    Options.given(args, "input"), Options.given(args, "output"));
            case RESTART -> runs.restart(Options.longOption(args, "run"));
            case RUNS -> runList.runs(limit(args));
            case EXPORT -> export.run(args);
            case SCHEDULE -> schedule.run(Options.option(args, "cron"));
            case WORKER -> worker.run();
            case REVIEW -> review.run(args);
            case APPLY_CORRECTIONS -> corrections.run(args.getNonOptionArgs().get(1), args);
        };
    }

    private static int limit(ApplicationArguments args) {
        Long limit = Options.longOption(args, "limit");
        return limit == null ? RunsCommand.DEFAULT_LIMIT : limit.intValue();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
