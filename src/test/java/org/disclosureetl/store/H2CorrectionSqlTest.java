package org.disclosureetl.store;

import org.disclosureetl.testsupport.IngestDatabaseTest;

/** {@link CorrectionSqlTest} on the default database: the shared H2 file. */
@IngestDatabaseTest
class H2CorrectionSqlTest extends CorrectionSqlTest {
}
