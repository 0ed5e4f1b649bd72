package org.disclosureetl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.disclosureetl.DisclosureEtlApplication;
import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The schema migrations on real H2 files and a real PostgreSQL server: when Flyway runs, and when it is skipped. */
@Tag(TestKinds.DATABASE)
class SchemaMigrationsTest {

    private static final String VERSIONS = """
            SELECT "version" FROM "flyway_schema_history" WHERE "success" = TRUE AND "version" IS NOT NULL ORDER BY "installed_rank\"""";

    @TempDir
    Path folder;

    @Test
    void theLatestVersionIsTheNewestMigrationFile() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/V*__*.sql");

        int newest = Arrays.stream(files)
                .map(file -> file.getFilename().substring(1, file.getFilename().indexOf("__")))
                .mapToInt(Integer::parseInt).max().orElseThrow();

        assertThat(files).hasSizeGreaterThan(10);
        assertThat(SchemaMigrations.LATEST_VERSION).isEqualTo(Integer.toString(newest));
    }

    @Test
    void aNewH2DatabaseGetsTheCommonAndTheH2Migrations() throws Exception {
        DriverManagerDataSource dataSource = h2("new");

        new SchemaMigrations(dataSource).afterPropertiesSet();

        assertThat(new JdbcTemplate(dataSource).queryForList(VERSIONS, String.class))
                .containsExactly("1", "2", "3", "4", "10", "11", "13", "14", "15", "16", "17", "19", "20", "21");
        assertThat(columnsOfSourceFile(dataSource)).contains("LAST_HASHED_RUN").doesNotContain("LAST_SEEN_RUN");
        assertThat(revisionCache(dataSource)).isEqualTo(32);
        // the check for Flyway's table made no failed query, which H2 would have written to new.trace.db
        Path trace = folder.resolve("new.trace.db");
        assertThat(Files.exists(trace) ? Files.readString(trace) : "").doesNotContain("flyway_schema_history");
    }

    @Test
    void aCurrentDatabaseIsLeftAloneWithoutFlywaysValidation() throws Exception {
        DriverManagerDataSource dataSource = h2("current");
        new SchemaMigrations(dataSource).afterPropertiesSet();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // a changed checksum is what Flyway's validation would refuse: proof that it did not run
        jdbc.update("UPDATE \"flyway_schema_history\" SET \"checksum\" = 1 WHERE \"version\" = '2'");
        assertThatThrownBy(() -> flyway(dataSource, "h2").validate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");

        new SchemaMigrations(dataSource).afterPropertiesSet();

        assertThat(jdbc.queryForList(VERSIONS, String.class)).containsExactly("1", "2", "3", "4", "10", "11", "13", "14", "15", "16", "17", "19", "20", "21");
    }

    @Test
    void anOlderDatabaseIsMigratedToTheLatestVersion() throws Exception {
        DriverManagerDataSource dataSource = h2("older");
        new SchemaMigrations(dataSource).afterPropertiesSet();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // as a database of the version before V13 was (without V13 to V21)
        jdbc.update("ALTER TABLE document DROP COLUMN ocr_pages");
        jdbc.update("DROP TABLE document_correction");
        jdbc.update("DROP TABLE correction");
        jdbc.update("ALTER TABLE document DROP COLUMN corrections_revision");
        jdbc.update("ALTER TABLE source_file RENAME COLUMN last_hashed_run TO last_seen_run");
        jdbc.update("ALTER SEQUENCE document_revision_seq NO CACHE");
        jdbc.update("DROP INDEX document_container");
        jdbc.update("ALTER TABLE document DROP COLUMN source_record");
        jdbc.update("ALTER TABLE document DROP COLUMN container_id");
        jdbc.update("DROP TABLE series_issue");
        jdbc.update("ALTER TABLE document DROP COLUMN duplicate_of");
        jdbc.update("ALTER TABLE document DROP COLUMN series_issues");
        jdbc.update("ALTER TABLE document DROP COLUMN series_revision");
        jdbc.update("ALTER TABLE document DROP COLUMN settled_cells");
        jdbc.update("DROP TABLE series_link");
        jdbc.update("DROP TABLE partition_attempt");
        jdbc.update("DROP TABLE partition_worker");
        jdbc.update("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('13', '14', '15', '16', '17', '19', '20', '21')");

        new SchemaMigrations(dataSource).afterPropertiesSet();

        assertThat(jdbc.queryForList(VERSIONS, String.class)).containsExactly("1", "2", "3", "4", "10", "11", "13", "14", "15", "16", "17", "19", "20", "21");
        assertThat(columnsOfSourceFile(dataSource)).contains("LAST_HASHED_RUN").doesNotContain("LAST_SEEN_RUN");
        assertThat(revisionCache(dataSource)).isEqualTo(32);
    }

    @Test
    void aNewPostgresqlDatabaseGetsTheCommonAndThePostgresqlMigrationsAndIsThenCurrent() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(PostgresServer.newDatabaseUrl());

        new SchemaMigrations(dataSource).afterPropertiesSet();

        assertThat(new JdbcTemplate(dataSource).queryForList(VERSIONS, String.class))
                .containsExactly("1", "2", "3", "4", "10", "11", "12", "13", "14", "15", "16", "17", "19", "20", "21");
        try (var connection = dataSource.getConnection()) {
            assertThat(SchemaMigrations.isCurrent(connection)).isTrue();
            // one revision at a time, so that revisions grow across connections (V14)
            assertThat(new JdbcTemplate(dataSource).queryForObject(
                    "SELECT cache_size FROM pg_sequences WHERE sequencename = 'document_revision_seq'", Long.class)).isEqualTo(1);
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    @Test
    void aDatabaseWithoutFlywaysTableIsNotCurrent() throws Exception {
        try (var connection = h2("empty").getConnection()) {
            assertThat(SchemaMigrations.isCurrent(connection)).isFalse();
        }
    }

    private DriverManagerDataSource h2(String name) {
        return new DriverManagerDataSource(DisclosureEtlApplication.h2Url(folder.resolve(name)), "sa", "");
    }

    private static Flyway flyway(DriverManagerDataSource dataSource, String vendor) {
        return Flyway.configure().dataSource(dataSource)
                .locations(SchemaMigrations.COMMON_LOCATION, SchemaMigrations.VENDOR_LOCATION_PREFIX + vendor).load();
    }

    /** H2's cache of document revisions. */
    private static long revisionCache(DriverManagerDataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForObject(
                "SELECT cache FROM information_schema.sequences WHERE sequence_name = 'DOCUMENT_REVISION_SEQ'", Long.class);
    }

    private static List<String> columnsOfSourceFile(DriverManagerDataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForList("""
                SELECT column_name FROM information_schema.columns WHERE table_name = 'SOURCE_FILE'
                ORDER BY column_name""", String.class).stream().sorted(Comparator.naturalOrder()).toList();
    }
}
