package org.disclosureetl.ingest;

import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link IngestJobTest} on a real PostgreSQL server (see {@link PostgresServer}) instead of an H2 file:
 * the same migrations, job repository and statements, so every seed's exact cells, a second run that
 * changes nothing, changed, deleted and failed files behave the same.
 */
@Tag(TestKinds.APPLICATION)
@Tag(TestKinds.DATABASE)
@SpringBootTest(properties = "etl.cli.enabled=false")
class PostgresIngestJobTest extends IngestJobTest {

    @DynamicPropertySource
    static void serverDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresServer::newDatabaseUrl);
    }
}
