package org.disclosureetl.ingest;

import org.disclosureetl.testsupport.IngestDatabaseTest;

/** {@link IngestJobTest} on the default database: an H2 file of its own. */
@IngestDatabaseTest
class H2IngestJobTest extends IngestJobTest {
}
