package org.disclosureetl.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.disclosureetl.extract.CellValue;
import org.disclosureetl.extract.Finding;
import org.disclosureetl.extract.IdentityCheck;
import org.disclosureetl.extract.IdentityRule;
import org.disclosureetl.extract.Observation;
import org.disclosureetl.extract.TableTemplate;
import org.disclosureetl.extract.TemplateCatalog;
import org.springframework.stereotype.Component;

/**
 * The validate stage: checks every accounting identity of {@code templates/identities.csv} on the
 * extracted cells, by the one rule of {@link IdentityCheck} (a blank left-hand side is "not reported"
 * and skips the check; blank addends count as 0).
 */
@Component
public class ReportValidator {

    private final TemplateCatalog catalog;

    public ReportValidator(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    /** Checks the identities of a format's tables in their first printed form (the national one). */
    public List<Finding> validate(String formatVersion, List<Observation> observations) {
        List<IdentityRule> rules = new ArrayList<>();
        for (TableTemplate table : catalog.tables(formatVersion)) {
            if (rules.stream().noneMatch(r -> r.tableCode().equals(table.code()))) {
                rules.addAll(catalog.identities(formatVersion, table.code(), table.variant()));
            }
        }
        return validate(rules, observations);
    }

    /** Checks the given identities, those of the tables as the extractor read them. */
    public List<Finding> validate(List<IdentityRule> rules, List<Observation> observations) {
        return evaluate(rules, observations);
    }

    /**
     * The evaluation of identities on cells, without the catalogue: also the cross-year checks of a series
     * (series/SeriesLinker), which put two reports' cells side by side under prefixed codes.
     */
    public static List<Finding> evaluate(List<IdentityRule> rules, List<Observation> observations) {
        // table -> row -> column -> observation
        Map<String, Map<String, Map<String, Observation>>> cells = new LinkedHashMap<>();
        for (Observation o : observations) {
            cells.computeIfAbsent(o.tableCode(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(o.rowCode(), k -> new LinkedHashMap<>())
                    .put(o.columnCode(), o);
        }
        List<Finding> findings = new ArrayList<>();
        for (IdentityRule rule : rules) {
            if (!cells.containsKey(rule.tableCode())) {
                continue;
            }
            Map<String, Map<String, Observation>> table = cells.get(rule.tableCode());
            if (rule.scope() == IdentityRule.Scope.EACH_ROW) {
                table.forEach((row, byColumn) -> check(rule, row, null, byColumn, findings));
            } else {
                Set<String> columns = new LinkedHashSet<>();
                table.values().forEach(byColumn -> columns.addAll(byColumn.keySet()));
                for (String column : columns) {
                    Map<String, Observation> byRow = new LinkedHashMap<>();
                    table.forEach((row, byColumn) -> {
                        if (byColumn.containsKey(column)) {
                            byRow.put(row, byColumn.get(column));
                        }
                    });
                    check(rule, null, column, byRow, findings);
                }
            }
        }
        return findings;
    }

    private static void check(IdentityRule rule, String row, String column, Map<String, Observation> cells,
                              List<Finding> findings) {
        Side lhs = side(rule.lhs(), cells);
        Side rhs = side(rule.rhs(), cells);
        if (IdentityCheck.check(rule.relation(), lhs.values(), lhs.complete(), rhs.values())
                != IdentityCheck.Outcome.BROKEN) {
            return;
        }
        BigDecimal lhsTotal = total(lhs.values());
        BigDecimal rhsTotal = total(rhs.values());
        String lhsText = String.join("+", rule.lhs());
        String rhsText = String.join("+", rule.rhs());
        findings.add(Finding.named(rule.rule())
                .table(rule.tableCode())
                .row(row)
                .column(column)
                .expected(CellValue.plain(rhsTotal))
                .actual(CellValue.plain(lhsTotal))
                .message(lhsText + " = " + CellValue.plain(lhsTotal) + " but " + rhsText + " = " + CellValue.plain(rhsTotal)
                        + (rule.relation() == IdentityRule.Relation.AT_LEAST ? ", more than the left side" : "")
                        + (row != null ? " in row " + row : " in column " + column)));
    }

    private static BigDecimal total(List<BigDecimal> values) {
        return values.stream().filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The numbers of the cells a side's terms name (null for a blank), and whether every term named one. */
    private record Side(List<BigDecimal> values, boolean complete) {
    }

    private static Side side(List<String> terms, Map<String, Observation> cells) {
        List<BigDecimal> values = new ArrayList<>();
        boolean complete = true;
        for (String term : terms) {
            boolean matched = false;
            for (Map.Entry<String, Observation> e : cells.entrySet()) {
                if (IdentityRule.names(term, e.getKey())) {
                    matched = true;
                    values.add(e.getValue().value());
                }
            }
            complete &= matched;
        }
        return new Side(values, complete);
    }
}
