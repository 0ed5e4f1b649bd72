package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.disclosureetl.extract.IdentityCheck.Outcome;
import org.disclosureetl.extract.IdentityRule.Relation;
import org.disclosureetl.validate.ReportValidator;
import org.junit.jupiter.api.Test;

/**
 * The one rule of {@link IdentityCheck}, its fast form for the solver proven equal on random values, and
 * the row reader ({@link RowBalance}) never accepting a row the validator then reports.
 */
class IdentityCheckTest {

    private static final Relation EQ = Relation.EQUALS;
    private static final Relation GE = Relation.AT_LEAST;

    private static List<BigDecimal> values(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
    }

    @Test
    void oneRuleForBlanksMissingTermsAndInequalities() {
        assertThat(IdentityCheck.check(EQ, values("7"), true, values("3", "4"))).isEqualTo(Outcome.HOLDS);
        assertThat(IdentityCheck.check(EQ, values("8"), true, values("3", "4"))).isEqualTo(Outcome.BROKEN);
        // a blank right-side cell counts as 0
        assertThat(IdentityCheck.check(EQ, values("3"), true, values("3", null))).isEqualTo(Outcome.HOLDS);
        // a blank total is not reported: nothing to check, never 0
        assertThat(IdentityCheck.check(EQ, values((String) null), true, values("0", "0"))).isEqualTo(Outcome.UNCHECKABLE);
        // a left-side term that names no cell
        assertThat(IdentityCheck.check(EQ, values("7"), false, values("3", "4"))).isEqualTo(Outcome.UNCHECKABLE);
        assertThat(IdentityCheck.check(EQ, values(), true, values("3"))).isEqualTo(Outcome.UNCHECKABLE);
        // a right side without any number
        assertThat(IdentityCheck.check(EQ, values("0"), true, values(null, null))).isEqualTo(Outcome.UNCHECKABLE);
        // at least: a running total since 2008 against this year's number
        assertThat(IdentityCheck.check(GE, values("10"), true, values("3"))).isEqualTo(Outcome.HOLDS);
        assertThat(IdentityCheck.check(GE, values("3"), true, values("3"))).isEqualTo(Outcome.HOLDS);
        assertThat(IdentityCheck.check(GE, values("2"), true, values("3"))).isEqualTo(Outcome.BROKEN);
    }

    @Test
    void theSolversScaledFormDecidesAsTheOneRuleOnRandomValues() {
        Random random = new Random(20261207L);
        for (int n = 0; n < 20_000; n++) {
            Relation relation = random.nextBoolean() ? EQ : GE;
            List<BigDecimal> lhs = randomSide(random, 1 + random.nextInt(2));
            List<BigDecimal> rhs = randomSide(random, 1 + random.nextInt(6));
            if (random.nextInt(4) == 0 && !lhs.isEmpty() && lhs.get(0) != null) {
                // make equality likely
                BigDecimal sum = rhs.stream().filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
                lhs = new ArrayList<>(List.of(sum));
            }
            boolean complete = random.nextInt(10) > 0;

            long left = 0;
            boolean checkable = complete && !lhs.isEmpty();
            for (BigDecimal v : lhs) {
                if (v == null) {
                    checkable = false;
                    break;
                }
                left += v.movePointRight(6).longValueExact();
            }
            long right = 0;
            int valued = 0;
            for (BigDecimal v : rhs) {
                if (v != null) {
                    right += v.movePointRight(6).longValueExact();
                    valued++;
                }
            }
            assertThat(IdentityCheck.decide(relation, checkable, left, valued, right))
                    .as("%s %s %s %s", relation, lhs, complete, rhs)
                    .isEqualTo(IdentityCheck.check(relation, lhs, complete, rhs));
        }
    }

    private static List<BigDecimal> randomSide(Random random, int terms) {
        List<BigDecimal> side = new ArrayList<>();
        for (int i = 0; i < terms; i++) {
            side.add(random.nextInt(6) == 0 ? null
                    : BigDecimal.valueOf(random.nextInt(2000) - (random.nextInt(10) == 0 ? 1000 : 0), random.nextInt(3)));
        }
        return side;
    }

    @Test
    void aRunningTotalLargerThanTheYearsNumberIsBalancedNotBroken() {
        IdentityRule rule = new IdentityRule("legacy", "cumulative_covers_year", "statistics", IdentityRule.Scope.EACH_ROW,
                List.of("cumulative"), List.of("value"), GE, "");
        List<TableTemplate.Column> columns = List.of(new TableTemplate.Column("value", "本年"),
                new TableTemplate.Column("cumulative", "历年累计"));
        RowBalance balance = new RowBalance(List.of(rule));

        assertThat(balance.holds(columns, values("3", "10"))).isTrue();
        assertThat(balance.holds(columns, values("10", "3"))).isFalse();
        // a blank running total checks nothing, so it cannot vouch for the row
        assertThat(balance.holds(columns, values("3", null))).isFalse();
    }

    @Test
    void whatTheRowReaderAcceptsTheValidatorAccepts() {
        TemplateCatalog catalog = new TemplateCatalog();
        ReportValidator validator = new ReportValidator(catalog);
        Random random = new Random(7L);
        int accepted = 0;
        for (String format : List.of("2021", "2019", "legacy")) {
            for (TableTemplate table : catalog.tables(format)) {
                List<IdentityRule> rules = catalog.identities(format, table.code(), table.variant()).stream()
                        .filter(r -> r.scope() == IdentityRule.Scope.EACH_ROW).toList();
                RowBalance balance = new RowBalance(rules);
                for (TableTemplate.Row row : table.rows()) {
                    if (!balance.appliesTo(row.columns())) {
                        continue;
                    }
                    for (int n = 0; n < 300; n++) {
                        List<BigDecimal> values = randomRow(random, row.columns().size());
                        if (!balance.holds(row.columns(), values)) {
                            continue;
                        }
                        accepted++;
                        List<Observation> cells = new ArrayList<>();
                        for (int c = 0; c < values.size(); c++) {
                            cells.add(new Observation(table.code(), row.code(), row.columns().get(c).code(), values.get(c),
                                    String.valueOf(values.get(c)), null, null, null, "line 1", c));
                        }
                        assertThat(validator.validate(rules, cells)).as("%s %s %s", table.code(), row.code(), values)
                                .isEmpty();
                    }
                }
            }
        }
        assertThat(accepted).isGreaterThan(100);
    }

    /** A row of small numbers whose first column is often the sum of the others (as a total column is). */
    private static List<BigDecimal> randomRow(Random random, int size) {
        List<BigDecimal> values = new ArrayList<>();
        for (int c = 0; c < size; c++) {
            values.add(random.nextInt(8) == 0 ? null : BigDecimal.valueOf(random.nextInt(4)));
        }
        if (random.nextBoolean()) {
            BigDecimal rest = values.stream().skip(1).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
            values.set(0, rest);
            BigDecimal head = values.stream().limit(size - 1).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (random.nextBoolean()) {
                values.set(size - 1, head.subtract(values.get(0)).add(values.get(0)));
            }
        }
        return values;
    }
}
