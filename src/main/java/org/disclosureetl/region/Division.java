package org.disclosureetl.region;

import java.util.Locale;

/**
 * One unit of the division list (GB/T 2260 codes).
 *
 * @param code 2 digits for a province-level unit, 4 for a prefecture-level one, 6 for a county-level one
 * @param name as listed (full name: 广东省, 肇庆市, 洪泽区)
 */
public record Division(String code, String name) {

    public Level level() {
        return switch (code.length()) {
            case 2 -> Level.PROVINCE;
            case 4 -> Level.PREFECTURE;
            default -> Level.COUNTY;
        };
    }

    /** Whether {@code other} is this unit or lies inside it. */
    public boolean contains(Division other) {
        return other.code.startsWith(code);
    }

    public enum Level {
        PROVINCE, PREFECTURE, COUNTY;

        /** As written in documents.csv. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
