package org.disclosureetl.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Rewrites the H2 file when most of it is garbage, as the last thing a run does. H2 writes each commit's pages to
 * new space and, at close, compacts for at most {@code MAX_COMPACT_TIME} (200 ms): an ingest of 5,000 documents
 * left a 928 MB file holding 86 MB of data, and every later run's close then spent about a second compacting a
 * little of it (bench/README.md, "Sixth session"). {@code SHUTDOWN COMPACT} rewrites the file whole instead (4.2 s
 * for that file, 0.5 s after 300 documents), only when less than half of it is in use, so its cost follows what
 * runs wrote, and the runs after it start from a compact file. PostgreSQL cleans up after itself (autovacuum).
 */
@Component
public class H2Compaction {

    private static final Logger log = LoggerFactory.getLogger("progress");

    /** Below this a file is left to H2's own compaction at close: rewriting it would gain nothing worth the time. */
    static final long MIN_FILE_BYTES = 16L * 1024 * 1024;
    /** The share of the file in use below which it is rewritten. */
    static final int MIN_LIVE_PERCENT = 50;

    /** H2's code for a statement on a database that closed under it (org.h2.api.ErrorCode.DATABASE_IS_CLOSED). */
    private static final int DATABASE_CLOSED = 90121;

    private static final String FILE_SIZE = "info.FILE_SIZE";
    /** The share of the file's blocks taken by chunks, and of the chunks' pages still live (H2's own estimates). */
    private static final String FILL_RATE = "info.FILL_RATE";
    private static final String CHUNKS_FILL_RATE = "info.CHUNKS_FILL_RATE";
    private static final String STORE_INFO = "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME IN ('" + FILE_SIZE + "', '" + FILL_RATE + "', '" + CHUNKS_FILL_RATE + "')";

    private final DataSource dataSource;

    public H2Compaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Closes the H2 database with {@code SHUTDOWN COMPACT} when it is worth it; nothing may use the database after
     * it did (the process is about to exit). A compaction that fails leaves the file as it was and is only logged.
     *
     * @return whether the database was compacted (and closed)
     */
    public boolean compactIfMostlyGarbage() {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            log.warn("database: not compacted: {}", e.getMessage());
            return false;
        }
        boolean closed = false;
        try {
            if (!connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
                return false;
            }
            Map<String, String> info = new HashMap<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(STORE_INFO)) {
                while (rows.next()) {
                    info.put(rows.getString(1), rows.getString(2));
                }
            }
            if (info.size() < 3) {
                return false; // an in-memory database, or an H2 that does not tell
            }
            long fileBytes = Long.parseLong(info.get(FILE_SIZE));
            int livePercent = livePercent(Integer.parseInt(info.get(FILL_RATE)), Integer.parseInt(info.get(CHUNKS_FILL_RATE)));
            if (!worthCompacting(fileBytes, livePercent)) {
                return false;
            }
            log.info("database: compacting the file ({} MB, about {} % in use)", fileBytes >> 20, livePercent);
            long start = System.nanoTime();
            closed = true;
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                if (e.getErrorCode() != DATABASE_CLOSED) {
                    throw e;
                }
                // H2 closes the database, and with it this statement, as part of the command: that is success
            }
            log.info("database: compacted in {} ms", (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (SQLException | RuntimeException e) {
            log.warn("database: not compacted: {}", e.getMessage());
            return false;
        } finally {
            release(connection, closed);
        }
    }

    /**
     * Back to the pool, or out of it when its database was shut down: the pool's own close would call the closed
     * connection and have H2 log that call to a .trace.db file beside the database.
     */
    private void release(Connection connection, boolean databaseClosed) {
        try {
            if (databaseClosed && dataSource instanceof HikariDataSource pool) {
                pool.evictConnection(connection);
            } else {
                connection.close();
            }
        } catch (SQLException e) {
            log.debug("closing a connection: {}", e.getMessage());
        }
    }

    static int livePercent(int fillRate, int chunksFillRate) {
        return fillRate * chunksFillRate / 100;
    }

    static boolean worthCompacting(long fileBytes, int livePercent) {
        return fileBytes >= MIN_FILE_BYTES && livePercent < MIN_LIVE_PERCENT;
    }
}
