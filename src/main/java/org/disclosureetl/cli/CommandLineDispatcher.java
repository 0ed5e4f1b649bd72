package org.disclosureetl.cli;

import java.util.List;
import java.util.Set;

import org.disclosureetl.export.ExportFilter;
import org.disclosureetl.export.ExportOptions;
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
 * Runs the command named by the first plain argument and remembers its exit code.
 * Tests that start the application context switch it off with {@code etl.cli.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "etl.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandLineDispatcher implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CommandLineDispatcher.class);

    private final Commands commands;
    private final ScheduleCommand schedule;
    private final H2Compaction compaction;
    private int exitCode;

    CommandLineDispatcher(Commands commands, ScheduleCommand schedule, H2Compaction compaction) {
        this.commands = commands;
        this.schedule = schedule;
        this.compaction = compaction;
    }

    /** The commands that run the job once and end the process: after a successful one the H2 file may be compacted. */
    private static final Set<String> RUNS_THE_JOB_ONCE = Set.of("ingest", "retry-failed", "restart");

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> plain = args.getNonOptionArgs();
        if (plain.isEmpty()) {
            System.err.print(CommandSpec.usage());
            exitCode = Commands.USAGE;
            return;
        }
        try {
            exitCode = dispatch(plain.get(0), args);
            if (exitCode == Commands.OK && RUNS_THE_JOB_ONCE.contains(plain.get(0))) {
                compaction.compactIfMostlyGarbage(); // the last use of the database in this process
            }
        } catch (RunLock.DatabaseInUseException e) {
            System.err.println(e.getMessage());
            exitCode = Commands.JOB_FAILED;
        } catch (Exception e) {
            // one line for the operator; the stack is for whoever debugs (--logging.level.org.disclosureetl=DEBUG)
            System.err.println(plain.get(0) + ": " + Failures.oneLine(e));
            log.debug("{} failed", plain.get(0), e);
            exitCode = Commands.JOB_FAILED;
        }
    }

    private int dispatch(String command, ApplicationArguments args) throws Exception {
        return switch (command) {
            case "ingest" -> commands.ingest();
            case "retry-failed" -> commands.retryFailed(Commands.longOption(args, "run"),
                    given(args, "input"), given(args, "output"));
            case "restart" -> commands.restart(Commands.longOption(args, "run"));
            case "runs" -> commands.runs(limit(args));
            case "export" -> {
                ExportOptions options = exportOptions(args);
                yield options == null ? Commands.USAGE : commands.export(filter(args), options);
            }
            case "schedule" -> schedule.run(Commands.option(args, "cron"));
            case "worker" -> commands.worker();
            default -> {
                System.err.println("unknown command: " + command);
                yield Commands.USAGE;
            }
        };
    }

    /** Whether the folder was named on the command line or in the environment (not left to the default). */
    private static boolean given(ApplicationArguments args, String folder) {
        return args.containsOption(folder) || args.containsOption("etl." + folder)
                || System.getenv("ETL_" + folder.toUpperCase(java.util.Locale.ROOT)) != null;
    }

    private static int limit(ApplicationArguments args) {
        Long limit = Commands.longOption(args, "limit");
        return limit == null ? 20 : limit.intValue();
    }

    private static ExportFilter filter(ApplicationArguments args) {
        Long year = Commands.longOption(args, "year");
        return new ExportFilter(year == null ? null : year.intValue(), Commands.option(args, "agency"),
                Commands.option(args, "region"), Commands.option(args, "table"));
    }

    /** --format=xlsx writes the workbook instead of the CSV files; --excel puts a BOM before the CSV files. */
    private static ExportOptions exportOptions(ApplicationArguments args) {
        String format = Commands.option(args, "format");
        if (format != null && !format.equals("csv") && !format.equals("xlsx")) {
            System.err.println("export: --format is csv or xlsx, not " + format);
            return null;
        }
        return new ExportOptions(args.containsOption("excel"), "xlsx".equals(format));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
