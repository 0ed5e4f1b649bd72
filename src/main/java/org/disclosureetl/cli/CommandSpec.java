package org.disclosureetl.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.disclosureetl.store.DatabaseDialect;

/**
 * The commands and the options each accepts. Every command line is checked against this before the
 * application starts (and so before a database is opened or created): an unknown or misspelt option,
 * a value that is not a number, an option missing its value, a stray argument and an {@code etl.*} setting
 * that does not exist or does not bind ({@link Settings}) each end the process with one line on standard
 * error and exit code 2. The enum is also what {@code CommandLineDispatcher} dispatches on.
 */
public enum CommandSpec {
    INGEST("ingest", "parse, extract, validate and store the new and changed files under --input, then write the CSV files",
            Opt.text("input", "DIR"), Opt.text("output", "DIR"), Opt.WORKERS),
    RETRY_FAILED("retry-failed", "queue the failed documents (of run ID, or all) again and run ingest on the folder they came from",
            Opt.number("run", "ID"), Opt.text("input", "DIR"), Opt.text("output", "DIR"), Opt.WORKERS),
    RESTART("restart", "resume a failed or stopped run (default: the latest) on the folders it was started with",
            Opt.number("run", "ID"), Opt.WORKERS),
    RUNS("runs", "list recent runs", Opt.number("limit", "N")),
    EXPORT("export", "write the CSV files from the database again, optionally filtered",
            Opt.text("output", "DIR"), Opt.number("year", "Y"), Opt.text("agency", "A"), Opt.text("region", "R"),
            Opt.text("table", "T"), Opt.text("format", "csv|xlsx"), Opt.flag("excel")),
    SCHEDULE("schedule", "stay up and run ingest on a cron schedule",
            Opt.text("cron", "EXPR"), Opt.text("input", "DIR"), Opt.text("output", "DIR"), Opt.WORKERS),
    WORKER("worker", "stay up and run the extract partitions of runs started with --workers=remote (PostgreSQL only)"),
    REVIEW("review", "write review.csv and review.xlsx: the open questions (flagged cells, unknown agency or year, stale corrections)",
            Opt.text("output", "DIR"), Opt.text("input", "DIR"), Opt.number("year", "Y"), Opt.text("agency", "A"),
            Opt.text("region", "R"), Opt.text("table", "T")),
    APPLY_CORRECTIONS("apply-corrections", "FILE",
            "store the answers of a filled-in review sheet (FILE: review.xlsx or review.csv) as corrections",
            Opt.text("by", "NAME"), Opt.flag("force"));

    /** Options every command takes: the database, and settings (etl.*, spring.*, logging.*). */
    private static final Opt DB = Opt.text("db", "PATH|URL");
    private static final List<String> SETTING_PREFIXES = List.of("etl.", "spring.", "logging.");

    public static final int USAGE_ERROR = 2;

    /** The option and setting that choose where extract partitions run, and their values. */
    static final String WORKERS = "workers";
    static final String WORKERS_SETTING = "etl.workers";
    static final String LOCAL = "local";
    static final String REMOTE = "remote";

    /** An option: its name, the placeholder of its value, whether that is a whole number or absent. */
    record Opt(String name, String value, boolean number, boolean flag) {
        /** Where the run's extract partitions run: etl.workers (application.yml maps --workers to it). */
        static final Opt WORKERS = text(CommandSpec.WORKERS, LOCAL + "|" + REMOTE);

        static Opt text(String name, String value) {
            return new Opt(name, value, false, false);
        }

        static Opt number(String name, String value) {
            return new Opt(name, value, true, false);
        }

        static Opt flag(String name) {
            return new Opt(name, null, false, true);
        }

        @Override
        public String toString() {
            return flag ? "[--" + name + "]" : "[--" + name + "=" + value + "]";
        }
    }

    /** A command line found wrong; its message is the one line shown. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** What a valid command line asks for: a command, or help (for one command or all when null). */
    public record Parsed(CommandSpec command, boolean help) {
    }

    private final String word;
    private final String summary;
    private final List<Opt> options;
    /** The placeholder of the one plain argument the command takes after its word (FILE), or null for none. */
    private final String argument;

    CommandSpec(String word, String summary, Opt... options) {
        this(word, null, summary, options);
    }

    CommandSpec(String word, String argument, String summary, Opt... options) {
        this.word = word;
        this.argument = argument;
        this.summary = summary;
        this.options = List.of(options);
    }

    public String word() {
        return word;
    }

    public static Optional<CommandSpec> of(String word) {
        return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
    }

    /** Checks a command line; a null command with help=true means general help was asked for. */
    public static Parsed parse(String[] args) throws UsageException {
        CommandSpec command = null;
        boolean help = false;
        boolean argumentGiven = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (!arg.startsWith("--")) {
                if (command != null && command.argument != null && !argumentGiven) {
                    argumentGiven = true;
                    continue;
                }
                if (command != null) {
                    throw new UsageException("unexpected argument '" + arg + "': options are written --name=value, "
                            + "with no space (see " + command.word + " --help)");
                }
                String word = arg;
                command = of(word).orElseThrow(() -> new UsageException("unknown command: " + word
                        + " (commands: " + String.join(", ", Arrays.stream(values()).map(c -> c.word).toList()) + ")"));
            }
        }
        if (help) {
            return new Parsed(command, true);
        }
        if (command == null) {
            throw new UsageException("no command given (commands: "
                    + String.join(", ", Arrays.stream(values()).map(c -> c.word).toList()) + "; --help for more)");
        }
        if (command.argument != null && !argumentGiven) {
            throw new UsageException(command.word + " needs " + command.argument + ": " + command.word + " "
                    + command.argument + " (see " + command.word + " --help)");
        }
        boolean settings = false;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                command.check(arg);
                settings |= arg.startsWith("--" + Settings.PREFIX);
            }
        }
        if (settings) {
            Settings.ofApplication().check(args);
        }
        return new Parsed(command, false);
    }

    /**
     * Remote partitioning (the worker command, or --workers=remote / etl.workers=remote on the command line
     * or as ETL_WORKERS) needs a database that the manager and its workers share: PostgreSQL. An H2 file
     * opens in one process only.
     *
     * @param url the JDBC URL the command will open
     */
    public void checkWorkers(String[] args, Map<String, String> environment, String url) throws UsageException {
        String workers = environment.get("ETL_WORKERS");
        for (String arg : args) {
            for (String name : List.of(WORKERS, WORKERS_SETTING)) {
                if (arg.startsWith("--" + name + "=")) {
                    workers = arg.substring(name.length() + 3).strip();
                }
            }
        }
        if (workers != null && !workers.equalsIgnoreCase(LOCAL) && !workers.equalsIgnoreCase(REMOTE)) {
            throw new UsageException("--" + WORKERS + " is " + LOCAL + " or " + REMOTE + ", not '" + workers + "'");
        }
        // runs and export run no job: a setting in the environment does not concern them
        boolean remote = this == WORKER || (options.contains(Opt.WORKERS) && REMOTE.equalsIgnoreCase(workers));
        if (remote && !DatabaseDialect.of(url).shared()) {
            throw new UsageException(word + (this == WORKER ? "" : " --" + WORKERS + "=" + REMOTE)
                    + " needs a PostgreSQL database that the manager and its workers share"
                    + " (--db=jdbc:postgresql://host:5432/db); an H2 file opens in one process only");
        }
    }

    private void check(String arg) throws UsageException {
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
        String value = equals < 0 ? null : arg.substring(equals + 1);
        if (SETTING_PREFIXES.stream().anyMatch(name::startsWith)) {
            if (value == null) {
                throw new UsageException("--" + name + " needs a value: --" + name + "=VALUE");
            }
            return;
        }
        Opt opt = name.equals(DB.name()) ? DB
                : options.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("unknown option --" + name + " for " + word
                        + " (it takes " + optionList() + ")"));
        if (opt.flag()) {
            if (value != null) {
                throw new UsageException("--" + name + " takes no value");
            }
            return;
        }
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " needs a value: --" + name + "=" + opt.value() + " (no space)");
        }
        if (opt.number()) {
            try {
                long number = Long.parseLong(value.strip());
                if (number < 0 || number > Integer.MAX_VALUE) {
                    throw new UsageException("--" + name + " must be a whole number from 0 to " + Integer.MAX_VALUE
                            + ", not " + value);
                }
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a whole number, not '" + value + "'");
            }
        }
    }

    private String optionList() {
        StringBuilder list = new StringBuilder();
        for (Opt opt : options) {
            list.append(opt).append(' ');
        }
        return list.append(DB).append(" [--etl.*=VALUE]").toString();
    }

    /** The help of this command. */
    public String help() {
        return String.format(Locale.ROOT, "usage: java -jar target/disclosure-etl.jar %s %s%n  %s%n",
                argument == null ? word : word + " " + argument, optionList(), summary);
    }

    /** The help of all commands. */
    public static String usage() {
        StringBuilder usage = new StringBuilder("usage: java -jar target/disclosure-etl.jar COMMAND [options]\n");
        for (CommandSpec command : values()) {
            usage.append(String.format(Locale.ROOT, "  %-13s %s%n", command.word, command.summary));
        }
        usage.append("every command takes --db=PATH (H2 file, default data/db/disclosure) or --db=URL")
                .append(" (jdbc:postgresql://host:5432/db) and settings such as --etl.threads=1;\n")
                .append("COMMAND --help lists its options\n");
        return usage.toString();
    }
}
