package org.disclosureetl.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The contract of the stage: a table label converted with OpenCC s2twp (the conversion websites
 * apply) must come back exactly. Fixtures are made by tools/normalize/make-s2twp-fixtures.sh.
 */
class ScriptNormalizerRoundTripTest {

    private final TextNormalizer normalizer = new TextNormalizer(new WidthNormalizer(), new ScriptNormalizer());

    private record Pair(String simplified, String traditional) {
    }

    private static List<Pair> pairs(String fixture) {
        List<Pair> pairs = new ArrayList<>();
        for (String line : TestResources.dataLines(fixture)) {
            String[] fields = line.split("\t", -1);
            assertThat(fields).as("line '%s' of %s", line, fixture).hasSize(2);
            pairs.add(new Pair(fields[0], fields[1]));
        }
        return pairs;
    }

    @Test
    void canonicalFixtureCoversEveryCanonicalLabel() throws IOException {
        Set<String> labels = new TreeSet<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord record : format.parse(new StringReader(TestResources.read("canonical-cells.csv")))) {
            labels.add(record.get("row_label"));
            labels.add(record.get("column_label"));
        }
        Set<String> covered = new TreeSet<>();
        pairs("canonical-labels-s2twp.tsv").forEach(p -> covered.add(p.simplified()));
        assertThat(covered).isEqualTo(labels);
    }

    @Test
    void canonicalLabelsSurviveS2twp() {
        assertRoundTrip("canonical-labels-s2twp.tsv");
    }

    @Test
    void pre2019StatisticsTableLabelsSurviveS2twp() {
        assertRoundTrip("pre2019-labels-s2twp.tsv");
    }

    private void assertRoundTrip(String fixture) {
        List<Pair> pairs = pairs(fixture);
        assertThat(pairs).isNotEmpty();
        // the fixture must really exercise the conversion
        assertThat(pairs).anySatisfy(p -> assertThat(p.traditional()).isNotEqualTo(p.simplified()));
        List<String> failures = new ArrayList<>();
        for (Pair pair : pairs) {
            String back = normalizer.normalize(pair.traditional());
            if (!back.equals(pair.simplified())) {
                failures.add(pair.simplified() + " -> " + pair.traditional() + " -> " + back);
            }
        }
        assertThat(failures).as("labels that do not come back from %s", fixture).isEmpty();
    }
}
