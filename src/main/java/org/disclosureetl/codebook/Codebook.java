package org.disclosureetl.codebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.disclosureetl.extract.IdentityRule;
import org.disclosureetl.vocabulary.Generation;
import org.disclosureetl.vocabulary.Generations;
import org.disclosureetl.vocabulary.ResourceCsv;
import org.springframework.stereotype.Component;

/**
 * The codebook of the exports, generated from the template files themselves
 * ({@code templates/canonical-cells.csv}, {@code templates/legacy-cells.csv},
 * {@code templates/identities.csv}) so that it cannot drift from what the extractor emits: a row
 * added to a template is in the next codebook, with its labels, generations, years and identities.
 * Only the English texts are kept apart, in {@code codebook/descriptions.csv} and
 * {@code codebook/rules.csv}; a cell they do not cover yet falls back to its Chinese labels and is
 * listed by {@link #undescribed()} (a test fails on it, a run does not).
 */
@Component
public class Codebook {

    static final List<String> CELL_FILES = List.of("templates/canonical-cells.csv", "templates/legacy-cells.csv");
    static final String IDENTITIES = "templates/identities.csv";
    public static final String RULES = "codebook/rules.csv";

    /** An accounting rule or extractor check that can appear in validation_issues.csv. */
    public record Rule(String rule, String kind, String description) {
    }

    /** A table and its English description. */
    public record Table(String tableCode, String description) {
    }

    private final List<CodebookEntry> entries;
    private final List<Table> tables;
    private final List<String> undescribed;
    private final List<Rule> rules;

    public Codebook() {
        this(new CellDescriptions());
    }

    Codebook(CellDescriptions descriptions) {
        List<Map<String, String>> identityRows = ResourceCsv.read(IDENTITIES);
        Map<String, Merged> merged = new LinkedHashMap<>();
        Map<String, String> tableTexts = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String file : CELL_FILES) {
            for (Map<String, String> r : ResourceCsv.read(file)) {
                String format = r.get("format_version");
                String table = r.get("table_code");
                String row = r.get("row_code");
                String column = r.get("column_code");
                var text = descriptions.cell(format, table, row, column);
                if (text.isEmpty()) {
                    missing.add(format + "/" + table + "/" + row + "/" + column);
                }
                var tableText = descriptions.table(format, table);
                if (tableText.isEmpty()) {
                    missing.add(format + "/" + table + "/*/*");
                }
                tableTexts.putIfAbsent(table, tableText.map(CellDescriptions.Text::description).orElse(table));
                Merged m = merged.computeIfAbsent(table + "/" + row + "/" + column,
                        k -> new Merged(table, row, column));
                m.rowLabels.add(r.get("row_label"));
                m.columnLabels.add(r.get("column_label"));
                m.formats.add(format);
                if (m.description == null && text.isPresent()) {
                    m.description = text.get().description();
                    m.unit = text.get().unit();
                }
                int[] years = years(format, r.get("years"));
                m.firstYear = Math.min(m.firstYear, years[0]);
                m.lastYear = m.lastYear == 0 || years[1] == 0 ? 0 : Math.max(m.lastYear, years[1]);
                m.identities.addAll(identitiesOf(identityRows, format, table, row, column));
            }
        }
        // A row's cells together (art20_1.rules: issued, repealed, in_force of 2021, then made, published,
        // total_published of 2019), tables and rows in the order they first appear in the files.
        Map<String, Integer> tableOrder = new LinkedHashMap<>();
        Map<String, Integer> rowOrder = new LinkedHashMap<>();
        for (Merged m : merged.values()) {
            tableOrder.putIfAbsent(m.table, tableOrder.size());
            rowOrder.putIfAbsent(m.table + "/" + m.row, rowOrder.size());
        }
        List<Merged> ordered = new ArrayList<>(merged.values());
        ordered.sort(java.util.Comparator.<Merged>comparingInt(m -> tableOrder.get(m.table))
                .thenComparingInt(m -> rowOrder.get(m.table + "/" + m.row)));
        List<CodebookEntry> built = new ArrayList<>();
        for (Merged m : ordered) {
            String rowLabel = String.join(" / ", m.rowLabels);
            String columnLabel = String.join(" / ", m.columnLabels);
            built.add(new CodebookEntry(m.table, m.row, m.column, rowLabel, columnLabel,
                    m.description != null ? m.description : rowLabel + " " + columnLabel,
                    m.unit == null ? "" : m.unit, List.copyOf(m.formats), m.firstYear,
                    m.lastYear == 0 ? null : m.lastYear, List.copyOf(m.identities)));
        }
        this.entries = List.copyOf(built);
        this.tables = tableTexts.entrySet().stream().map(e -> new Table(e.getKey(), e.getValue())).toList();
        this.undescribed = missing.stream().distinct().toList();
        this.rules = ResourceCsv.read(RULES).stream()
                .map(r -> new Rule(r.get("rule"), r.get("kind"), r.get("description"))).toList();
    }

    /** Every cell code any export can contain, tables in template order, rows and columns as printed. */
    public List<CodebookEntry> entries() {
        return entries;
    }

    public List<Table> tables() {
        return tables;
    }

    /** The validation rules and extractor checks, with what they mean. */
    public List<Rule> rules() {
        return rules;
    }

    /** format/table/row/column of every catalogue cell (and format/table/&#42;/&#42; of every table) without an English text. */
    public List<String> undescribed() {
        return undescribed;
    }

    /**
     * {first year, last year or 0 while in force} of a cell of a generation: its generation's years
     * ({@link Generations}), unless a {@code years} column of its cell file overrides them for the cell.
     */
    private static int[] years(String format, String override) {
        if (override != null && !override.isBlank()) {
            String[] parts = override.split("-", -1);
            int first = Integer.parseInt(parts[0].strip());
            int last = parts.length == 1 ? first : parts[1].isBlank() ? 0 : Integer.parseInt(parts[1].strip());
            return new int[] {first, last};
        }
        Generation generation = Generations.of(format);
        if (generation != null) {
            return new int[] {generation.firstYear(), generation.lastYear() == null ? 0 : generation.lastYear()};
        }
        throw new IllegalStateException("no report years known for format " + format + ": add it to " + Generations.RESOURCE
                + " or give the cells a years column");
    }

    /**
     * The rules of identities.csv that read this cell: an each_row rule names column codes and
     * holds in every row of its table, an each_column rule names row codes ({@code x.*} = the
     * direct children of x, as the validator reads it).
     */
    private static List<String> identitiesOf(List<Map<String, String>> rules, String format, String table,
                                             String row, String column) {
        List<String> names = new ArrayList<>();
        for (Map<String, String> rule : rules) {
            if (!rule.get("format_version").equals(format) || !rule.get("table_code").equals(table)) {
                continue;
            }
            String code = "each_row".equals(rule.get("scope")) ? column : row;
            boolean takesPart = false;
            for (String side : List.of(rule.get("lhs"), rule.get("rhs"))) {
                for (String term : side.split("\\+")) {
                    takesPart |= IdentityRule.names(term.strip(), code);
                }
            }
            if (takesPart) {
                names.add(rule.get("rule"));
            }
        }
        return names;
    }

    /** A cell code being merged over the generations that have it. */
    private static final class Merged {
        final String table;
        final String row;
        final String column;
        final Set<String> rowLabels = new LinkedHashSet<>();
        final Set<String> columnLabels = new LinkedHashSet<>();
        final Set<String> formats = new LinkedHashSet<>();
        final Set<String> identities = new LinkedHashSet<>();
        String description;
        String unit;
        int firstYear = Integer.MAX_VALUE;
        int lastYear = -1;

        Merged(String table, String row, String column) {
            this.table = table;
            this.row = row;
            this.column = column;
        }
    }
}
