package org.disclosureetl.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.testsupport.IngestDatabaseTest;
import org.disclosureetl.testsupport.TemporaryDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The discover stage on real files and a real H2 file database: what a scan counts and what it leaves
 * in the source_file and document tables for new, unchanged, changed, deleted and unreadable files.
 */
@IngestDatabaseTest
class InboxScannerTest {

    /** Reading it fails with EIO, even for root (chmod does not stop root): the project's unreadable file. */
    private static final Path UNREADABLE = Path.of("/proc/self/mem");
    private static final Discovery.Unreadable UNREADABLE_LINK = new Discovery.Unreadable("unreadable.txt",
            ErrorType.READ_ERROR, "the file cannot be read: Input/output error");

    @Autowired
    InboxScanner scanner;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path inbox;

    record DocumentRow(String documentId, String sourceFile, String status, boolean present) {
    }

    record SourceFileRow(String path, String documentId, boolean present, long firstSeenRun, long lastHashedRun) {
    }

    @BeforeEach
    void emptyDatabase() {
        TemporaryDatabase.deleteAllRows(jdbc);
    }

    @Test
    void aFirstScanRegistersEveryReadableFileAsAPendingDocumentAndReportsTheUnreadableOne() throws IOException {
        write("a.txt", "报告甲");
        write("sub/b.txt", "报告乙");
        write("sub/b-copy.txt", "报告乙"); // the same content at a second path: one document
        write(".hidden/c.txt", "报告丙");   // hidden folders are not the inbox's
        write(".d.txt", "报告丁");
        Files.createSymbolicLink(inbox.resolve("unreadable.txt"), UNREADABLE);

        Discovery discovery = scanner.scan(inbox, 1);

        assertThat(discovery).isEqualTo(new Discovery(4, 3, 0, 0, 0, List.of(UNREADABLE_LINK)));
        assertThat(documents()).containsExactlyInAnyOrder(
                new DocumentRow(id("报告甲"), "a.txt", "pending", true),
                new DocumentRow(id("报告乙"), "sub/b-copy.txt", "pending", true));
        assertThat(sourceFiles()).containsExactly(
                new SourceFileRow("a.txt", id("报告甲"), true, 1, 1),
                new SourceFileRow("sub/b-copy.txt", id("报告乙"), true, 1, 1),
                new SourceFileRow("sub/b.txt", id("报告乙"), true, 1, 1));
    }

    @Test
    void aSecondScanTellsUnchangedChangedDeletedAndNewFilesApart() throws IOException {
        write("unchanged.txt", "报告甲");
        write("changed.txt", "报告乙");
        write("deleted.txt", "报告丙");
        scanner.scan(inbox, 1);
        jdbc.sql("UPDATE document SET status = 'extracted'").update();

        write("changed.txt", "报告乙，改过");
        Files.delete(inbox.resolve("deleted.txt"));
        write("new.txt", "报告丁");
        Discovery discovery = scanner.scan(inbox, 2);

        assertThat(discovery).isEqualTo(new Discovery(3, 1, 1, 1, 1, List.of()));
        // the old content of changed.txt is nowhere else: its document is gone; the deleted file's stays, absent
        assertThat(documents()).containsExactlyInAnyOrder(
                new DocumentRow(id("报告甲"), "unchanged.txt", "extracted", true),
                new DocumentRow(id("报告乙，改过"), "changed.txt", "pending", true),
                new DocumentRow(id("报告丙"), "deleted.txt", "extracted", false),
                new DocumentRow(id("报告丁"), "new.txt", "pending", true));
        assertThat(sourceFiles()).containsExactly(
                new SourceFileRow("changed.txt", id("报告乙，改过"), true, 1, 2),
                new SourceFileRow("deleted.txt", id("报告丙"), false, 1, 1),
                new SourceFileRow("new.txt", id("报告丁"), true, 2, 2),
                new SourceFileRow("unchanged.txt", id("报告甲"), true, 1, 2));

        Discovery third = scanner.scan(inbox, 3);

        assertThat(third).isEqualTo(new Discovery(3, 0, 0, 3, 0, List.of()));
    }

    @Test
    void aChangedFilesOldContentInANewFileKeepsItsDocumentAndItsResults() throws IOException {
        write("a.txt", "报告甲");
        scanner.scan(inbox, 1);
        jdbc.sql("UPDATE document SET status = 'extracted'").update();

        // a.txt's old content moved to a new file that sorts after it, and a.txt got new content
        write("b.txt", "报告甲");
        write("a.txt", "报告乙");
        Discovery discovery = scanner.scan(inbox, 2);

        assertThat(discovery).isEqualTo(new Discovery(2, 1, 1, 0, 0, List.of()));
        // new files are registered before changed ones are retired: the extracted document stays, now at b.txt
        assertThat(documents()).containsExactlyInAnyOrder(
                new DocumentRow(id("报告甲"), "b.txt", "extracted", true),
                new DocumentRow(id("报告乙"), "a.txt", "pending", true));
        assertThat(sourceFiles()).containsExactly(
                new SourceFileRow("a.txt", id("报告乙"), true, 1, 2),
                new SourceFileRow("b.txt", id("报告甲"), true, 2, 2));
    }

    @Test
    void aFileThatTurnsUnreadableIsNeitherChangedNorDeletedAndADeletedFileThatComesBackIsPresentAgain()
            throws IOException {
        write("unreadable.txt", "报告甲");
        write("back.txt", "报告乙");
        scanner.scan(inbox, 1);
        Files.delete(inbox.resolve("back.txt"));
        assertThat(scanner.scan(inbox, 2)).isEqualTo(new Discovery(1, 0, 0, 1, 1, List.of()));

        Files.delete(inbox.resolve("unreadable.txt"));
        Files.createSymbolicLink(inbox.resolve("unreadable.txt"), UNREADABLE);
        write("back.txt", "报告乙");
        Discovery discovery = scanner.scan(inbox, 3);

        assertThat(discovery).isEqualTo(new Discovery(2, 0, 0, 1, 0, List.of(UNREADABLE_LINK)));
        assertThat(documents()).containsExactlyInAnyOrder(
                new DocumentRow(id("报告甲"), "unreadable.txt", "pending", true),
                new DocumentRow(id("报告乙"), "back.txt", "pending", true));
        assertThat(sourceFiles()).containsExactly(
                new SourceFileRow("back.txt", id("报告乙"), true, 1, 3),
                // not read in run 3: its row still holds the content run 2 hashed
                new SourceFileRow("unreadable.txt", id("报告甲"), true, 1, 2));
    }

    @Test
    void anInputFolderThatIsNotThereFailsTheScan() {
        Path missing = inbox.resolve("missing");

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(IOException.class, () -> scanner.scan(missing, 1)))
                .hasMessage("input folder " + missing + " does not exist or is not a folder");
        assertThat(documents()).isEmpty();
    }

    private void write(String name, String text) throws IOException {
        Path file = inbox.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The document id of a text: the first 16 hex digits of the SHA-256 of its UTF-8 bytes. */
    private static String id(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DocumentRow> documents() {
        return jdbc.sql("SELECT document_id, source_file, status, present FROM document")
                .query(DocumentRow.class).list();
    }

    private List<SourceFileRow> sourceFiles() {
        return jdbc.sql("SELECT path, document_id, present, first_seen_run, last_hashed_run FROM source_file ORDER BY path")
                .query(SourceFileRow.class).list();
    }
}
