package org.disclosureetl.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The scratch files behind every file written to the output folder (CSV, codebook, workbook, run
 * report): hidden, named after the file they become, and created with the umask's permissions (not
 * {@code createTempFile}'s owner-only ones), since analysts of the group read the files they become.
 */
public final class OutputFiles {

    /** What an interrupted export or report leaves behind: removed at the next export. */
    static final Pattern SCRATCH = Pattern.compile("\\.(documents|observations|validation_issues|failures|codebook|review)"
            + "\\.(csv|md)[.\\w]*\\.tmp|\\.(report\\.html|dataset\\.html|disclosure\\.xlsx|review\\.xlsx)[.\\w]*\\.tmp");

    private OutputFiles() {
    }

    /** Replaces {@code target} by {@code temp} in one step where the file system can (a reader sees the old or the new file). */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code name} in {@code folder} through a scratch file renamed into place: whole or not at all. */
    static void writeAtomically(Path folder, String name, byte[] bytes) throws IOException {
        Path temp = newScratch(folder, name);
        try {
            Files.write(temp, bytes);
            moveIntoPlace(temp, folder.resolve(name));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A new hidden scratch file in {@code folder} that will become {@code name}. */
    public static Path newScratch(Path folder, String name) throws IOException {
        while (true) {
            Path temp = folder.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1)
                    + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                // another name
            }
        }
    }
}
