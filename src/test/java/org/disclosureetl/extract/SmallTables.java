package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Templates of a few rows written inline for the readers' unit tests, shaped like the report's applications
 * table: rows numbered 一、二、 with an applicant split (自然人, 法人) and its total.
 */
final class SmallTables {

    static final String TABLE = "requests";

    private SmallTables() {
    }

    /** Two numbered rows (本年新收申请, 上年结转申请), each with columns person, company and total. */
    static TableTemplate requests() {
        return rows(TABLE, row("new", "本年新收申请", "一"), row("carried_over", "上年结转申请", "二"));
    }

    /** total = person + company in every row. */
    static List<IdentityRule> rowTotal() {
        return List.of(new IdentityRule("2021", "applicant_total", TABLE, IdentityRule.Scope.EACH_ROW,
                List.of("total"), List.of("person", "company"), IdentityRule.Relation.EQUALS, ""));
    }

    static TableTemplate rows(String code, TableTemplate.Row... rows) {
        return new TableTemplate("2021", code, "", TableTemplate.Layout.ROWS, null, null, List.of(rows), List.of());
    }

    static TableTemplate.Row row(String code, String label, String numbering) {
        return new TableTemplate.Row(code, label, numbering, false, List.of(LabelKey.of(label).key()),
                List.of(new TableTemplate.Column("person", "自然人"), new TableTemplate.Column("company", "法人"),
                        new TableTemplate.Column("total", "总计")), null);
    }

    /** The values the observations of one row hold, in column order. */
    static List<BigDecimal> values(List<Observation> observations, String rowCode) {
        List<BigDecimal> values = new ArrayList<>();
        for (Observation o : observations) {
            if (o.rowCode().equals(rowCode)) {
                values.add(o.value());
            }
        }
        return values;
    }

    static List<BigDecimal> numbers(Integer... values) {
        return Arrays.stream(values).map(v -> v == null ? null : BigDecimal.valueOf(v)).toList();
    }
}
