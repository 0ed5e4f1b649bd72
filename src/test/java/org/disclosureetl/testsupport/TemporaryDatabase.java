package org.disclosureetl.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.disclosureetl.DisclosureEtlApplication;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.FileSystemUtils;

/**
 * The set-up of {@link IngestDatabaseTest}: a context customizer, as {@code @DynamicPropertySource}
 * cannot sit on a meta-annotation. Its two properties take precedence over application.yml and the
 * test's own properties. The customizer is the same for every test class, so classes with the same
 * properties share one cached context and its H2 file; {@link EmptyDatabase} empties it before each class.
 */
public final class TemporaryDatabase implements ContextCustomizerFactory {

    /** The application's tables, referencing ones first. */
    private static final List<String> TABLES = List.of("observation", "validation_issue", "series_issue", "series_link", "failure", "document",
            "source_file");

    /** Empties the application's tables (not the job repository's), for tests that start from no documents. */
    public static void deleteAllRows(JdbcClient jdbc) {
        for (String table : TABLES) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /**
     * Equal for every test class (a record without components): the test context cache keys on it, so a
     * customizer that differed per class would start a context (and a fork pool, and migrate a database) per class.
     */
    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            Path folder;
            try {
                folder = Files.createTempDirectory("etl-test-db-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("temporaryDatabase", Map.of(
                    "spring.datasource.url", DisclosureEtlApplication.h2Url(folder.resolve("disclosure")),
                    "etl.cli.enabled", "false")));
            // registered before any bean, so destroyed after all of them: the pool (and H2) is closed by then
            ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("temporaryDatabaseFolder",
                    () -> FileSystemUtils.deleteRecursively(folder));
        }
    }
}
