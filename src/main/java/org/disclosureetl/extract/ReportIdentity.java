package org.disclosureetl.extract;

/**
 * Who published a report and for which year, as read from its title.
 *
 * @param agency     issuing agency in Simplified script, or null when no title names it
 * @param reportYear the year the report covers, or null
 * @param titled     whether a title of an annual disclosure report was found at all
 */
public record ReportIdentity(String agency, Integer reportYear, boolean titled) {
}
