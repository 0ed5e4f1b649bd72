package org.disclosureetl.codebook;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.disclosureetl.vocabulary.ResourceCsv;

/**
 * The English texts of {@code codebook/descriptions.csv}, keyed by format/table/row/column. A key
 * part may be {@code *}: a row's description ({@code column_code=*}) and a column's
 * ({@code row_code=*}) are composed into the cell's, so one line per row and one per column cover a
 * whole table; {@code format_version=*} holds for every generation. An exact cell line wins over
 * the composition, a format-specific line over a {@code *} one.
 */
public final class CellDescriptions {

    public static final String RESOURCE = "codebook/descriptions.csv";

    /** A text and the unit of what is counted (may be empty). */
    public record Text(String description, String unit) {
    }

    private final Map<String, Text> texts = new HashMap<>();

    public CellDescriptions() {
        this(RESOURCE);
    }

    /** From another descriptions file on the class path (tests). */
    CellDescriptions(String resource) {
        for (Map<String, String> r : ResourceCsv.read(resource)) {
            texts.put(key(r.get("format_version"), r.get("table_code"), r.get("row_code"), r.get("column_code")),
                    new Text(r.get("description"), r.getOrDefault("unit", "")));
        }
    }

    /** The description of one cell of one generation, or empty when descriptions.csv does not cover it. */
    public Optional<Text> cell(String format, String table, String row, String column) {
        Text exact = find(format, table, row, column);
        if (exact != null) {
            return Optional.of(exact);
        }
        Text rowText = find(format, table, row, "*");
        Text columnText = find(format, table, "*", column);
        if (rowText == null || columnText == null) {
            return Optional.empty();
        }
        String description = columnText.description().isEmpty() ? rowText.description()
                : rowText.description() + ": " + columnText.description();
        String unit = !columnText.unit().isEmpty() ? columnText.unit() : rowText.unit();
        return Optional.of(new Text(description, unit));
    }

    /** The description of a whole table ({@code row_code=*, column_code=*}). */
    public Optional<Text> table(String format, String table) {
        return Optional.ofNullable(find(format, table, "*", "*"));
    }

    private Text find(String format, String table, String row, String column) {
        Text specific = texts.get(key(format, table, row, column));
        return specific != null ? specific : texts.get(key("*", table, row, column));
    }

    private static String key(String format, String table, String row, String column) {
        return format + "/" + table + "/" + row + "/" + column;
    }
}
