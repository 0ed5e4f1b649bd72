package org.disclosureetl.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the fixtures under src/test/resources/normalize/ and the seed reports (test resources seeds/, from data/inbox/txt). */
final class TestResources {

    static final String SEED_TRADITIONAL = "000_e61bf2b8057539f0.txt";
    static final String SEED_SIMPLIFIED = "002_2bd72b0ede0a148a.txt";
    static final List<String> SIMPLIFIED_SEEDS = List.of(
            "001_e299ec6f40b1d0d2.txt", SEED_SIMPLIFIED, "003_1c21803a08480ac6.txt", "004_48ee5ca18b0bc9b0.txt");

    private TestResources() {
    }

    /** A file of src/test/resources/normalize/. */
    static String read(String name) {
        return resource("normalize/" + name);
    }

    /** A seed report (data/inbox/txt, on the test class path as seeds/: the one copy the other fixtures are made from). */
    static String seed(String name) {
        return resource("seeds/" + name);
    }

    private static String resource(String path) {
        try (InputStream in = TestResources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Non-blank lines that are not '#' comments. */
    static List<String> dataLines(String name) {
        List<String> lines = new ArrayList<>();
        for (String line : read(name).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
