package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The one way an observation is built. */
class ObservationTest {

    @Test
    void aTemplateCellCarriesItsCodesAndLabelsAndWhatIsSet() {
        TableTemplate table = SmallTables.requests();
        TableTemplate.Row row = table.rows().get(1);

        Observation cell = Observation.of(table, row, row.columns().get(2)).value(BigDecimal.ONE).raw("1").unit("件")
                .where("line 3").ordinal(5).build();

        assertThat(cell).isEqualTo(new Observation("requests", "carried_over", "total", BigDecimal.ONE, "1", "件",
                "上年结转申请", "总计", "line 3", 5));
    }

    @Test
    void unsetFieldsAreNullAndTheOrdinalZero() {
        assertThat(Observation.of("t", "r", "c").build())
                .isEqualTo(new Observation("t", "r", "c", null, null, null, null, null, null, 0));
    }

    @Test
    void withOrdinalChangesOnlyThePosition() {
        Observation cell = new Observation("t", "r", "c", BigDecimal.TEN, "10", null, "行", "列", "line 1", 2);

        assertThat(cell.withOrdinal(7)).isEqualTo(new Observation("t", "r", "c", BigDecimal.TEN, "10", null, "行", "列",
                "line 1", 7));
    }
}
