package org.disclosureetl.ingest;

import org.disclosureetl.testsupport.PostgresServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CrawlerExportJobTest} on a real PostgreSQL server (see {@link PostgresServer}): the same statements there. */
@SpringBootTest(properties = "etl.cli.enabled=false")
class PostgresCrawlerExportJobTest extends CrawlerExportJobTest {

    @DynamicPropertySource
    static void serverDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresServer::newDatabaseUrl);
    }
}
