package org.disclosureetl.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * A real, throwaway PostgreSQL server for the tests: a cluster made with Debian's {@code postgresql}
 * package (installed by {@code .ci/run}) in a temporary folder, on a free port of 127.0.0.1, started
 * once per test JVM and removed when that JVM exits. Each test gets a database of its own.
 *
 * <p>PostgreSQL refuses to run as root, and {@code .ci/run} may run the build as root: then the
 * cluster belongs to the package's {@code postgres} user and its commands run through
 * {@code runuser}. The cluster has no locale (C collation: text sorts by code point, as in H2, so
 * the exports come out in the same order) and no fsync (a test server, thrown away).
 */
public final class PostgresServer {

    /** The user the tests connect as (trust authentication on 127.0.0.1: no password). */
    public static final String USER = "etl";
    private static final String OS_USER_FOR_ROOT = "postgres";
    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    private static final String SETTINGS = "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
            + " -c full_page_writes=off -c max_connections=300 -c shared_buffers=32MB"
            + " -c dynamic_shared_memory_type=mmap";

    private static PostgresServer shared;

    private final Path binaries;
    private final Path folder;
    private final int port;
    private final boolean asRoot;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path binaries, Path folder, int port, boolean asRoot) {
        this.binaries = binaries;
        this.folder = folder;
        this.port = port;
        this.asRoot = asRoot;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = start();
            PostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-stop"));
        }
        return shared;
    }

    /** A new empty database on the shared server, as a JDBC URL that names its user. */
    public static String newDatabaseUrl() {
        try {
            return shared().newDatabase();
        } catch (IOException e) {
            throw new IllegalStateException("no test PostgreSQL database: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A server of the caller's own, to stop and start again ({@link #kill}, {@link #startAgain}) without
     * disturbing the other tests' databases; {@link #close} removes it.
     */
    public static PostgresServer startOwn() throws IOException, InterruptedException {
        return start();
    }

    /** A new empty database on this server, as a JDBC URL that names its user. */
    public String newDatabase() {
        return newDatabase("");
    }

    /**
     * A new empty database whose files are in {@code folder} (a tablespace there: a small file system makes a
     * database that fills up). The folder must be empty; it is given to the server's user.
     */
    public String newDatabaseIn(Path folder) throws IOException {
        giveToServer(folder);
        String tablespace = "space_" + databases.incrementAndGet();
        execute("CREATE TABLESPACE " + tablespace + " LOCATION '" + folder.toAbsolutePath() + "'");
        return newDatabase(" TABLESPACE " + tablespace);
    }

    private String newDatabase(String options) {
        String name = "etl_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        execute("CREATE DATABASE " + name + options);
        return url(name);
    }

    /**
     * A database owned by a user who must give {@code password} (scram-sha-256 on 127.0.0.1; the other users
     * keep trust authentication), as a URL that names neither user nor password.
     */
    public String newPasswordDatabase(String user, String password) throws IOException {
        String name = "etl_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
        execute("CREATE DATABASE " + name + " OWNER " + user);
        Path hba = folder.resolve("data/pg_hba.conf");
        String rules = Files.readString(hba, StandardCharsets.UTF_8);
        Files.writeString(hba, "host all " + user + " 127.0.0.1/32 scram-sha-256\n" + rules, StandardCharsets.UTF_8);
        execute("SELECT pg_reload_conf()");
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** host:port of this server. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Stops the server as a crash would ({@code pg_ctl -m immediate stop}): connections break, nothing is flushed. */
    public void kill() throws IOException, InterruptedException {
        run("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }

    /** Starts the server again after {@link #kill}, on the same port. */
    public void startAgain() throws IOException, InterruptedException {
        run("pg_ctl", "-D", folder.resolve("data").toString(), "-l", folder.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + folder + " " + SETTINGS, "start");
    }

    /** Stops this server and removes its folder (for a server of {@link #startOwn}). */
    public void close() {
        stop();
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void giveToServer(Path path) throws IOException {
        if (asRoot) {
            UserPrincipal owner = path.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(OS_USER_FOR_ROOT);
            Files.setOwner(path, owner);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        Path binaries = binaries();
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("etl-postgres-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(binaries, folder, port, asRoot);
        server.giveToServer(folder);
        server.run("initdb", "-D", folder.resolve("data").toString(), "-U", USER, "-A", "trust", "--no-locale",
                "-E", "UTF8", "--no-sync");
        server.startAgain();
        return server;
    }

    /** Stops the server at once (nothing in it is kept) and removes its folder. */
    private void stop() {
        try {
            run("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | RuntimeException e) {
            System.err.println("test PostgreSQL did not stop: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            System.err.println("test PostgreSQL folder not removed: " + e.getMessage());
        }
    }

    private void run(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", OS_USER_FOR_ROOT, "--"));
        }
        command.add(binaries.resolve(program).toString());
        command.addAll(List.of(args));
        Path log = folder.resolve(program + ".out");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(program + " did not finish in 2 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue()
                    + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /** The newest PostgreSQL of Debian's package (/usr/lib/postgresql/VERSION/bin). */
    private static Path binaries() throws IOException {
        if (Files.isDirectory(DEBIAN_BINARIES)) {
            try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        throw new IllegalStateException("PostgreSQL is not installed (" + DEBIAN_BINARIES
                + "/VERSION/bin/initdb): apt-get install postgresql, as .ci/run does");
    }
}
