package org.disclosureetl;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.disclosureetl.cli.CommandSpec;
import org.disclosureetl.store.DatabaseDialect;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.SimpleCommandLinePropertySource;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DisclosureEtlApplication {

    static final String DEFAULT_DB = "data/db/disclosure";

    /** A {@code --db} value with this prefix is a JDBC URL (PostgreSQL's, say); anything else is an H2 file path. */
    static final String JDBC_PREFIX = "jdbc:";

    /** The user an H2 file database is created with and opened as (databases made by earlier versions have it). */
    static final String H2_USER = "sa";

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
        System.exit(SpringApplication.exit(application.run(args)));
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
