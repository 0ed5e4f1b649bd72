package org.disclosureetl.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a database could not be opened, as the one line the operator sees: what failed, on which server, and
 * what to check. Told by the SQLSTATE of the failure (PostgreSQL's error codes, which PgJDBC also uses for
 * its own connection errors) or the network exception under it, not by message text: PgJDBC translates its
 * messages into the JVM's language.
 */
public enum ConnectionFailure {
    /** the host name does not resolve */
    UNKNOWN_HOST(null, "check the host name in --db"),
    /** nothing listens on the port, or the host cannot be reached */
    NOT_LISTENING(null, "check that the PostgreSQL server is running and the host and port in --db"),
    /** the server did not answer within PgJDBC's connectTimeout or loginTimeout */
    NO_ANSWER(null, "check that the server is up and reachable (host, port, firewall)"),
    /** SQLSTATE 28P01 invalid_password */
    WRONG_PASSWORD("28P01", "check the password (spring.datasource.password, SPRING_DATASOURCE_PASSWORD or"
            + " password= in the --db URL)"),
    /** SQLSTATE 08004 sqlserver_rejected_establishment_of_sqlconnection: PgJDBC's for a password asked for and not given */
    REJECTED("08004", "give the user's password (spring.datasource.password, SPRING_DATASOURCE_PASSWORD or"
            + " password= in the --db URL) and check the server's pg_hba.conf"),
    /** SQLSTATE 28000 invalid_authorization_specification: no such role, or pg_hba.conf lets it not in */
    NOT_AUTHORIZED("28000", "check the user (user= in the --db URL or spring.datasource.username) and the server's"
            + " pg_hba.conf"),
    /** SQLSTATE 3D000 invalid_catalog_name */
    NO_DATABASE("3D000", "check the database name in --db, or create it (createdb NAME)"),
    /** SQLSTATE 57P03 cannot_connect_now */
    STARTING_OR_STOPPING("57P03", "the server is starting or shutting down: try again in a moment"),
    /** SQLSTATE 53300 too_many_connections */
    TOO_MANY_CONNECTIONS("53300", "raise the server's max_connections or lower etl.threads"),
    /** any other SQLSTATE of class 08 connection_exception */
    CONNECTION("08", "check the server and the --db URL");

    private final String sqlState;
    private final String check;

    ConnectionFailure(String sqlState, String check) {
        this.sqlState = sqlState;
        this.check = check;
    }

    /**
     * The one line for a failure to open the database at {@code url}, when that is what the failure is.
     * An H2 file open in another process says so here too.
     */
    public static Optional<String> describe(Throwable failure, String url) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof SQLException sql && sql.getErrorCode() == RunLock.H2_DATABASE_ALREADY_OPEN) {
                return Optional.of(new RunLock.DatabaseInUseException().getMessage());
            }
        }
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            return Optional.empty();
        }
        String server = server(url);
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return Optional.of(line(server, "the host " + quoted(t.getMessage()) + " is not known", UNKNOWN_HOST));
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return Optional.of(line(server, "nothing accepts connections there (" + t.getMessage() + ")", NOT_LISTENING));
            }
            if (t instanceof SocketTimeoutException) {
                return Optional.of(line(server, "no answer (" + t.getMessage() + ")", NO_ANSWER));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                for (ConnectionFailure kind : values()) {
                    if (kind.sqlState != null && sql.getSQLState().startsWith(kind.sqlState)) {
                        return Optional.of(line(server, serverMessage(sql), kind));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String line(String server, String reason, ConnectionFailure kind) {
        return "cannot open the database " + server + ": " + reason + "; " + kind.check;
    }

    /**
     * host:port/database of a PostgreSQL URL, without its parameters (they may hold a password).
     */
    static String server(String url) {
        String rest = url.substring("jdbc:postgresql:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        return rest.startsWith("//") ? rest.substring(2) : rest;
    }

    /** The server's message without its severity ("FATAL: "), on one line. */
    private static String serverMessage(SQLException sql) {
        String message = sql.getMessage() == null ? sql.getClass().getSimpleName() : sql.getMessage();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline); // PgJDBC adds "Detail:"/"Hint:" lines
        }
        return message.replaceFirst("^[A-Z]+: ", "").strip().replaceFirst("\\.$", "");
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
