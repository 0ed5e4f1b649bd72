package org.disclosureetl.vocabulary;

/**
 * A template generation ({@code templates/generations.csv}, docs/FORMAT.md §0) and the report years it is the
 * official form of; {@code lastYear} null while it is in force.
 */
public record Generation(String formatVersion, int firstYear, Integer lastYear) {

    /** Whether {@code year} is one of the report years this generation is the official form of. */
    public boolean covers(int year) {
        return year >= firstYear && (lastYear == null || year <= lastYear);
    }
}
