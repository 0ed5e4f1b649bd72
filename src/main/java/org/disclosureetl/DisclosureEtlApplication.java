package org.disclosureetl;

import java.nio.file.Path;
import java.util.Map;

import org.disclosureetl.cli.CommandSpec;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.SimpleCommandLinePropertySource;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DisclosureEtlApplication {

    static final String DEFAULT_DB = "data/db/disclosure";

    public static void main(String[] args) {
        // checked before Spring starts, so a mistyped command line never opens (or creates) a database
        try {
            CommandSpec.Parsed parsed = CommandSpec.parse(args);
            if (parsed.help()) {
                System.out.print(parsed.command() == null ? CommandSpec.usage() : parsed.command().help());
                System.exit(0);
            }
        } catch (CommandSpec.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(CommandSpec.USAGE_ERROR);
        }
        SpringApplication application = new SpringApplication(DisclosureEtlApplication.class);
        application.setDefaultProperties(Map.of("spring.datasource.url", databaseUrl(args)));
        System.exit(SpringApplication.exit(application.run(args)));
    }

    /**
     * The H2 file database named by {@code --db=PATH} (or {@code ETL_DB}), as an absolute path: H2 refuses
     * paths implicitly relative to the working directory. No server mode: nothing listens on a port.
     */
    static String databaseUrl(String[] args) {
        String db = new SimpleCommandLinePropertySource(args).getProperty("db");
        if (db == null) {
            db = System.getenv().getOrDefault("ETL_DB", DEFAULT_DB);
        }
        return h2Url(Path.of(db));
    }

    public static String h2Url(Path db) {
        // DB_CLOSE_ON_EXIT=FALSE: on SIGTERM the running job must commit its last chunk before the database
        // closes; Spring closes the pool (and so the database) after RunningJobs has stopped the job.
        // WRITE_DELAY=0: a commit reaches the file at once, so a kill -9 loses no committed chunk or run
        // record (H2 otherwise writes committed changes up to 500 ms later).
        return "jdbc:h2:file:" + db.toAbsolutePath().normalize() + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }
}
