package org.disclosureetl.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Brings the schema to this version's Flyway migrations ({@code db/migration/common} plus the database's own
 * folder, {@code db/migration/h2} or {@code db/migration/postgresql}) before anything else uses the database.
 * <p>
 * A database whose newest applied migration is {@link #LATEST_VERSION} is left alone without starting Flyway:
 * building Flyway (its plugins) and validating every migration's checksum took about 0.2 s of every command's
 * start, a tenth of a nightly run over an unchanged inbox (README "Start-up"). Anything else (a new database,
 * an older schema, a failed migration) goes through Flyway's migrate, with its validation and its lock.
 * A new H2 file database is first made a copy of the packaged template when there is one ({@link NewDatabaseTemplate}),
 * which makes it current.
 */
@Component
public class SchemaMigrations implements InitializingBean {

    /** The newest migration's version; {@code SchemaMigrationsTest} checks it against the migration files. */
    public static final String LATEST_VERSION = "21";

    static final String COMMON_LOCATION = "classpath:db/migration/common";
    static final String VENDOR_LOCATION_PREFIX = "classpath:db/migration/";

    /** Flyway's history table; its name and columns are quoted lower case on both databases. */
    private static final String HISTORY_TABLE = "flyway_schema_history";
    private static final String LATEST_APPLIED = """
            SELECT COUNT(*) FROM "flyway_schema_history" WHERE "version" = ? AND "success" = TRUE""";

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSource dataSource;
    private final String url;
    private final Path template;

    /** Migrations only: no database is made from a template. */
    public SchemaMigrations(DataSource dataSource) {
        this(dataSource, (String) null, (Path) null);
    }

    @Autowired
    public SchemaMigrations(DataSource dataSource, DataSourceProperties dataSourceProperties, DatabaseProperties database) {
        this(dataSource, dataSourceProperties.getUrl(), database.template());
    }

    /**
     * @param url      the URL {@code dataSource} opens, to find a new H2 file database by
     * @param template the empty migrated H2 database a new one is copied from, or null for none
     */
    SchemaMigrations(DataSource dataSource, String url, Path template) {
        this.dataSource = dataSource;
        this.url = url;
        this.template = template;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try {
            NewDatabaseTemplate.createIfAbsent(url, template);
        } catch (IOException e) {
            log.debug("new database not made from {}: {}", template, e.toString()); // the migrations make it
        }
        String vendor;
        try (Connection connection = dataSource.getConnection()) {
            if (isCurrent(connection)) {
                return;
            }
            vendor = DatabaseDriver.fromJdbcUrl(connection.getMetaData().getURL()).getId();
        }
        Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(COMMON_LOCATION, VENDOR_LOCATION_PREFIX + vendor)
                .load()
                .migrate();
    }

    /** Whether the newest migration is applied; false on a database without Flyway's table (a new one). */
    static boolean isCurrent(Connection connection) throws SQLException {
        // asked of the catalogue first: a query on a missing table would be logged by H2 in a .trace.db file
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), HISTORY_TABLE, null)) {
            if (!tables.next()) {
                return false;
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(LATEST_APPLIED)) {
            statement.setString(1, LATEST_VERSION);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }
}
