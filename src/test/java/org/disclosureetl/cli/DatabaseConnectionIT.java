package org.disclosureetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.disclosureetl.testsupport.JarRunner;
import org.disclosureetl.testsupport.PostgresServer;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL database that cannot be opened, through the real jar against a real server (issue 27, item 1):
 * one line naming the cause and what to check, exit code 1, and nothing else on the console (no banner, no
 * "APPLICATION FAILED TO START", no pool logging, no stack trace). An unsupported database is a usage error.
 */
@Tag(TestKinds.DATABASE)
class DatabaseConnectionIT {

    /** PgJDBC writes its own messages in the JVM's language: English here. */
    private static final Map<String, String> ENGLISH = Map.of("LC_ALL", "C.UTF-8", "LANG", "C.UTF-8");
    private static final String PASSWORD_HINT = "check the password (spring.datasource.password,"
            + " SPRING_DATASOURCE_PASSWORD or password= in the --db URL)";

    private static PostgresServer server;
    private static String passwordUrl;
    private static String passwordDatabase;
    private static String user;

    @TempDir
    Path work;

    @BeforeAll
    static void server() throws Exception {
        server = PostgresServer.shared();
        user = "etl_secret_" + ProcessHandle.current().pid();
        passwordUrl = server.newPasswordDatabase(user, "right");
        passwordDatabase = passwordUrl.substring(passwordUrl.lastIndexOf('/') + 1);
    }

    @Test
    void aWrongPassword() throws Exception {
        assertOneLine(run(passwordUrl + "?user=" + user + "&password=wrong"), 1,
                "cannot open the database " + server.address() + "/" + passwordDatabase
                        + ": password authentication failed for user \"" + user + "\"; " + PASSWORD_HINT);
    }

    @Test
    void aMissingPassword() throws Exception {
        assertOneLine(run(passwordUrl + "?user=" + user), 1,
                "cannot open the database " + server.address() + "/" + passwordDatabase
                        + ": The server requested SCRAM-based authentication, but no password was provided;"
                        + " give the user's password (spring.datasource.password, SPRING_DATASOURCE_PASSWORD or"
                        + " password= in the --db URL) and check the server's pg_hba.conf");
    }

    @Test
    void theRightPasswordOpensIt() throws Exception {
        JarRunner.Result runs = run(passwordUrl + "?user=" + user + "&password=right");
        assertThat(runs.exitCode()).as(runs.stdout()).isZero();
    }

    @Test
    void aServerNotListening() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertOneLine(run("jdbc:postgresql://127.0.0.1:" + port + "/etl?user=etl"), 1,
                "cannot open the database 127.0.0.1:" + port + "/etl: nothing accepts connections there"
                        + " (Connection refused); check that the PostgreSQL server is running and the host and port in --db");
    }

    @Test
    void aMissingDatabase() throws Exception {
        assertOneLine(run("jdbc:postgresql://" + server.address() + "/no_such_database?user=etl"), 1,
                "cannot open the database " + server.address() + "/no_such_database: database \"no_such_database\""
                        + " does not exist; check the database name in --db, or create it (createdb NAME)");
    }

    @Test
    void anUnknownHost() throws Exception {
        assertOneLine(run("jdbc:postgresql://no-such-host.invalid:5432/etl?user=etl"), 1,
                "cannot open the database no-such-host.invalid:5432/etl: the host 'no-such-host.invalid' is not known;"
                        + " check the host name in --db");
    }

    @Test
    void anUnsupportedDatabaseIsAUsageError() throws Exception {
        assertOneLine(run("jdbc:mysql://127.0.0.1/etl"), 2, "unsupported database 'mysql' in jdbc:mysql://127.0.0.1/etl:"
                + " --db takes an H2 file path or a jdbc:postgresql: URL");
    }

    private JarRunner.Result run(String url) throws Exception {
        return JarRunner.run(work, ENGLISH, "runs", "--db=" + url);
    }

    /** Standard output and standard error together hold exactly this line. */
    private static void assertOneLine(JarRunner.Result result, int exitCode, String line) {
        assertThat(result.stdout()).isEqualTo(line + "\n");
        assertThat(result.exitCode()).isEqualTo(exitCode);
    }
}
