package org.disclosureetl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** The one line for a database that cannot be opened, told by SQLSTATE and network exception. */
class ConnectionFailureTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/etl?user=etl&password=secret";

    @Test
    void aWrongPasswordNamesTheServerAndWhereThePasswordIsSetButNeverThePassword() {
        SQLException failure = new SQLException("FATAL: password authentication failed for user \"etl\"", "28P01");

        assertThat(ConnectionFailure.describe(new IllegalStateException("bean", failure), URL)).contains(
                "cannot open the database db.example:5432/etl: password authentication failed for user \"etl\";"
                        + " check the password (spring.datasource.password, SPRING_DATASOURCE_PASSWORD or password= in"
                        + " the --db URL)");
    }

    @Test
    void aServerNotListeningAndAnUnknownHostAreToldByTheNetworkException() {
        SQLException refused = new SQLException("Connection to db.example:5432 refused.", "08001",
                new ConnectException("Connection refused"));
        SQLException unknown = new SQLException("The connection attempt failed.", "08001",
                new UnknownHostException("db.example"));

        assertThat(ConnectionFailure.describe(refused, URL)).contains("cannot open the database db.example:5432/etl:"
                + " nothing accepts connections there (Connection refused); check that the PostgreSQL server is running"
                + " and the host and port in --db");
        assertThat(ConnectionFailure.describe(unknown, URL)).contains("cannot open the database db.example:5432/etl:"
                + " the host 'db.example' is not known; check the host name in --db");
    }

    @Test
    void aMissingDatabaseAndOtherConnectionStates() {
        assertThat(ConnectionFailure.describe(new SQLException("FATAL: database \"etl\" does not exist", "3D000"), URL))
                .contains("cannot open the database db.example:5432/etl: database \"etl\" does not exist;"
                        + " check the database name in --db, or create it (createdb NAME)");
        assertThat(ConnectionFailure.describe(new SQLException("something else", "08006"), URL))
                .contains("cannot open the database db.example:5432/etl: something else; check the server and the --db URL");
        assertThat(ConnectionFailure.describe(new SQLException("syntax error", "42601"), URL)).isEmpty();
        assertThat(ConnectionFailure.describe(new SQLException("FATAL: password authentication failed", "28P01"),
                "jdbc:h2:file:/tmp/db")).isEmpty();
    }

    @Test
    void anH2FileOpenInAnotherProcessIsTheDatabaseInUse() {
        SQLException open = new SQLException("Database may be already in use", "90020", 90020);

        assertThat(ConnectionFailure.describe(open, "jdbc:h2:file:/tmp/db")).contains(
                "The database is in use by another disclosure-etl process (a run or a schedule is going on)."
                        + " Wait for the other process to finish, or point this one at another database with --db.");
    }

    @Test
    void theServerOfAUrlWithoutItsParameters() {
        assertThat(ConnectionFailure.server("jdbc:postgresql://h:1/d?password=x")).isEqualTo("h:1/d");
        assertThat(ConnectionFailure.server("jdbc:postgresql:d")).isEqualTo("d");
    }
}
