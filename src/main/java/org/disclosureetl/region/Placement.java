package org.disclosureetl.region;

/**
 * Where a report's agency sits in the division list: the columns region_code, region_level,
 * province, prefecture, county and agency_key of documents.csv. Unplaced: empty codes and names,
 * with {@code problem} (a validation rule) and {@code message} saying why.
 *
 * @param regionCode 6 digits for a county-level unit, 4 for a prefecture body, 2 for a province body
 * @param prefecture empty for a district of a municipality or a county directly under a province
 * @param agencyKey  groups one agency over the years and scripts: the region code, "/", the body
 *                   (the agency name after its place names); the normalized name when unplaced
 */
public record Placement(String regionCode, String regionLevel, String province, String prefecture, String county,
                        String agencyKey, String problem, String message) {

    public static Placement unplaced(String agencyKey, String problem, String message) {
        return new Placement("", "", "", "", "", agencyKey, problem, message);
    }

    public boolean placed() {
        return !regionCode.isEmpty();
    }
}
