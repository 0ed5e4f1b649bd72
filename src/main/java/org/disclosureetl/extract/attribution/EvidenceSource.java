package org.disclosureetl.extract.attribution;

/**
 * The kinds of statement a report's agency and year are read from, and how much each weighs. A title
 * outweighs everything; the statistics period nearly does (it is the report's own definition of its
 * year); fields of a crawler's header and the signature name the publisher; the prose, a publication
 * date and the file name only decide where nothing stronger speaks.
 */
public enum EvidenceSource {
    /** the report's title in its body (a crawler's {@code 标题:} field included), on one or several lines */
    TITLE("title", 10, 10),
    /** the title of a record that is only the statistics table: {@code 政府信息公开情况统计表（2018年度）} */
    STATISTICS_TABLE_TITLE("statistics table title", 8, 8),
    /** the web page's {@code <title>} or another line of the page head */
    PAGE_TITLE("page title", 8, 8),
    /** the statistics period: {@code 统计期限为2021年1月1日至12月31日} */
    STATISTICS_PERIOD("statistics period", 0, 9),
    /** a count as of the year's end: {@code 截至2023年12月31日}, {@code 截至2023年底} */
    YEAR_END("count at the year's end", 0, 4),
    /** a field of a crawler's or a page's header: {@code 发布机构:}, {@code 来源:} */
    PUBLISHER_FIELD("publisher field", 6, 0),
    /** the agency name above the closing date */
    SIGNATURE("signature", 6, 0),
    /** the report named in its own prose: {@code 现公布XX局2021年政府信息公开工作年度报告} */
    TITLE_IN_PROSE("title quoted in the text", 5, 5),
    /** the agency as the subject of the opening prose: {@code 2021年，XX厅坚持…}, {@code 本报告由XX编制} */
    PROSE("prose", 4, 0),
    /** the full name behind a short form ({@code 上海市科学技术委员会（以下简称“市科委”）}; the quote is the short form) */
    ALIAS("short form", 0, 0),
    /** the file's name */
    FILE_NAME("file name", 3, 3),
    /** a publication or closing date in January to June: the report covers the year before */
    PUBLICATION_DATE("publication date", 0, 2),
    /** a year the opening prose starts with: {@code 2021年，} */
    PROSE_YEAR("opening prose", 0, 2);

    private final String description;
    private final int agencyWeight;
    private final int yearWeight;

    EvidenceSource(String description, int agencyWeight, int yearWeight) {
        this.description = description;
        this.agencyWeight = agencyWeight;
        this.yearWeight = yearWeight;
    }

    public String description() {
        return description;
    }

    int agencyWeight() {
        return agencyWeight;
    }

    int yearWeight() {
        return yearWeight;
    }

    /** Strong enough that a different answer from it is worth telling the analyst. */
    boolean strongFor(boolean agency) {
        return (agency ? agencyWeight : yearWeight) >= 6;
    }
}
