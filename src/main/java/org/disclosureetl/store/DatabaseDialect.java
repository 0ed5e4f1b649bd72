package org.disclosureetl.store;

import java.util.Locale;

/**
 * The databases the job runs on, told by their JDBC URL. Anything else is refused before a connection
 * is tried: a driver the jar does not carry would otherwise fail deep inside the connection pool.
 */
public enum DatabaseDialect {
    /** an H2 file in this process (the default; one process at a time) */
    H2("jdbc:h2:"),
    /** a PostgreSQL server (several processes: workers, analysts' queries) */
    POSTGRESQL("jdbc:postgresql:");

    private final String prefix;

    DatabaseDialect(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The dialect of a JDBC URL.
     *
     * @throws IllegalArgumentException naming the URL's vendor, for a database the job does not run on
     */
    public static DatabaseDialect of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (DatabaseDialect dialect : values()) {
            if (lower.startsWith(dialect.prefix)) {
                return dialect;
            }
        }
        String vendor = lower.startsWith("jdbc:") ? lower.substring(5).replaceFirst("[:/].*$", "") : url;
        throw new IllegalArgumentException("unsupported database '" + vendor + "' in " + url
                + ": --db takes an H2 file path or a jdbc:postgresql: URL");
    }

    /** Whether several processes can open it at once (the manager and its workers). */
    public boolean shared() {
        return this == POSTGRESQL;
    }
}
