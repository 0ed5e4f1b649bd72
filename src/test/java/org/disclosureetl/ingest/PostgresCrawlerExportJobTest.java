package org.disclosureetl.ingest;

import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CrawlerExportJobTest} on a real PostgreSQL server (see {@link PostgresServer}): the same statements there. */
@Tag(TestKinds.APPLICATION)
@Tag(TestKinds.DATABASE)
@SpringBootTest(properties = "etl.cli.enabled=false")
class PostgresCrawlerExportJobTest extends CrawlerExportJobTest {

    @DynamicPropertySource
    static void serverDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresServer::newDatabaseUrl);
    }
}
