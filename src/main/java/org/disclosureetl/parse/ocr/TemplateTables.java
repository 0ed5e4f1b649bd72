package org.disclosureetl.parse.ocr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.disclosureetl.parse.Block;
import org.disclosureetl.vocabulary.ResourceCsv;

/**
 * Whether a Word document's own tables already hold every standardized table of one template generation
 * ({@code templates/tables.csv}, {@code templates/row-labels.csv}), so that its pictures need not be read: a report
 * whose table 1 is text and whose tables 2 and 3 are pasted screenshots does not, one with all its tables as text
 * does (its pictures are a logo, a stamp, a photo). A table counts as held when at least half of its rows with a
 * distinctive label (4 characters or more) have that label in some cell, or, for a table known only by its anchor
 * ({@code 行政复议}), when a cell holds the anchor. Deliberately loose: it only decides whether OCR runs, and the
 * extractor still judges every table.
 */
final class TemplateTables {

    /** One standardized table of a generation (a legacy variant separately): its label sets, or its anchor. */
    private record Table(String generation, String code, List<Set<String>> rows, String anchor) {
    }

    private final List<Table> tables;

    private TemplateTables(List<Table> tables) {
        this.tables = tables;
    }

    static TemplateTables fromTemplates() {
        Map<String, Map<String, Set<String>>> rows = new HashMap<>(); // table key -> row code -> label keys
        for (Map<String, String> row : ResourceCsv.read("templates/row-labels.csv")) {
            Set<String> labels = new HashSet<>();
            for (String label : row.get("labels").split("\\|")) {
                String key = NumberedLabels.key(label);
                if (key.length() >= NumberedLabels.MIN_LABEL) {
                    labels.add(key);
                }
            }
            if (!labels.isEmpty()) {
                rows.computeIfAbsent(key(row), k -> new HashMap<>()).computeIfAbsent(row.get("row_code"),
                        k -> new HashSet<>()).addAll(labels);
            }
        }
        List<Table> tables = new ArrayList<>();
        for (Map<String, String> table : ResourceCsv.read("templates/tables.csv")) {
            Map<String, Set<String>> labelled = rows.getOrDefault(key(table), Map.of());
            String anchor = table.get("anchor") == null ? "" : NumberedLabels.key(table.get("anchor"));
            if (!labelled.isEmpty() || !anchor.isEmpty()) {
                tables.add(new Table(table.get("format_version"), table.get("table_code"),
                        List.copyOf(labelled.values()), anchor));
            }
        }
        return new TemplateTables(List.copyOf(tables));
    }

    private static String key(Map<String, String> row) {
        return row.get("format_version") + "/" + row.get("table_code") + "/"
                + (row.get("variant") == null ? "" : row.get("variant"));
    }

    /** Whether the table rows among the blocks hold every table of some generation. */
    boolean holdAll(List<Block> blocks) {
        List<String> cells = blocks.stream().filter(Block.TableRow.class::isInstance)
                .flatMap(b -> ((Block.TableRow) b).cells().stream()).map(NumberedLabels::key)
                .filter(c -> !c.isEmpty()).toList();
        if (cells.isEmpty()) {
            return false;
        }
        Map<String, Map<String, Boolean>> held = new HashMap<>(); // generation -> table code -> held (any variant)
        for (Table table : tables) {
            held.computeIfAbsent(table.generation(), g -> new HashMap<>()).merge(table.code(), held(table, cells),
                    Boolean::logicalOr);
        }
        return held.values().stream().anyMatch(codes -> codes.values().stream().allMatch(Boolean::booleanValue));
    }

    private static boolean held(Table table, List<String> cells) {
        if (table.rows().isEmpty()) {
            return cells.stream().anyMatch(c -> c.contains(table.anchor()));
        }
        long found = table.rows().stream()
                .filter(labels -> labels.stream().anyMatch(l -> cells.stream().anyMatch(c -> c.contains(l)))).count();
        return found * 2 >= table.rows().size();
    }
}
