package org.disclosureetl.export;

/**
 * Optional filters of an export; null means all.
 *
 * @param year   report year
 * @param agency substring of the agency name
 * @param region substring of the agency name naming a place (e.g. 肇庆, 东莞市)
 * @param table  table_code
 */
public record ExportFilter(Integer year, String agency, String region, String table) {

    public static final ExportFilter ALL = new ExportFilter(null, null, null, null);
}
