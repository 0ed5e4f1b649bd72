package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One accounting identity laid on a table's cells: {@code sum(lhs) relation sum(rhs)} over concrete
 * slots. An {@link IdentityRule.Scope#EACH_ROW} rule gives one per row that has all its columns, an
 * {@link IdentityRule.Scope#EACH_COLUMN} rule one per column.
 */
record PlacedIdentity(IdentityRule rule, List<TableSolver.Slot> lhs, List<TableSolver.Slot> rhs) {

    PlacedIdentity {
        lhs = List.copyOf(lhs);
        rhs = List.copyOf(rhs);
    }

    /** Every rule on every row or column of the table it names cells of, rule by rule in order. */
    static List<PlacedIdentity> placeAll(TableTemplate table, List<IdentityRule> rules) {
        List<PlacedIdentity> placed = new ArrayList<>();
        List<TableTemplate.Row> rows = table.rows();
        for (IdentityRule rule : rules) {
            if (rule.scope() == IdentityRule.Scope.EACH_ROW) {
                for (int r = 0; r < rows.size(); r++) {
                    List<TableSolver.Slot> lhs = columnSlots(rows.get(r), r, rule.lhs());
                    List<TableSolver.Slot> rhs = columnSlots(rows.get(r), r, rule.rhs());
                    if (!lhs.isEmpty() && !rhs.isEmpty() && covers(rows.get(r), rule.lhs()) && covers(rows.get(r), rule.rhs())) {
                        placed.add(new PlacedIdentity(rule, lhs, rhs));
                    }
                }
            } else {
                Set<String> columns = new LinkedHashSet<>();
                rows.forEach(row -> row.columns().forEach(c -> columns.add(c.code())));
                for (String column : columns) {
                    List<TableSolver.Slot> lhs = rowSlots(rows, column, rule.lhs());
                    List<TableSolver.Slot> rhs = rowSlots(rows, column, rule.rhs());
                    if (!lhs.isEmpty() && !rhs.isEmpty()) {
                        placed.add(new PlacedIdentity(rule, lhs, rhs));
                    }
                }
            }
        }
        return placed;
    }

    /**
     * Whether the identity holds on the values, through the one evaluator ({@link IdentityCheck}):
     * a slot without a value is a blank cell.
     */
    IdentityCheck.Outcome check(Map<TableSolver.Slot, BigDecimal> values) {
        List<BigDecimal> left = new ArrayList<>(lhs.size());
        for (TableSolver.Slot slot : lhs) {
            left.add(values.get(slot));
        }
        List<BigDecimal> right = new ArrayList<>(rhs.size());
        for (TableSolver.Slot slot : rhs) {
            right.add(values.get(slot));
        }
        return IdentityCheck.check(rule.relation(), left, true, right);
    }

    /** Whether every slot of the identity is among the given ones. */
    boolean within(Set<TableSolver.Slot> slots) {
        return slots.containsAll(lhs) && slots.containsAll(rhs);
    }

    private static boolean covers(TableTemplate.Row row, List<String> terms) {
        return terms.stream().allMatch(t -> row.columns().stream().anyMatch(c -> IdentityRule.names(t, c.code())));
    }

    private static List<TableSolver.Slot> columnSlots(TableTemplate.Row row, int r, List<String> terms) {
        List<TableSolver.Slot> slots = new ArrayList<>();
        for (int c = 0; c < row.columns().size(); c++) {
            for (String term : terms) {
                if (IdentityRule.names(term, row.columns().get(c).code())) {
                    slots.add(new TableSolver.Slot(r, c));
                }
            }
        }
        return slots;
    }

    private static List<TableSolver.Slot> rowSlots(List<TableTemplate.Row> rows, String column, List<String> terms) {
        List<TableSolver.Slot> slots = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (String term : terms) {
                if (IdentityRule.names(term, rows.get(r).code())) {
                    for (int c = 0; c < rows.get(r).columns().size(); c++) {
                        if (rows.get(r).columns().get(c).code().equals(column)) {
                            slots.add(new TableSolver.Slot(r, c));
                        }
                    }
                }
            }
        }
        return slots;
    }
}
