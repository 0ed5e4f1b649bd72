package org.disclosureetl.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the database itself (which database is {@code --db}).
 *
 * @param template an empty H2 database with every migration applied, which a new H2 file database starts as a
 *                 copy of ({@link NewDatabaseTemplate}); {@code bin/disclosure-etl} names the one {@code mvn package}
 *                 made. Unset, or a file that is not there: a new database is made by the migrations.
 */
@ConfigurationProperties("etl.database")
public record DatabaseProperties(Path template) {
}
