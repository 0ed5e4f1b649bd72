package org.disclosureetl.vocabulary;

import java.util.List;
import java.util.Map;

/**
 * The template generations of {@code templates/generations.csv}, newest first (the order the extractor tries
 * them in), read once: the extractor's catalogue and the codebook both take the years of a generation from here.
 */
public final class Generations {

    public static final String RESOURCE = "templates/generations.csv";

    /** The generations the application knows. */
    public static final List<Generation> ALL = read(RESOURCE);

    private Generations() {
    }

    static List<Generation> read(String resource) {
        return ResourceCsv.read(resource).stream().map(Generations::generation).toList();
    }

    private static Generation generation(Map<String, String> r) {
        String last = r.get("last_year");
        return new Generation(r.get("format_version"), Integer.parseInt(r.get("first_year")),
                last.isEmpty() ? null : Integer.valueOf(last));
    }

    /** The generation of a format code, or null for a code generations.csv does not list. */
    public static Generation of(String formatVersion) {
        return ALL.stream().filter(g -> g.formatVersion().equals(formatVersion)).findFirst().orElse(null);
    }

    /** The generation that is the official form of a report year, or null (no year, or before the first form). */
    public static String formatForYear(Integer year) {
        if (year == null) {
            return null;
        }
        return ALL.stream().filter(g -> g.covers(year)).map(Generation::formatVersion).findFirst().orElse(null);
    }
}
