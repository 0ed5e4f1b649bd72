package org.disclosureetl.store;

import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link CorrectionSqlTest} on a real PostgreSQL server ({@link PostgresServer}): the same statements, another dialect. */
@Tag(TestKinds.APPLICATION)
@Tag(TestKinds.DATABASE)
@SpringBootTest(properties = "etl.cli.enabled=false")
class PostgresCorrectionSqlTest extends CorrectionSqlTest {

    @DynamicPropertySource
    static void serverDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresServer::newDatabaseUrl);
    }
}
