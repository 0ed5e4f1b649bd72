package org.disclosureetl.series;

/**
 * An extracted document as the link step sees it.
 *
 * @param agencyKey     region/RegionPlacer's key of the agency (one agency over years and scripts)
 * @param cells         how many cells it has
 * @param issues        how many issues its own validation found (series issues not counted)
 * @param registeredRun the run that registered it (null: unknown, after every known one)
 */
public record SeriesDocument(String documentId, String sourceFile, String agencyKey, int reportYear,
                             String formatVersion, int cells, int issues, Long registeredRun) {

    /** How a message names it: id, file and year. */
    String describe() {
        return "the " + reportYear + " report (document " + documentId + ", file " + sourceFile + ")";
    }
}
