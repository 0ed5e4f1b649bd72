package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.disclosureetl.vocabulary.Generation;
import org.disclosureetl.vocabulary.Generations;
import org.disclosureetl.vocabulary.ResourceCsv;
import org.springframework.stereotype.Component;

/**
 * The official templates, read from {@code templates/*.csv}: which cells exist
 * ({@code canonical-cells.csv}, the output contract, and {@code legacy-cells.csv}), how their rows
 * are labelled ({@code row-labels.csv}), how each table is laid out ({@code tables.csv}) and which
 * labels tell the generations apart ({@code format-clues.csv}) and which accounting identities hold
 * ({@code identities.csv}). The generations and their report years are read once by {@link Generations}.
 */
@Component
public class TemplateCatalog {

    /** Codes of the cells file reserved for indicators a report prints but the catalogue lacks. */
    public static final String SPARE_ROW_PREFIX = "x.unlisted.";

    private static final String TEMPLATES = "templates/";

    private final Map<String, List<TableTemplate>> tablesByFormat = new LinkedHashMap<>();
    private final List<FormatClue> clues = new ArrayList<>();
    private final List<IdentityRule> identities = new ArrayList<>();
    private final Map<CellKey, CellLabels> cellLabels = new HashMap<>();
    /** Each template's row labels indexed once for the flattened reader's search (RowLabelAlignment). */
    private final Map<TableTemplate, RowLabelIndex> labelIndexes;
    /** {@link #placedIdentities}, filled as tables are solved (documents are extracted on several threads). */
    private final Map<Placement, List<PlacedIdentity>> placed = new ConcurrentHashMap<>();

    public record FormatClue(String formatVersion, int weight, String key) {
    }

    /** How the template of a generation labels one cell: its row and its column. */
    public record CellLabels(String rowLabel, String columnLabel) {
    }

    public TemplateCatalog() {
        Map<String, Map<String, Map<String, List<TableTemplate.Column>>>> columns = new LinkedHashMap<>();
        Map<String, String> rowLabels = new LinkedHashMap<>();
        Consumer<Map<String, String>> cell = r -> {
            columns.computeIfAbsent(r.get("format_version"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.get("table_code"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.get("row_code"), k -> new ArrayList<>())
                    .add(new TableTemplate.Column(r.get("column_code"), r.get("column_label")));
            rowLabels.putIfAbsent(r.get("format_version") + "/" + r.get("table_code") + "/" + r.get("row_code"),
                    r.get("row_label"));
            cellLabels.putIfAbsent(new CellKey(r.get("format_version"), r.get("table_code"), r.get("row_code"),
                    r.get("column_code")), new CellLabels(r.get("row_label"), r.get("column_label")));
        };
        read("canonical-cells.csv", cell);
        read("legacy-cells.csv", cell);

        // format/table/variant -> its labelled rows in printed order
        Map<String, List<Map<String, String>>> labelled = new LinkedHashMap<>();
        read("row-labels.csv", r -> labelled.computeIfAbsent(
                r.get("format_version") + "/" + r.get("table_code") + "/" + r.get("variant"), k -> new ArrayList<>()).add(r));

        // a column that only some printed forms carry is no base column of any form of the table
        List<Map<String, String>> tables = ResourceCsv.read(TEMPLATES + "tables.csv");
        Map<String, List<String>> optionalCodes = new LinkedHashMap<>();
        tables.forEach(r -> {
            if (!r.get("optional_column").isEmpty()) {
                optionalCodes.computeIfAbsent(r.get("format_version") + "/" + r.get("table_code"), k -> new ArrayList<>())
                        .add(r.get("optional_column"));
            }
        });
        tables.forEach(r -> {
            String format = r.get("format_version");
            String table = r.get("table_code");
            String variant = r.get("variant");
            Map<String, List<TableTemplate.Column>> tableRows = columns.getOrDefault(format, Map.of()).get(table);
            if (tableRows == null) {
                throw new IllegalStateException("tables.csv names " + format + "/" + table + " which has no cells");
            }
            TableTemplate.OptionalColumn optional = r.get("optional_column").isEmpty() ? null
                    : new TableTemplate.OptionalColumn(r.get("optional_column"), r.get("optional_column_label"),
                            LabelKey.of(r.get("optional_column_clue")).key());
            TableTemplate.Layout layout = TableTemplate.Layout.valueOf(r.get("layout").toUpperCase(Locale.ROOT));
            List<TableTemplate.Row> templateRows = new ArrayList<>();
            List<TableTemplate.Row> spareRows = new ArrayList<>();
            List<String> optionalHere = optionalCodes.getOrDefault(format + "/" + table, List.of());
            tableRows.forEach((rowCode, rowColumns) -> {
                if (rowCode.startsWith(SPARE_ROW_PREFIX)) {
                    spareRows.add(new TableTemplate.Row(rowCode, rowLabels.get(format + "/" + table + "/" + rowCode), null,
                            false, List.of(), rowColumns.stream().filter(c -> !optionalHere.contains(c.code())).toList(),
                            null));
                }
            });
            if (layout == TableTemplate.Layout.RUN) {
                tableRows.forEach((rowCode, rowColumns) -> templateRows.add(new TableTemplate.Row(rowCode,
                        rowLabels.get(format + "/" + table + "/" + rowCode), null, false, List.of(), rowColumns, null)));
            } else {
                List<Map<String, String>> rows = labelled.get(format + "/" + table + "/" + variant);
                if (rows == null) {
                    throw new IllegalStateException(format + "/" + table + "/" + variant + " has no rows in row-labels.csv");
                }
                for (Map<String, String> row : rows) {
                    templateRows.add(row(format, table, row, tableRows, rowLabels,
                            optionalCodes.getOrDefault(format + "/" + table, List.of())));
                }
            }
            tablesByFormat.computeIfAbsent(format, k -> new ArrayList<>()).add(new TableTemplate(format, table, variant,
                    layout, LabelKey.of(r.get("anchor")).key(), optional, templateRows, spareRows));
        });

        read("identities.csv", r -> identities.add(new IdentityRule(r.get("format_version"), r.get("rule"),
                r.get("table_code"), IdentityRule.Scope.valueOf(r.get("scope").toUpperCase(Locale.ROOT)),
                List.of(r.get("lhs").split("\\+")), List.of(r.get("rhs").split("\\+")),
                IdentityRule.Relation.of(r.get("relation")), r.get("variant"))));
        read("format-clues.csv", r -> clues.add(new FormatClue(r.get("format_version"),
                Integer.parseInt(r.get("weight")), LabelKey.of(r.get("label")).key())));
        Map<TableTemplate, RowLabelIndex> indexes = new IdentityHashMap<>();
        tablesByFormat.values().forEach(list -> list.forEach(t -> indexes.put(t, RowLabelIndex.of(t))));
        labelIndexes = Collections.unmodifiableMap(indexes);
    }

    /**
     * A table's identities placed on its cells ({@link PlacedIdentity#placeAll}), worked out once per table (as printed,
     * with or without its optional column) and rules: the solver asks for them on every reading of every document.
     */
    List<PlacedIdentity> placedIdentities(TableTemplate table, List<IdentityRule> rules) {
        return placed.computeIfAbsent(new Placement(table, List.copyOf(rules)),
                key -> List.copyOf(PlacedIdentity.placeAll(key.table(), key.rules())));
    }

    /** What identities are placed for: a table (compared by value: a widened table is built anew each time) and its rules. */
    private record Placement(TableTemplate table, List<IdentityRule> rules) {
    }

    /** The index of a template's row labels: built with the catalogue for its own templates, else now. */
    RowLabelIndex labelIndex(TableTemplate template) {
        RowLabelIndex index = labelIndexes.get(template);
        return index != null ? index : RowLabelIndex.of(template);
    }

    private static TableTemplate.Row row(String format, String table, Map<String, String> r,
                                         Map<String, List<TableTemplate.Column>> tableRows,
                                         Map<String, String> rowLabels, List<String> optionalCodes) {
        String rowCode = r.get("row_code");
        List<String> keys = new ArrayList<>();
        for (String label : r.get("labels").split("\\|")) {
            keys.add(LabelKey.of(label).key());
        }
        String numbering = r.get("numbering").isEmpty() ? null : LabelKey.of(r.get("numbering") + "、").numbering();
        if (numbering == null && !r.get("numbering").isEmpty()) {
            numbering = r.get("numbering");
        }
        String aggregates = r.get("aggregates").isEmpty() ? null : r.get("aggregates");
        List<TableTemplate.Column> rowColumns = tableRows.get(rowCode);
        String label = rowLabels.get(format + "/" + table + "/" + rowCode);
        if (aggregates != null) {
            // a row printed instead of a group has the group's columns and no cells of its own
            rowColumns = tableRows.entrySet().stream().filter(e -> IdentityRule.names(aggregates, e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalStateException(
                            "row-labels.csv: " + rowCode + " aggregates " + aggregates + ", which names no row"));
            label = (r.get("numbering") + r.get("labels").split("\\|")[0]).strip();
        }
        if (rowColumns == null) {
            throw new IllegalStateException("row-labels.csv names " + format + "/" + table + "/" + rowCode
                    + " which has no cells");
        }
        List<TableTemplate.Column> base = rowColumns.stream()
                .filter(c -> !optionalCodes.contains(c.code())).toList();
        return new TableTemplate.Row(rowCode, label, numbering, "yes".equals(r.get("required")), keys, base, aggregates);
    }

    /** The generations' codes, newest first ({@code 2021}, {@code 2019}, {@code legacy}). */
    public List<String> formats() {
        return Generations.ALL.stream().map(Generation::formatVersion).toList();
    }

    public List<Generation> generations() {
        return Generations.ALL;
    }

    /** The generation that is the official form of a report year, or null (no year, or before the first form). */
    public String formatForYear(Integer year) {
        return Generations.formatForYear(year);
    }

    public List<TableTemplate> tables(String formatVersion) {
        List<TableTemplate> tables = tablesByFormat.get(formatVersion);
        if (tables == null) {
            throw new IllegalArgumentException("no template for format " + formatVersion);
        }
        return tables;
    }

    /** The accounting identities of a template generation ({@code identities.csv}), for every variant. */
    public List<IdentityRule> identities(String formatVersion) {
        return identities.stream().filter(rule -> rule.formatVersion().equals(formatVersion)).toList();
    }

    /** The identities that hold in one table as printed in one variant. */
    public List<IdentityRule> identities(String formatVersion, String tableCode, String variant) {
        return identities.stream().filter(rule -> rule.formatVersion().equals(formatVersion)
                && rule.tableCode().equals(tableCode) && rule.appliesTo(variant == null ? "" : variant)).toList();
    }

    /**
     * The labels the cells files give a cell of a generation, or null for a cell they do not list. The
     * store keeps a cell's labels only where they differ from these (store/DocumentRepository), so this
     * is also how the stored cells get their labels back.
     */
    public CellLabels labels(String formatVersion, String tableCode, String rowCode, String columnCode) {
        return cellLabels.get(new CellKey(formatVersion, tableCode, rowCode, columnCode));
    }

    /** A cell of a generation; a record rather than a joined string, since every stored cell is looked up. */
    private record CellKey(String formatVersion, String tableCode, String rowCode, String columnCode) {
    }

    public List<FormatClue> clues() {
        return List.copyOf(clues);
    }

    private static void read(String name, Consumer<Map<String, String>> consumer) {
        ResourceCsv.read(TEMPLATES + name).forEach(consumer);
    }
}
