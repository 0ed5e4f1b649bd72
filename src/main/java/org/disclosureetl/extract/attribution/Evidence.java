package org.disclosureetl.extract.attribution;

/**
 * One thing a report says about who published it or which year it covers, and where it says it.
 *
 * @param source what kind of statement it is (its weight)
 * @param agency the agency it names, or null
 * @param year   the report year it implies, or null
 * @param where  the line it was read from ({@code line 3}, {@code head title}, {@code file name})
 * @param quote  the words read, for a finding's message
 */
public record Evidence(EvidenceSource source, String agency, Integer year, String where, String quote) {

    static Evidence agency(EvidenceSource source, String agency, String where, String quote) {
        return new Evidence(source, agency, null, where, quote);
    }

    static Evidence year(EvidenceSource source, int year, String where, String quote) {
        return new Evidence(source, null, year, where, quote);
    }

    /** How the evidence is cited in a finding: {@code statistics period '统计期限为2020年…' (line 5)}. */
    String cited() {
        return source.description() + " '" + quote + "' (" + where + ")";
    }
}
