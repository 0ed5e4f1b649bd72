package org.disclosureetl.store;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files seen under the input folder, by relative path, and the content each one held last. */
@Repository
public class SourceFileRepository {

    public record SourceFile(String path, String sha256, String documentId, boolean present) {
    }

    private final JdbcClient jdbc;

    public SourceFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SourceFile> find(String path) {
        return jdbc.sql("SELECT path, sha256, document_id, present FROM source_file WHERE path = ?")
                .param(path)
                .query((rs, n) -> new SourceFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional();
    }

    public void insert(String path, String sha256, long size, String documentId, long runId) {
        jdbc.sql("""
                        INSERT INTO source_file (path, sha256, size_bytes, document_id, present, first_seen_run, last_seen_run)
                        VALUES (?, ?, ?, ?, TRUE, ?, ?)""")
                .params(path, sha256, size, documentId, runId, runId).update();
    }

    public void update(String path, String sha256, long size, String documentId, long runId) {
        jdbc.sql("""
                        UPDATE source_file SET sha256 = ?, size_bytes = ?, document_id = ?, present = TRUE, last_seen_run = ?
                        WHERE path = ?""")
                .params(sha256, size, documentId, runId, path).update();
    }

    /** Paths still marked present that this run did not see: their files were deleted. */
    public List<SourceFile> presentNotSeenIn(long runId) {
        return jdbc.sql("""
                        SELECT path, sha256, document_id, present FROM source_file
                        WHERE present AND (last_seen_run IS NULL OR last_seen_run <> ?)""")
                .param(runId)
                .query((rs, n) -> new SourceFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** The file is still there (though unreadable now): keep it from being taken for deleted. */
    public void markSeen(String path, long runId) {
        jdbc.sql("UPDATE source_file SET last_seen_run = ? WHERE path = ?").params(runId, path).update();
    }

    public void markAbsent(String path) {
        jdbc.sql("UPDATE source_file SET present = FALSE WHERE path = ?").param(path).update();
    }

    /** One present path that holds the document's content, if any is left. */
    public Optional<String> presentPathOf(String documentId) {
        return jdbc.sql("SELECT MIN(path) FROM source_file WHERE document_id = ? AND present")
                .param(documentId).query(String.class).optional();
    }

}
