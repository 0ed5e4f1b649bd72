package org.disclosureetl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.disclosureetl.DisclosureEtlApplication;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** New H2 databases made from a template by {@link SchemaMigrations}, on real H2 files. */
@Tag(TestKinds.DATABASE)
class NewDatabaseTemplateTest {

    private static final String HISTORY = """
            SELECT "installed_rank", "version", "checksum", "installed_on" FROM "flyway_schema_history" ORDER BY "installed_rank\"""";

    @TempDir
    Path folder;

    @Test
    void theFileOfAnH2FileUrlIsItsPathWithH2sSuffix() {
        Path database = folder.resolve("db/disclosure");

        assertThat(NewDatabaseTemplate.databaseFile(DisclosureEtlApplication.h2Url(database)))
                .contains(folder.resolve("db/disclosure.mv.db"));
        assertThat(NewDatabaseTemplate.databaseFile("jdbc:h2:file:" + database)).contains(folder.resolve("db/disclosure.mv.db"));
        assertThat(NewDatabaseTemplate.databaseFile("jdbc:h2:file:relative/disclosure;WRITE_DELAY=0")).isEmpty();
        assertThat(NewDatabaseTemplate.databaseFile("jdbc:h2:mem:test")).isEmpty();
        assertThat(NewDatabaseTemplate.databaseFile("jdbc:postgresql://127.0.0.1:5432/etl")).isEmpty();
        assertThat(NewDatabaseTemplate.databaseFile(null)).isEmpty();
    }

    @Test
    void aNewDatabaseIsACopyOfTheTemplateAndIsCurrentWithoutMigrations() throws Exception {
        Path template = template();
        String url = DisclosureEtlApplication.h2Url(folder.resolve("db/new"));

        new SchemaMigrations(h2(url), url, template).afterPropertiesSet();

        // the same history rows, timestamps included: copied, not migrated again
        assertThat(history(h2(url))).isEqualTo(history(h2(templateUrl()))).hasSize(15);
        assertThat(new JdbcTemplate(h2(url)).queryForObject("SELECT COUNT(*) FROM document", Integer.class)).isZero();
        try (var files = Files.list(folder.resolve("db"))) {
            // no copy left beside it (with -ea, as tests run, H2's compaction at close may also write new.trace.db)
            assertThat(files.map(file -> file.getFileName().toString())).contains("new.mv.db").noneMatch(name -> name.endsWith(".new"));
        }
    }

    @Test
    void anExistingDatabaseIsNeverReplaced() throws Exception {
        Path template = template();
        String url = DisclosureEtlApplication.h2Url(folder.resolve("existing"));
        new SchemaMigrations(h2(url)).afterPropertiesSet();
        new JdbcTemplate(h2(url)).update("INSERT INTO failure (run_id, source_file, step, error_type, message, failed_at)"
                + " VALUES (1, 'a.pdf', 'parse', 'parser_crash', 'kept', CURRENT_TIMESTAMP)");

        assertThat(NewDatabaseTemplate.createIfAbsent(url, template)).isFalse();
        new SchemaMigrations(h2(url), url, template).afterPropertiesSet();

        assertThat(new JdbcTemplate(h2(url)).queryForList("SELECT message FROM failure", String.class)).containsExactly("kept");
    }

    @Test
    void withoutATemplateFileTheMigrationsMakeTheDatabase() throws Exception {
        String url = DisclosureEtlApplication.h2Url(folder.resolve("plain"));

        assertThat(NewDatabaseTemplate.createIfAbsent(url, folder.resolve("missing.mv.db"))).isFalse();
        assertThat(NewDatabaseTemplate.createIfAbsent(url, null)).isFalse();
        new SchemaMigrations(h2(url), url, folder.resolve("missing.mv.db")).afterPropertiesSet();

        assertThat(history(h2(url))).extracting(row -> row.get("version"))
                .containsExactly(null, "1", "2", "3", "4", "10", "11", "13", "14", "15", "16", "17", "19", "20", "21");
    }

    /** An empty database migrated by Flyway, as {@code mvn package} makes it, closed. */
    private Path template() throws Exception {
        new SchemaMigrations(h2(templateUrl())).afterPropertiesSet();
        return folder.resolve("template.mv.db");
    }

    private String templateUrl() {
        return DisclosureEtlApplication.h2Url(folder.resolve("template"));
    }

    private static DriverManagerDataSource h2(String url) {
        return new DriverManagerDataSource(url, "sa", "");
    }

    private static List<Map<String, Object>> history(DriverManagerDataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForList(HISTORY);
    }
}
