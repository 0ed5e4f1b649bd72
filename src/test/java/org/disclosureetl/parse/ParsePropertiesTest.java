package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.util.unit.DataSize;

class ParsePropertiesTest {

    @Test
    void applicationYmlHoldsTheDefaults() throws IOException {
        PropertySource<?> yml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml")).get(0);
        Binder binder = new Binder(ConfigurationPropertySources.from(yml));

        ParseProperties bound = binder.bind("etl.parse", ParseProperties.class).get();

        assertThat(bound).isEqualTo(ParseProperties.defaults());
        assertThat(bound).isEqualTo(new ParseProperties(5_000_000, ParseProperties.Isolation.FORK,
                Duration.ofSeconds(60), DataSize.ofMegabytes(512), 0,
                List.of("text/plain", "text/markdown", "text/html", "application/xhtml+xml"), 10_000,
                Duration.ofMinutes(10)));
    }

    @Test
    void bindsInProcessAndOverrides() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "etl.parse.isolation", "in-process",
                "etl.parse.timeout", "2s",
                "etl.parse.child-heap", "256MB",
                "etl.parse.pool-size", "3",
                "etl.parse.max-chars", "1000",
                "etl.parse.in-process-types", "text/plain",
                "etl.parse.quick-start-below", "0")));

        ParseProperties bound = binder.bind("etl.parse", ParseProperties.class).get();

        assertThat(bound).isEqualTo(new ParseProperties(1000, ParseProperties.Isolation.IN_PROCESS,
                Duration.ofSeconds(2), DataSize.ofMegabytes(256), 3, List.of("text/plain"), 0, Duration.ofMinutes(10)));
    }

    @Test
    void unsetKeysTakeTheDefaults() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("etl.parse.pool-size", "2")));

        ParseProperties bound = binder.bind("etl.parse", ParseProperties.class).get();

        assertThat(bound).isEqualTo(ParseProperties.defaults().withPoolSize(2));
    }
}
