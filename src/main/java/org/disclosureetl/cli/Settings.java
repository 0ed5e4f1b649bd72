package org.disclosureetl.cli;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.parse.ParseProperties;
import org.disclosureetl.store.DatabaseProperties;
import org.disclosureetl.vocabulary.EditDistance;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.util.unit.DataSize;

/**
 * The {@code etl.*} settings given on the command line, checked before the application starts: a name that no
 * {@link ConfigurationProperties} record of the application has (the nearest known name is suggested), and a
 * value that does not convert, bound by the same binder Spring uses. Each is a usage error of one line.
 */
final class Settings {

    static final String PREFIX = "etl.";

    /** The settings of the records, by prefix; a name ending in "." takes any name below it (a map). */
    private final Map<String, Class<?>> records;
    private final List<String> names;

    private Settings(Map<String, Class<?>> records, List<String> names) {
        this.records = records;
        this.names = names;
    }

    /**
     * The application's {@link ConfigurationProperties} records. Listed rather than found by scanning the class
     * path at every start (a scan of the packed jar cost seconds); {@code SettingsTest} checks that the list
     * holds every such record a scan finds, so a new one cannot be left out.
     */
    static final List<Class<?>> RECORDS = List.of(EtlProperties.class, ParseProperties.class, DatabaseProperties.class);

    /** The settings of the application's @ConfigurationProperties records under {@code etl}, and those named by conditions. */
    static Settings ofApplication() {
        return of(RECORDS, List.of(CommandLineDispatcher.ENABLED));
    }

    /** The settings of these records, plus names that no record holds (a condition's switch). */
    static Settings of(Collection<Class<?>> types, Collection<String> extra) {
        Map<String, Class<?>> records = new LinkedHashMap<>();
        TreeSet<String> names = new TreeSet<>(extra);
        for (Class<?> type : types) {
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            if ((prefix + ".").startsWith(PREFIX) && type.isRecord()) {
                records.put(prefix, type);
                collect(prefix, type, names);
            }
        }
        return new Settings(records, List.copyOf(names));
    }

    private static void collect(String prefix, Class<?> type, Collection<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> value = component.getType();
            if (value.isRecord()) {
                collect(name, value, names);
            } else if (Map.class.isAssignableFrom(value)) {
                names.add(name + ".");
            } else {
                names.add(name);
            }
        }
    }

    /**
     * What each setting is, for --help ({@link CommandSpec#usage()}); their defaults come from the records
     * ({@link #defaults()}). {@code SettingsTest} checks that every setting of the records has its line here.
     */
    static final Map<String, String> MEANINGS = meanings(
            "etl.input", "folder of the report files to read (--input)",
            "etl.output", "folder the CSV files, report.html and the run logs are written to (--output)",
            "etl.threads", "extract partitions and export workers side by side; 0 is one per core",
            "etl.chunk-size", "documents stored per transaction",
            "etl.max-attempts", "how often retry-failed tries a failed document",
            "etl.schedule.cron", "when schedule runs ingest (second minute hour day month weekday)",
            "etl.schedule.zone", "the time zone of the cron expression; empty is the machine's",
            "etl.workers", "local: extract on this process's threads; remote: on worker processes (--workers)",
            "etl.remote.partitions", "with workers=remote, the partitions the extract step is cut into",
            "etl.remote.poll-interval", "with workers=remote, how often the manager and idle workers look",
            "etl.remote.max-partition-attempts", "with workers=remote, sends of one partition in a run",
            "etl.remote.heartbeat", "a worker's heartbeat; silent for six, it counts as dead",
            "etl.parse.max-chars", "the most characters of text one document may give (error type output_limit)",
            "etl.parse.isolation", "fork: parsers run in child JVMs; in-process: in this JVM (trusted input only)",
            "etl.parse.timeout", "a document still parsing after this is killed (error type timeout)",
            "etl.parse.child-heap", "the heap of each parser child JVM (error type parser_crash beyond it)",
            "etl.parse.pool-size", "parser child JVMs; 0 is one per extract thread",
            "etl.parse.in-process-types", "with fork, the types parsed in this JVM all the same",
            "etl.parse.quick-start-below", "with fork, a run of fewer documents starts one child with the quick JIT",
            "etl.parse.ocr-timeout", "with fork, the time limit instead of etl.parse.timeout for a file that may be a scan",
            "etl.database.template", "the empty migrated H2 file a new H2 database starts as a copy of");

    private static Map<String, String> meanings(String... pairs) {
        Map<String, String> meanings = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            meanings.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(meanings);
    }

    /**
     * Every setting's default, as written on the command line ({@code 60s}, {@code 512MB}, {@code fork}): the
     * records bound from nothing, so each holds its {@code @DefaultValue}s. A setting without one is left out.
     */
    static Map<String, String> defaults() {
        Binder empty = new Binder(List.of(new MapConfigurationPropertySource(Map.of())), null,
                ApplicationConversionService.getSharedInstance());
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Class<?> type : RECORDS) {
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            collectDefaults(prefix, empty.bindOrCreate(prefix, Bindable.of(type)), defaults);
        }
        return defaults;
    }

    private static void collectDefaults(String prefix, Object record, Map<String, String> defaults) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
            if (value != null && value.getClass().isRecord()) {
                collectDefaults(name, value, defaults);
            } else if (value != null) {
                defaults.put(name, asWritten(value));
            }
        }
    }

    /** A default as one would write it in a setting. */
    static String asWritten(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof java.time.Duration duration) {
            return duration.toMillis() % 1000 != 0 ? duration.toMillis() + "ms" : duration.toSeconds() + "s";
        }
        if (value instanceof DataSize size) {
            return size.toBytes() % (1024 * 1024) == 0 ? size.toMegabytes() + "MB" : size.toBytes() + "B";
        }
        if (value instanceof Collection<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        String text = String.valueOf(value);
        return text.isEmpty() ? "empty" : text;
    }

    /** The known names, in kebab case ({@code etl.chunk-size}). */
    List<String> names() {
        return names;
    }

    /**
     * Checks the {@code --etl.*} arguments: known names, values that bind.
     *
     * @throws CommandSpec.UsageException with the one line to show
     */
    void check(String[] args) throws CommandSpec.UsageException {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--" + PREFIX) && equals > 0) {
                String name = arg.substring(2, equals);
                if (!known(name)) {
                    throw new CommandSpec.UsageException("unknown setting --" + name + ": did you mean --" + nearest(name) + "?");
                }
                given.put(name, arg.substring(equals + 1));
            }
        }
        if (given.isEmpty()) {
            return;
        }
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(given)), null,
                ApplicationConversionService.getSharedInstance());
        for (Map.Entry<String, Class<?>> record : records.entrySet()) {
            try {
                binder.bindOrCreate(record.getKey(), Bindable.of(record.getValue()));
            } catch (RuntimeException e) {
                throw new CommandSpec.UsageException(badValue(e).orElseGet(() -> Failures.oneLine(e)));
            }
        }
    }

    boolean known(String name) {
        String wanted = canonical(name);
        return names.stream().anyMatch(known -> known.endsWith(".") ? wanted.startsWith(canonical(known))
                : canonical(known).equals(wanted));
    }

    /** The known name the fewest edits away from this one. */
    String nearest(String name) {
        String wanted = canonical(name);
        return names.stream().min(Comparator.comparingInt((String known) -> EditDistance.between(canonical(known), wanted))
                .thenComparing(Comparator.naturalOrder())).map(known -> known.endsWith(".") ? known + "KEY" : known)
                .orElse(PREFIX);
    }

    /**
     * The one line for a setting whose value did not bind (here, or when Spring binds the settings of every
     * source at start-up); empty when the failure is not that.
     */
    static Optional<String> badValue(Throwable failure) {
        BindException deepest = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException bind) {
                deepest = bind;
            }
        }
        if (deepest == null) {
            return Optional.empty();
        }
        Throwable cause = deepest.getCause();
        // a record's own check (ParseProperties) says what is wrong in its message, naming the setting
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null && t.getMessage().startsWith(PREFIX)) {
                return Optional.of(t.getMessage());
            }
        }
        ConfigurationProperty property = deepest.getProperty();
        String name = property != null ? property.getName().toString() : deepest.getName().toString();
        Object value = property != null ? property.getValue() : null;
        Class<?> type = deepest.getTarget().getType().resolve(Object.class);
        return Optional.of(name + " must be " + expected(type) + (value == null ? "" : ", not '" + value + "'"));
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == java.time.Duration.class) {
            return "a duration such as 500ms, 60s or 5m";
        }
        if (type == DataSize.class) {
            return "a size such as 512MB";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        }
        return "a " + type.getSimpleName();
    }

    /** camelCase to kebab-case, the form application.yml and the README use. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The form Spring compares names in: case, dashes and underscores aside, list indexes left off. */
    private static String canonical(String name) {
        return name.replaceAll("\\[[^]]*]", "").replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
