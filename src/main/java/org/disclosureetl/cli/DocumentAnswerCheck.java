package org.disclosureetl.cli;

import java.util.List;

import org.disclosureetl.region.DivisionList;
import org.disclosureetl.region.Placement;
import org.disclosureetl.region.RegionPlacer;
import org.disclosureetl.vocabulary.Generation;
import org.disclosureetl.vocabulary.Generations;
import org.disclosureetl.vocabulary.QuestionKind;

/**
 * The checks of an answer to a document's question before apply-corrections stores it: a report year is four digits
 * from the first template generation's first year (2008) to this year; a format version is a generation of
 * templates/generations.csv; an agency is not blank, and a region code given with it is a unit of the division list
 * that the agency's own place names (if it has any) lie in. Each failure is the one-line reason of its row.
 */
final class DocumentAnswerCheck {

    private final DivisionList divisions;
    private final RegionPlacer regions;
    private final int currentYear;

    DocumentAnswerCheck(DivisionList divisions, RegionPlacer regions, int currentYear) {
        this.divisions = divisions;
        this.regions = regions;
        this.currentYear = currentYear;
    }

    /** The first report year of any generation: the pre-2019 statistics table's. */
    static int firstYear() {
        return Generations.ALL.stream().mapToInt(Generation::firstYear).min().orElseThrow();
    }

    /**
     * @param regionCode empty when the row gives none
     * @return why the answer cannot be stored, or null when it can
     */
    String problem(QuestionKind field, String answer, String regionCode) {
        if (!regionCode.isEmpty() && field != QuestionKind.AGENCY) {
            return "region_code '" + regionCode + "' belongs to an answer to an agency question, not to "
                    + field.code();
        }
        return switch (field) {
            case REPORT_YEAR -> year(answer);
            case FORMAT_VERSION -> format(answer);
            case AGENCY -> agency(answer, regionCode);
            default -> throw new IllegalArgumentException(field + " is not a document's question");
        };
    }

    private String year(String answer) {
        if (!answer.matches("\\d{4}")) {
            return "report_year answer '" + answer + "' is not a four-digit year";
        }
        int year = Integer.parseInt(answer);
        if (year < firstYear() || year > currentYear) {
            return "report_year answer " + year + " is not a report year: " + firstYear() + " to " + currentYear;
        }
        return null;
    }

    private static String format(String answer) {
        List<String> known = Generations.ALL.stream().map(Generation::formatVersion).toList();
        return known.contains(answer) ? null : "format_version answer '" + answer
                + "' is not a template generation (" + String.join(", ", known) + ")";
    }

    private String agency(String answer, String regionCode) {
        if (answer.isBlank()) {
            return "agency answer is blank";
        }
        if (regionCode.isEmpty()) {
            return null;
        }
        if (divisions.byCode(regionCode) == null) {
            return "region_code '" + regionCode + "' is not a unit of the division list";
        }
        Placement placement = regions.placeIn(answer, regionCode);
        return placement.placed() ? null : placement.message();
    }
}
