package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Small real-shaped inputs for the solver's unit tests: a Fujian-style pre-2019 statistics table
 * (year and 历年累计 columns, docs/FORMAT.md §4) and a 2021-style applicants row, with their
 * identities as {@code templates/identities.csv} writes them, and segments made from rows as the
 * crawler or a PDF prints them, through the real {@link LabelStream}.
 */
final class SolverTables {

    static final IdentityRule PUBLISHED_TOTAL = new IdentityRule("legacy", "published_total", "statistics",
            IdentityRule.Scope.EACH_COLUMN, List.of("proactive.published"),
            List.of("proactive.channels.website", "proactive.channels.gazette"), IdentityRule.Relation.EQUALS, "");
    static final IdentityRule CUMULATIVE_COVERS_YEAR = new IdentityRule("legacy", "cumulative_covers_year",
            "statistics", IdentityRule.Scope.EACH_ROW, List.of("cumulative"), List.of("value"),
            IdentityRule.Relation.AT_LEAST, "");
    static final IdentityRule APPLICANT_TOTAL = new IdentityRule("2021", "applicant_total", "applications",
            IdentityRule.Scope.EACH_ROW, List.of("total"), List.of("natural_person", "commercial_enterprise",
            "research_institution", "social_welfare_org", "legal_service_org", "other_org"),
            IdentityRule.Relation.EQUALS, "");

    private SolverTables() {
    }

    /** 主动公开信息数 and its two channels, each with a year value and a running total (历年累计). */
    static TableTemplate statistics() {
        List<TableTemplate.Column> columns = List.of(new TableTemplate.Column("value", "统计数"),
                new TableTemplate.Column("cumulative", "历年累计"));
        return new TableTemplate("legacy", "statistics", "fujian_2008", TableTemplate.Layout.ROWS, null, null, List.of(
                row("proactive.published", "主动公开政府信息数", columns),
                row("proactive.channels.website", "政府网站公开政府信息数", columns),
                row("proactive.channels.gazette", "政府公报公开政府信息数", columns)), List.of());
    }

    /** The same with the requests received below, a row no column sum ties to the others. */
    static TableTemplate statisticsAndRequests() {
        TableTemplate statistics = statistics();
        List<TableTemplate.Row> rows = new ArrayList<>(statistics.rows());
        rows.add(row("requests.received", "收到申请数", statistics.rows().get(0).columns()));
        return new TableTemplate("legacy", "statistics", "fujian_2008", TableTemplate.Layout.ROWS, null, null, rows,
                List.of());
    }

    static List<IdentityRule> statisticsRules() {
        return List.of(PUBLISHED_TOTAL, CUMULATIVE_COVERS_YEAR);
    }

    /** One row of the 2021 applications table: six kinds of applicant and their total. */
    static TableTemplate applicants() {
        List<TableTemplate.Column> columns = new ArrayList<>();
        for (String code : List.of("natural_person", "commercial_enterprise", "research_institution",
                "social_welfare_org", "legal_service_org", "other_org", "total")) {
            columns.add(new TableTemplate.Column(code, code));
        }
        return new TableTemplate("2021", "applications", "", TableTemplate.Layout.ROWS, null, null,
                List.of(row("new", "本年新收政府信息公开申请数量", columns)), List.of());
    }

    /** A row of three cells without any identity (2019 第二十条第(五)项: 上一年项目数量, 本年增/减, 处理决定数量). */
    static TableTemplate licensing() {
        return new TableTemplate("2019", "proactive", "", TableTemplate.Layout.ROWS, null, null,
                List.of(row("art20_5.licensing", "行政许可", List.of(new TableTemplate.Column("prev_items", "上一年项目数量"),
                        new TableTemplate.Column("change", "本年增/减"),
                        new TableTemplate.Column("decisions", "处理决定数量")))), List.of());
    }

    /** The material after the label of one crawled line, e.g. {@code 主动公开信息数条20263542}. */
    static List<LabelStream.Atom> crawled(String line) {
        List<LabelStream.Piece> pieces = LabelStream.of(TextDocuments.lines(line)).pieces();
        return pieces.get(pieces.size() - 1).material();
    }

    /** The material of one table row whose cells kept their boundaries, e.g. {@code 网站公开|1498|6701}. */
    static List<LabelStream.Atom> cells(String line) {
        List<LabelStream.Piece> pieces = LabelStream.of(TextDocuments.cells(line)).pieces();
        return pieces.get(pieces.size() - 1).material();
    }

    /** A segment filling every cell of row {@code row} of the table. */
    static TableSolver.Segment segment(TableTemplate table, int row, List<LabelStream.Atom> material) {
        List<TableSolver.Slot> slots = new ArrayList<>();
        for (int c = 0; c < table.rows().get(row).columns().size(); c++) {
            slots.add(new TableSolver.Slot(row, c));
        }
        return new TableSolver.Segment(material, false, slots);
    }

    private static TableTemplate.Row row(String code, String label, List<TableTemplate.Column> columns) {
        return new TableTemplate.Row(code, label, null, false, List.of(LabelKey.of(label).key()), columns, null);
    }
}
