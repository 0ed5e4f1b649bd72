package org.disclosureetl;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.disclosureetl.cli.CommandSpec;
import org.disclosureetl.cli.StartupFailure;
import org.disclosureetl.store.DatabaseDialect;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DisclosureEtlApplication {

    public static final String DEFAULT_DB = "data/db/disclosure";

    /** A {@code --db} value with this prefix is a JDBC URL (PostgreSQL's, say); anything else is an H2 file path. */
    static final String JDBC_PREFIX = "jdbc:";

    /** The user an H2 file database is created with and opened as (databases made by earlier versions have it). */
    static final String H2_USER = "sa";

    /**
     * How long a PostgreSQL connection may take to fail, so that a server that stops or cannot be reached ends
     * the run in seconds (store/DatabaseFault): PgJDBC waits forever for a socket read by default and Hikari 30 s
     * for a connection. Hikari's connectionTimeout (ms) bounds a thread's wait for a pooled connection; its
     * validationTimeout (ms) the check of one taken from the pool; PgJDBC's connectTimeout (s) the TCP connect,
     * loginTimeout (s) the whole opening (connect, authentication); socketTimeout (s) any one read once open, so
     * it is sized above the longest single wait of a healthy run (an export's sorted query over every cell);
     * tcpKeepAlive lets the operating system notice a peer that vanished. Each can be overridden like any setting.
     */
    static final Map<String, Object> POSTGRESQL_TIMEOUTS = Map.of(
            "spring.datasource.hikari.connection-timeout", "10000",
            "spring.datasource.hikari.validation-timeout", "3000",
            "spring.datasource.hikari.data-source-properties.connectTimeout", "5",
            "spring.datasource.hikari.data-source-properties.loginTimeout", "10",
            "spring.datasource.hikari.data-source-properties.socketTimeout", "300",
            "spring.datasource.hikari.data-source-properties.tcpKeepAlive", "true");

    public static void main(String[] args) {
        // checked before Spring starts, so a mistyped command line never opens (or creates) a database
        try {
            CommandSpec.Parsed parsed = CommandSpec.parse(args);
            if (parsed.help()) {
                System.out.print(parsed.command() == null ? CommandSpec.usage() : parsed.command().help());
                System.exit(0);
            }
            String url = openedUrl(args);
            DatabaseDialect.of(url);
            parsed.command().checkWorkers(args, System.getenv(), url);
        } catch (CommandSpec.UsageException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(CommandSpec.USAGE_ERROR);
        }
        SpringApplication application = new SpringApplication(DisclosureEtlApplication.class);
        application.setDefaultProperties(datasourceDefaults(databaseUrl(args)));
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // Spring AOT's build-time run (pom.xml, process-aot) ends this way on purpose
        } catch (RuntimeException e) {
            // Spring Boot's own report of it is silenced in application.yml: this line is all the console shows
            System.exit(StartupFailure.report(e, openedUrl(args), System.err));
            return;
        }
        System.exit(SpringApplication.exit(context));
    }

    /**
     * The database named by {@code --db} (or {@code ETL_DB}): a JDBC URL as given
     * ({@code jdbc:postgresql://host:5432/etl}), otherwise the H2 file database at that path, as an
     * absolute path (H2 refuses paths implicitly relative to the working directory; no server mode:
     * nothing listens on a port). A {@code spring.datasource.url} given as well wins over both.
     */
    static String databaseUrl(String[] args) {
        String db = new SimpleCommandLinePropertySource(args).getProperty("db");
        if (db == null) {
            db = System.getenv().getOrDefault("ETL_DB", DEFAULT_DB);
        }
        return db.startsWith(JDBC_PREFIX) ? db : h2Url(Path.of(db));
    }

    /** The URL the command will open: spring.datasource.url when given (it wins), else {@link #databaseUrl}. */
    static String openedUrl(String[] args) {
        String url = new SimpleCommandLinePropertySource(args).getProperty("spring.datasource.url");
        if (url == null) {
            url = System.getenv("SPRING_DATASOURCE_URL");
        }
        return url != null ? url : databaseUrl(args);
    }

    /**
     * The URL, and for H2 its user: a PostgreSQL server's user comes from spring.datasource.username or
     * the URL ({@code ?user=etl}), not from a default meant for the H2 file.
     */
    static Map<String, Object> datasourceDefaults(String url) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.datasource.url", url);
        if (DatabaseDialect.of(url) == DatabaseDialect.H2) {
            defaults.put("spring.datasource.username", H2_USER);
            defaults.put("spring.datasource.password", "");
        } else {
            defaults.putAll(POSTGRESQL_TIMEOUTS);
        }
        return defaults;
    }

    public static String h2Url(Path db) {
        // DB_CLOSE_ON_EXIT=FALSE: on SIGTERM the running job must commit its last chunk before the database
        // closes; Spring closes the pool (and so the database) after RunningJobs has stopped the job.
        // WRITE_DELAY=0: a commit reaches the file at once, so a kill -9 loses no committed chunk or run
        // record (H2 otherwise writes committed changes up to 500 ms later).
        return "jdbc:h2:file:" + db.toAbsolutePath().normalize() + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }
}
