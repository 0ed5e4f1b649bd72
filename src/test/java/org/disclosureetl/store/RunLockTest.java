package org.disclosureetl.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.disclosureetl.DisclosureEtlApplication;
import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The run lock on a real PostgreSQL server: two processes are two sessions, here two lock holders
 * with data sources of their own.
 */
@Tag(TestKinds.DATABASE)
class RunLockTest {

    @TempDir
    Path folder;

    @Test
    void onPostgresqlASecondHolderIsRefusedUntilTheFirstLetsGo() throws Exception {
        String url = PostgresServer.newDatabaseUrl();
        RunLock first = new RunLock(new DriverManagerDataSource(url));
        RunLock second = new RunLock(new DriverManagerDataSource(url));

        first.acquire();
        first.acquire(); // again in the same process: no effect

        assertThatThrownBy(second::acquire).isInstanceOf(RunLock.DatabaseInUseException.class)
                .hasMessage("The database is in use by another disclosure-etl process (a run or a schedule is going on)."
                        + " Wait for the other process to finish, or point this one at another database with --db.");

        first.destroy();
        second.acquire();
        second.destroy();
    }

    @Test
    void anotherDatabaseOnTheServerHasALockOfItsOwn() throws Exception {
        RunLock one = new RunLock(new DriverManagerDataSource(PostgresServer.newDatabaseUrl()));
        RunLock other = new RunLock(new DriverManagerDataSource(PostgresServer.newDatabaseUrl()));

        one.acquire();
        other.acquire();

        one.destroy();
        other.destroy();
    }

    @Test
    void onH2TheFileIsTheLockAndNothingIsTaken() throws Exception {
        String url = DisclosureEtlApplication.h2Url(folder.resolve("etl"));
        RunLock lock = new RunLock(new DriverManagerDataSource(url));
        RunLock another = new RunLock(new DriverManagerDataSource(url));

        lock.acquire();
        another.acquire(); // the same process may open the file twice; another process cannot open it at all

        lock.destroy();
        another.destroy();
    }
}
