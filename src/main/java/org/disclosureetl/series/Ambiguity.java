package org.disclosureetl.series;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A cell the extractor left empty because its run of digits has several readings that fit every identity
 * ({@code ambiguous_reading}): the run as printed and the cell's value in each reading, in the readings' order
 * (null: blank in that reading). The cells of one run share the order, so reading k of each is one split.
 */
public record Ambiguity(String raw, List<BigDecimal> readings) {

    public Ambiguity {
        readings = Collections.unmodifiableList(new ArrayList<>(readings));
    }

    /**
     * From an ambiguous_reading issue: {@code actual} is the run, {@code expected} the values separated by
     * {@code |} ({@code blank} for none). Null when it cannot be read (an issue stored before the values were
     * written, or cut to its column).
     */
    public static Ambiguity parse(String raw, String expected) {
        if (raw == null || expected == null || expected.isEmpty()) {
            return null;
        }
        List<BigDecimal> readings = new ArrayList<>();
        for (String value : expected.split("\\|", -1)) {
            if (value.equals("blank")) {
                readings.add(null);
                continue;
            }
            try {
                readings.add(new BigDecimal(value));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return readings.size() < 2 ? null : new Ambiguity(raw, readings);
    }
}
