package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The etl.* settings of the command line, against the application's own @ConfigurationProperties records. */
class SettingsTest {

    private static Settings settings;

    @BeforeAll
    static void scan() {
        settings = Settings.ofApplication();
    }

    @Test
    void theRecordsAreEveryConfigurationPropertiesRecordOfTheApplication() throws Exception {
        assertThat(configurationPropertiesClasses()).containsExactlyInAnyOrderElementsOf(Settings.RECORDS);
    }

    /** Every {@link ConfigurationProperties} class of the application, found by scanning its package (slow). */
    private static List<Class<?>> configurationPropertiesClasses() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.disclosureetl")) {
            types.add(Class.forName(candidate.getBeanClassName(), false, SettingsTest.class.getClassLoader()));
        }
        return types;
    }

    @Test
    void theKnownNamesAreThoseOfTheRecordsInKebabCaseNestedRecordsIncluded() {
        assertThat(settings.names()).contains("etl.threads", "etl.chunk-size", "etl.max-attempts", "etl.input",
                "etl.remote.partitions", "etl.remote.poll-interval", "etl.schedule.cron", "etl.parse.max-chars",
                "etl.parse.in-process-types", "etl.database.template", "etl.cli.enabled")
                .doesNotContain("etl.remote", "etl.schedule");
    }

    @Test
    void aMisspeltNameIsRefusedWithTheNearestKnownName() {
        assertThatThrownBy(() -> settings.check(new String[] {"ingest", "--etl.thredas=2"}))
                .isInstanceOf(CommandSpec.UsageException.class)
                .hasMessage("unknown setting --etl.thredas: did you mean --etl.threads?");
        assertThatThrownBy(() -> settings.check(new String[] {"ingest", "--etl.parse.maxchars=2", "--etl.parse.timeot=5s"}))
                .hasMessage("unknown setting --etl.parse.timeot: did you mean --etl.parse.timeout?");
    }

    @Test
    void namesAreComparedAsSpringBindsThemCaseDashesAndIndexesAside() {
        assertThat(settings.known("etl.chunkSize")).isTrue();
        assertThat(settings.known("etl.chunk_size")).isTrue();
        assertThat(settings.known("etl.parse.in-process-types[0]")).isTrue();
        assertThat(settings.known("etl.remote")).isFalse();
        assertThatNoException().isThrownBy(() -> settings.check(new String[] {"ingest", "--etl.threads=2",
                "--etl.parse.timeout=90s", "--etl.parse.child-heap=256MB", "--etl.workers=remote", "--input=x"}));
    }

    @Test
    void aValueThatDoesNotBindIsOneLineNamingTheSettingAndWhatItTakes() {
        assertThatThrownBy(() -> settings.check(new String[] {"ingest", "--etl.threads=abc"}))
                .hasMessage("etl.threads must be a whole number, not 'abc'");
        assertThatThrownBy(() -> settings.check(new String[] {"ingest", "--etl.parse.timeout=soon"}))
                .hasMessage("etl.parse.timeout must be a duration such as 500ms, 60s or 5m, not 'soon'");
        assertThatThrownBy(() -> settings.check(new String[] {"ingest", "--etl.workers=many"}))
                .hasMessage("etl.workers must be one of local, remote, not 'many'");
        // a record's own check names the setting itself
        assertThatThrownBy(() -> settings.check(new String[] {"ingest", "--etl.parse.max-chars=-1"}))
                .hasMessage("etl.parse.max-chars must be positive, not -1");
    }

    @Test
    void kebabCase() {
        assertThat(Settings.kebab("pollInterval")).isEqualTo("poll-interval");
    }

    @Test
    void everySettingHasAMeaningForTheHelpAndItsDefaultComesFromItsRecord() {
        assertThat(Settings.MEANINGS.keySet()).containsExactlyInAnyOrderElementsOf(settings.names().stream()
                .filter(name -> !name.equals(CommandLineDispatcher.ENABLED)).toList());
        assertThat(Settings.defaults()).containsEntry("etl.input", "data/inbox").containsEntry("etl.threads", "0")
                .containsEntry("etl.schedule.cron", "0 30 2 * * *").containsEntry("etl.schedule.zone", "empty")
                .containsEntry("etl.workers", "local").containsEntry("etl.remote.poll-interval", "1s")
                .containsEntry("etl.parse.timeout", "60s").containsEntry("etl.parse.child-heap", "512MB")
                .containsEntry("etl.parse.isolation", "fork")
                .containsEntry("etl.parse.in-process-types", "text/plain,text/markdown,text/html,application/xhtml+xml")
                .doesNotContainKey("etl.database.template");
    }

    @Test
    void helpGivesEachOptionItsMeaningAndDefault() {
        assertThat(CommandSpec.EXPORT.help()).contains(
                "  --table=T              only the cells of one table: applications, proactive, review_litigation,"
                        + " statistics (default: all)\n",
                "  --format=csv|xlsx      csv: the CSV files; xlsx: one workbook, disclosure.xlsx, a sheet per file"
                        + " (default: csv)\n",
                "  --output=DIR           folder the files are written to (default: data/out)\n",
                "  --db=PATH|URL          the database: an H2 file's path, or a jdbc:postgresql://host:5432/db URL;"
                        + " ETL_DB in the environment (default: data/db/disclosure)\n");
        assertThat(CommandSpec.SCHEDULE.help()).contains("(default: 0 30 2 * * *)");
        assertThat(CommandSpec.usage()).contains("  etl.threads            extract partitions and export workers side by"
                + " side; 0 is one per core (default: 0)\n");
    }
}
