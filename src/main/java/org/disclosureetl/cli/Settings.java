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
        return names.stream().min(Comparator.comparingInt((String known) -> distance(canonical(known), wanted))
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

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
