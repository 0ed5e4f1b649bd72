package org.disclosureetl.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A new H2 file database starts as a copy of an empty one that {@code mvn package} made with every migration
 * applied (pom.xml, execution {@code class-data-archive}), as PostgreSQL makes a new database from its
 * {@code template1}. Building Flyway and running the migrations on a new file took about 0.4 s of a fresh
 * process (README "Start-up"): the first run of every new database paid it, a small one most of all.
 * The copy is then current, so {@link SchemaMigrations} leaves it alone; a database that exists is never touched.
 */
final class NewDatabaseTemplate {

    /** The URLs this applies to: {@code DisclosureEtlApplication.h2Url}'s form, an H2 file by absolute path. */
    static final String H2_FILE_URL = "jdbc:h2:file:";
    /** The file H2 keeps a database in, beside the path its URL names. */
    static final String H2_FILE_SUFFIX = ".mv.db";

    private NewDatabaseTemplate() {
    }

    /** The file an H2 file URL opens, or empty for any other URL (a server, PostgreSQL, an in-memory database). */
    static Optional<Path> databaseFile(String url) {
        if (url == null || !url.startsWith(H2_FILE_URL)) {
            return Optional.empty();
        }
        String path = url.substring(H2_FILE_URL.length());
        int options = path.indexOf(';');
        path = options < 0 ? path : path.substring(0, options);
        Path database = Path.of(path);
        return database.isAbsolute() ? Optional.of(database.resolveSibling(database.getFileName() + H2_FILE_SUFFIX))
                : Optional.empty();
    }

    /**
     * Makes the database {@code url} opens a copy of {@code template} when that database does not exist yet.
     * The copy appears under its name in one step (a hard link to a finished copy), so a second process starting
     * on the same new database sees either no file or the whole one, and an existing file is never replaced.
     *
     * @return whether the database was made from the template
     * @throws IOException when the copy could not be made; nothing is left behind, and the migrations make the
     *                     database instead
     */
    static boolean createIfAbsent(String url, Path template) throws IOException {
        Optional<Path> database = databaseFile(url);
        if (template == null || database.isEmpty() || Files.exists(database.get()) || !Files.isRegularFile(template)) {
            return false;
        }
        Path file = database.get();
        Files.createDirectories(file.getParent());
        Path copy = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
        try {
            Files.copy(template, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.createLink(file, copy);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false; // another process made it first
        } catch (UnsupportedOperationException e) {
            return false; // a file system without hard links: the migrations make it
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
