package org.disclosureetl.export;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the last complete export of every document into a folder wrote: the data fingerprint it was
 * written from (store/ExportQueries#dataFingerprint), its format and options, and each file's size
 * and rows. It lives in {@code <output>/.export/manifest.properties}; an export deletes it before
 * writing anything and writes it (to a temp file, renamed) only after every file is in place, so an
 * export killed midway leaves no manifest and the next run exports again.
 */
final class ExportManifest {

    /** The output's schema ({@link OutputSchema#VERSION}): a build with other columns exports again on its first run. */
    static final String FORMAT = OutputSchema.VERSION;

    private static final String STATE_FOLDER = ".export";
    private static final String FILE = "manifest.properties";

    private ExportManifest() {
    }

    /** The hidden folder of the export's own state (manifest, fragments) in an output folder. */
    static Path stateFolder(Path outputFolder) {
        return outputFolder.resolve(STATE_FOLDER);
    }

    /**
     * The rows per file of the export recorded in {@code folder}, when it was written from the same
     * data with the same format and options and its files are all still there with their sizes.
     */
    static Optional<Map<String, Long>> upToDate(Path folder, String fingerprint, ExportOptions options,
                                                List<String> files) throws IOException {
        Properties manifest = new Properties();
        try (Reader in = Files.newBufferedReader(stateFolder(folder).resolve(FILE), StandardCharsets.UTF_8)) {
            manifest.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!FORMAT.equals(manifest.getProperty("format")) || !fingerprint.equals(manifest.getProperty("data"))
                || !String.valueOf(options.excelBom()).equals(manifest.getProperty("bom"))) {
            return Optional.empty();
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String file : files) {
            Path path = folder.resolve(file);
            String size = manifest.getProperty("size." + file);
            String count = manifest.getProperty("rows." + file);
            if (size == null || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(path) != Long.parseLong(size)) {
                return Optional.empty();
            }
            if (count != null) {
                rows.put(file, Long.parseLong(count));
            }
        }
        return Optional.of(rows);
    }

    /** Before an export writes anything: whatever it leaves, no manifest vouches for it. */
    static void invalidate(Path folder) throws IOException {
        Files.deleteIfExists(stateFolder(folder).resolve(FILE));
    }

    /** After every file of the export is in place. */
    static void record(Path folder, String fingerprint, ExportOptions options, List<String> files,
                       Map<String, Long> rows) throws IOException {
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("data", fingerprint);
        manifest.setProperty("bom", String.valueOf(options.excelBom()));
        for (String file : files) {
            manifest.setProperty("size." + file, String.valueOf(Files.size(folder.resolve(file))));
            Long count = rows.get(file);
            if (count != null) {
                manifest.setProperty("rows." + file, String.valueOf(count));
            }
        }
        StringWriter text = new StringWriter();
        manifest.store(text, null);
        OutputFiles.writeAtomically(Files.createDirectories(stateFolder(folder)), FILE,
                text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
