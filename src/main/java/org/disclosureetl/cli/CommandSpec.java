package org.disclosureetl.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.disclosureetl.DisclosureEtlApplication;
import org.disclosureetl.store.DatabaseDialect;
import org.disclosureetl.vocabulary.ResourceCsv;

/**
 * The commands and the options each accepts. Every command line is checked against this before the
 * application starts (and so before a database is opened or created): an unknown or misspelt option,
 * a value that is not a number, an option missing its value, a stray argument and an {@code etl.*} setting
 * that does not exist or does not bind ({@link Settings}) each end the process with one line on standard
 * error and exit code 2. The enum is also what {@code CommandLineDispatcher} dispatches on.
 */
public enum CommandSpec {
    INGEST("ingest", "parse, extract, validate and store the new and changed files under --input, then write the CSV files",
            Opt.INPUT, Opt.OUTPUT, Opt.WORKERS),
    RETRY_FAILED("retry-failed", "queue the failed documents (of run ID, or all) again and run ingest on the folder they came from",
            Opt.number("run", "ID").means("the run whose failed documents to queue again").otherwise("every run's"),
            Opt.INPUT.otherwise("the folder of the run they failed in"),
            Opt.OUTPUT.otherwise("the folder of the run they failed in"), Opt.WORKERS),
    RESTART("restart", "resume a failed or stopped run (default: the latest) on the folders it was started with",
            Opt.number("run", "ID").means("the run to resume").otherwise("the latest"), Opt.WORKERS),
    RUNS("runs", "list recent runs",
            Opt.number("limit", "N").means("how many runs to list, the latest first")
                    .otherwise(Integer.toString(RunsCommand.DEFAULT_LIMIT))),
    EXPORT("export", "write the CSV files from the database again, optionally filtered",
            Opt.OUTPUT.means("folder the files are written to"),
            Opt.number("year", "Y").means("only the reports of this year").otherwise(Opt.ALL),
            Opt.text("agency", "A").means("only agencies whose name contains A (金融工作 finds 肇庆市金融工作局)")
                    .otherwise(Opt.ALL),
            Opt.text("region", "R").means("only the reports of a place: the start of the agency name, of its region code"
                    + " (3208) or of its province, prefecture or county name (江苏)").otherwise(Opt.ALL),
            Opt.text("table", "T").means("only the cells of one table: " + Opt.TABLES).otherwise(Opt.ALL),
            Opt.text("format", ExportCommand.CSV + "|" + ExportCommand.XLSX).means(ExportCommand.CSV + ": the CSV files; "
                    + ExportCommand.XLSX + ": one workbook, disclosure.xlsx, a sheet per file").otherwise(ExportCommand.CSV),
            Opt.flag("excel").means("a byte order mark before each CSV file, so that Excel reads it as UTF-8")),
    SCHEDULE("schedule", "stay up and run ingest on a cron schedule",
            Opt.text("cron", "EXPR").means("when to run: a Spring cron expression (second minute hour day month weekday)"
                    + " in etl.schedule.zone").setting("etl.schedule.cron"),
            Opt.INPUT, Opt.OUTPUT, Opt.WORKERS),
    WORKER("worker", "stay up and run the extract partitions of runs started with --workers=remote (PostgreSQL only)"),
    REVIEW("review", "write review.csv and review.xlsx: the open questions (flagged cells, unknown agency or year, stale corrections)",
            Opt.OUTPUT.means("folder review.csv and review.xlsx are written to"),
            Opt.INPUT.means("the inbox the review sheet's file links point into"),
            Opt.number("year", "Y").means("only the reports of this year").otherwise(Opt.ALL),
            Opt.text("agency", "A").means("only agencies whose name contains A").otherwise(Opt.ALL),
            Opt.text("region", "R").means("only the reports of a place: the start of the agency name, of its region code"
                    + " or of its province, prefecture or county name").otherwise(Opt.ALL),
            Opt.text("table", "T").means("only the cells of one table: " + Opt.TABLES).otherwise(Opt.ALL)),
    APPLY_CORRECTIONS("apply-corrections", "FILE",
            "store the answers of a filled-in review sheet (FILE: review.xlsx or review.csv) as corrections",
            Opt.text("by", "NAME").means("who answered, stored with each correction").otherwise("the user name"),
            Opt.flag("force").means("store answers that break an identity of their table, saying so"));

    /** Options every command takes: the database, and settings (etl.*, spring.*, logging.*). */
    private static final Opt DB = Opt.text("db", "PATH|URL").means("the database: an H2 file's path, or a"
            + " jdbc:postgresql://host:5432/db URL; ETL_DB in the environment").otherwise(DisclosureEtlApplication.DEFAULT_DB);
    private static final List<String> SETTING_PREFIXES = List.of("etl.", "spring.", "logging.");

    public static final int USAGE_ERROR = 2;

    /** The option and setting that choose where extract partitions run, and their values. */
    static final String WORKERS = "workers";
    static final String WORKERS_SETTING = "etl.workers";
    static final String LOCAL = "local";
    static final String REMOTE = "remote";

    /**
     * An option: its name, the placeholder of its value, whether that is a whole number or absent, what it means
     * and its default (for --help): the default of the {@code etl.*} setting it stands for, read from the
     * settings' records ({@link Settings#defaults()}), or {@code otherwise}, a text.
     */
    record Opt(String name, String value, boolean number, boolean flag, String meaning, String setting,
               String otherwise) {
        /** The default of a filter: no filter. */
        static final String ALL = "all";
        /** Stands for the table codes in a meaning; read only when help is shown ({@link Tables}). */
        static final String TABLES = "{tables}";
        static final Opt INPUT = text("input", "DIR").means("folder of the report files to read").setting("etl.input");
        static final Opt OUTPUT = text("output", "DIR").means("folder the CSV files and report.html are written to")
                .setting("etl.output");
        /** Where the run's extract partitions run: etl.workers (application.yml maps --workers to it). */
        static final Opt WORKERS = text(CommandSpec.WORKERS, LOCAL + "|" + REMOTE).means(LOCAL + ": on this process's"
                + " threads (etl.threads); " + REMOTE + ": on worker processes (PostgreSQL only)").setting(WORKERS_SETTING);

        static Opt text(String name, String value) {
            return new Opt(name, value, false, false, "", null, null);
        }

        static Opt number(String name, String value) {
            return new Opt(name, value, true, false, "", null, null);
        }

        static Opt flag(String name) {
            return new Opt(name, null, false, true, "", null, "off");
        }

        Opt means(String text) {
            return new Opt(name, value, number, flag, text, setting, otherwise);
        }

        /** Its default is that of this setting. */
        Opt setting(String settingName) {
            return new Opt(name, value, number, flag, meaning, settingName, null);
        }

        Opt otherwise(String text) {
            return new Opt(name, value, number, flag, meaning, null, text);
        }

        /** What it means, as --help shows it. */
        String meaningText() {
            return meaning.replace(TABLES, Tables.CODES);
        }

        /** The default as --help shows it; empty when there is none to show. */
        String defaultText() {
            return setting != null ? Settings.defaults().getOrDefault(setting, "") : otherwise == null ? "" : otherwise;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Opt opt && opt.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return flag ? "[--" + name + "]" : "[--" + name + "=" + value + "]";
        }

        /** {@code --name=VALUE}, as the help's left column shows it. */
        String form() {
            return flag ? "--" + name : "--" + name + "=" + value;
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

    /** The help of this command: each option with its meaning and default, then the settings. */
    public String help() {
        StringBuilder help = new StringBuilder(String.format(Locale.ROOT,
                "usage: java -jar target/disclosure-etl.jar %s %s%n  %s%n%noptions:%n",
                argument == null ? word : word + " " + argument, optionList(), summary));
        for (Opt opt : options) {
            help.append(optionLine(opt.form(), opt.meaningText(), opt.defaultText()));
        }
        help.append(optionLine(DB.form(), DB.meaning(), DB.defaultText()));
        help.append(optionLine("--etl.NAME=VALUE", "any setting (java -jar target/disclosure-etl.jar --help lists them)", ""));
        return help.toString();
    }

    /** The help of all commands, then the options and settings every command takes, with their defaults. */
    public static String usage() {
        StringBuilder usage = new StringBuilder("usage: java -jar target/disclosure-etl.jar COMMAND [options]\n");
        for (CommandSpec command : values()) {
            usage.append(String.format(Locale.ROOT, "  %-13s %s%n", command.word, command.summary));
        }
        usage.append("\nCOMMAND --help lists its options. Every command takes:\n")
                .append(optionLine(DB.form(), DB.meaning(), DB.defaultText()))
                .append("\nsettings, given as --NAME=VALUE, in the environment (ETL_THREADS=1) or in a job file"
                        + " (--spring.config.additional-location=jobs/nightly.yml):\n");
        Map<String, String> defaults = Settings.defaults();
        for (Map.Entry<String, String> meaning : Settings.MEANINGS.entrySet()) {
            usage.append(optionLine(meaning.getKey(), meaning.getValue(), defaults.getOrDefault(meaning.getKey(), "")));
        }
        return usage.toString();
    }

    /** The table codes, as the templates name them (templates/tables.csv), read when help is first shown. */
    private static final class Tables {
        static final String CODES = String.join(", ", ResourceCsv.read("templates/tables.csv").stream()
                .map(row -> row.get("table_code")).distinct().sorted().toList());
    }

    /** One option of the help: its form, then what it means and its default, on the same line or the next. */
    private static String optionLine(String form, String meaning, String defaultText) {
        String text = meaning + (defaultText.isEmpty() ? "" : " (default: " + defaultText + ")");
        return form.length() <= 22 ? String.format(Locale.ROOT, "  %-22s %s%n", form, text)
                : String.format(Locale.ROOT, "  %s%n  %-22s %s%n", form, "", text);
    }
}
