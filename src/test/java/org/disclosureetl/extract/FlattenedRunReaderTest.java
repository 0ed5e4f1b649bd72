package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureetl.extract.SmallTables.numbers;
import static org.disclosureetl.extract.SmallTables.values;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The 2021 review and litigation table read as a run of numbers, whole or printed in parts. */
class FlattenedRunReaderTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog();
    private static final TableTemplate REVIEW = CATALOG.tables("2021").stream()
            .filter(t -> t.code().equals("review_litigation")).findFirst().orElseThrow();
    private static final List<IdentityRule> RULES = CATALOG.identities("2021", "review_litigation", "");
    private static final String OUTCOMES = "|结果维持|结果纠正|其他结果|尚未审结|总计";

    private static TableReading read(String... lines) {
        return new FlattenedRunReader(LabelStream.of(TextDocuments.cells(lines))).read(REVIEW, RULES,
                new ProseEvidence(""), 0);
    }

    @Test
    void aTablePrintedInPartsUnderItsHeaderWordsIsGatheredIntoOneRun() {
        TableReading reading = read("行政复议" + OUTCOMES, "1|0|0|0|1", "行政诉讼|未经复议直接起诉" + OUTCOMES, "2|1|0|0|3",
                "复议后起诉" + OUTCOMES, "0|0|0|0|0");

        assertThat(values(reading.observations(), "review")).isEqualTo(numbers(1, 0, 0, 0, 1));
        assertThat(values(reading.observations(), "litigation_direct")).isEqualTo(numbers(2, 1, 0, 0, 3));
        assertThat(values(reading.observations(), "litigation_after_review")).isEqualTo(numbers(0, 0, 0, 0, 0));
        assertThat(reading.observations().get(5).where()).isEqualTo("line 4");
        assertThat(reading.observations()).extracting(Observation::ordinal).startsWith(0, 1, 2).endsWith(14);
        assertThat(reading.findings()).isEmpty();
        assertThat(reading.rowsFound()).isEqualTo(3);
        assertThat(reading.end()).isEqualTo(3);
    }

    @Test
    void aPartUnderOtherWordsIsNotGathered() {
        TableReading reading = read("行政复议" + OUTCOMES, "1|0|0|0|1", "注:本表数据截至年底", "2|1|0|0|3",
                "复议后起诉" + OUTCOMES, "0|0|0|0|0");

        assertThat(reading.rowsFound()).isZero();
        assertThat(reading.observations()).isEmpty();
        assertThat(reading.end()).isZero();
    }

    @Test
    void theHeaderWordsAreTheTemplatesRowAndColumnLabels() {
        Pattern header = FlattenedRunReader.headerOnly(REVIEW);

        assertThat(header.matcher("行政诉讼未经复议直接起诉结果维持结果纠正其他结果尚未审结总计").matches()).isTrue();
        assertThat(header.matcher("|复议后起诉|-|:|").matches()).isTrue();
        assertThat(header.matcher("行政复议决定").matches()).isFalse();
        assertThat(header.matcher("注本表数据截至年底").matches()).isFalse();
    }
}
