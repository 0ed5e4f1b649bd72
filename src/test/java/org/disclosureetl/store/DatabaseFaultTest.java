package org.disclosureetl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Which failures say that the database is gone, on H2 and on PostgreSQL. */
class DatabaseFaultTest {

    @Test
    void postgresqlConnectionLossShutdownAndFullDiskAreFatal() {
        assertThat(DatabaseFault.isFatal(new RuntimeException(new SQLException("An I/O error occurred", "08006")))).isTrue();
        assertThat(DatabaseFault.isFatal(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(DatabaseFault.isFatal(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseFault.isFatal(new SQLException("could not extend file: No space left on device", "53100"))).isTrue();
        assertThat(DatabaseFault.isFatal(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseFault.isFatal(new SQLException("no state"))).isFalse();
    }

    @Test
    void aBatchCutOffByTheServerIsNamedByTheDriversReasonNotByItsEntry() {
        BatchUpdateException batch = new BatchUpdateException(
                "Batch entry 473 INSERT INTO observation (document_id) VALUES (?) was aborted", "08006", new int[0]);
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.\nmore", "08006"));

        assertThat(DatabaseFault.message(new RuntimeException(batch))).contains(
                "SQLException: An I/O error occurred while sending to the backend.");
        assertThat(DatabaseFault.message(new SQLException("Connection refused", "08001")))
                .contains("SQLException: Connection refused");
        assertThat(DatabaseFault.message(new SQLException("duplicate key", "23505"))).isEmpty();
    }

    @Test
    void h2ErrorCodesStayFatal() {
        assertThat(DatabaseFault.isFatal(new SQLException("closed", "90098", 90098))).isTrue();
        assertThat(DatabaseFault.isFatal(new SQLException("disk full", "90100", 90100))).isTrue();
    }

    @Test
    void aServerThatIsGoneCannotBeReachedAFullDiskCannotBeWritten() {
        assertThat(DatabaseFault.whatFailed(new SQLException("x", "08006"))).isEqualTo("cannot be reached");
        assertThat(DatabaseFault.whatFailed(new SQLException("x", "57P01"))).isEqualTo("cannot be reached");
        assertThat(DatabaseFault.whatFailed(new SQLException("x", "53100"))).isEqualTo("cannot be written");
        assertThat(DatabaseFault.whatFailed(new SQLException("x", "90100", 90100))).isEqualTo("cannot be written");
    }

    @Test
    void theFirstFatalFailureIsKeptAndOnlyOnceItIsOldEnough() {
        DatabaseFault fault = new DatabaseFault();
        SQLException first = new SQLException("first", "08006");
        fault.report(new SQLException("not fatal", "23505"));
        fault.report(first);
        fault.report(new SQLException("second", "08006"));

        assertThat(fault.olderThan(Duration.ZERO)).containsSame(first);
        assertThat(fault.olderThan(Duration.ofHours(1))).isEmpty();
    }
}
