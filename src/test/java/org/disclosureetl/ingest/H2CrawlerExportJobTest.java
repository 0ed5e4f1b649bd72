package org.disclosureetl.ingest;

import org.disclosureetl.testsupport.IngestDatabaseTest;

/** {@link CrawlerExportJobTest} on the default database: an H2 file of its own. */
@IngestDatabaseTest
class H2CrawlerExportJobTest extends CrawlerExportJobTest {
}
