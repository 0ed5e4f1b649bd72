package org.disclosureetl.export;

/**
 * Optional filters of an export; null means all. Text is matched as it is ({@code %} and {@code _}
 * are not wildcards, store/ReportingQueries.Selection).
 *
 * @param year   report year
 * @param agency any part of the agency name ({@code 金融工作} finds 肇庆市金融工作局)
 * @param region a place: start of the agency name, of its region code (3208) or of its province,
 *               prefecture or county name (肇庆, 东莞市, 江苏)
 * @param table  table_code
 */
public record ExportFilter(Integer year, String agency, String region, String table) {

    public static final ExportFilter ALL = new ExportFilter(null, null, null, null);
}
