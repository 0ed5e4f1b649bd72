package org.disclosureetl.ingest;

import java.nio.file.Path;

import org.disclosureetl.DisclosureEtlApplication;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link IngestJobTest} on the default database: an H2 file. */
class H2IngestJobTest extends IngestJobTest {

    @TempDir
    static Path database;

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DisclosureEtlApplication.h2Url(database.resolve("disclosure")));
    }
}
