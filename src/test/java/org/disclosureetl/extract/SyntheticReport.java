package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A 2021-format report with random numbers that satisfy the form's identities, rendered in the text
 * layouts reports arrive in. Each table row is kept as a label plus its value texts so that tests can
 * damage one row at a time.
 */
final class SyntheticReport {

    static final String AGENCY = "测试市统计局";
    static final int YEAR = 2022;

    /** A printed row: its label cells (group label, item label) and its value texts. */
    record Row(String table, String code, List<String> labels, List<String> values) {
        Row withValues(List<String> newValues) {
            return new Row(table, code, labels, newValues);
        }

        Row withLabels(List<String> newLabels) {
            return new Row(table, code, newLabels, values);
        }
    }

    /**
     * LINES: one cell per line; TABS, SPACES, PIPES: one row per line; PDF: a row per line with single
     * spaces (PDF text); CRAWLER: a web page's tables flattened into one line with no separator at
     * all; CRAWLER_SPACED: the same with a space between some cells; MARKDOWN: a PDF-to-markdown conversion's
     * pipe tables, split at random rows into tables of their own under an empty, placeholder ({@code 数据1}) or
     * copied header after a page number, and table 4 at random as three tables of five columns.
     */
    enum Layout { LINES, TABS, SPACES, PIPES, PDF, CRAWLER, CRAWLER_SPACED, MARKDOWN }

    /** The layouts of the damage set's first 84 cases (seeds numbered on over them). */
    static final List<Layout> FIRST_LAYOUTS = List.of(Layout.LINES, Layout.TABS, Layout.SPACES, Layout.PIPES,
            Layout.PDF, Layout.CRAWLER, Layout.CRAWLER_SPACED);

    /** In a label: a break inside the word (a line break in line layouts, a space in flattened ones). */
    static final String WORD_BREAK = "\u0001";
    /** As a row's first label: the row's values sit on the next line. */
    static final String VALUES_BELOW = "\u0002";
    /** The code of a pseudo-row that prints a page footer between two rows. */
    static final String FOOTER = "#footer";

    final Map<String, BigDecimal> truth = new LinkedHashMap<>();
    final List<Row> rows = new ArrayList<>();

    private static final String[] APPLICANTS = {"natural_person", "commercial_enterprise", "research_institution",
            "social_welfare_org", "legal_service_org", "other_org", "total"};
    private static final String[][] RESULT_ROWS = {
            {"granted", "(一)予以公开", ""}, {"partially_granted", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", ""},
            {"withheld.state_secret", "(三)不予公开", "1.属于国家秘密"},
            {"withheld.prohibited_by_law", "", "2.其他法律行政法规禁止公开"},
            {"withheld.three_safeties", "", "3.危及“三安全一稳定”"}, {"withheld.third_party_rights", "", "4.保护第三方合法权益"},
            {"withheld.internal_affairs", "", "5.属于三类内部事务信息"}, {"withheld.process_info", "", "6.属于四类过程性信息"},
            {"withheld.enforcement_file", "", "7.属于行政执法案卷"}, {"withheld.admin_inquiry", "", "8.属于行政查询事项"},
            {"unable.not_held", "(四)无法提供", "1.本机关不掌握相关政府信息"}, {"unable.needs_creation", "", "2.没有现成信息需要另行制作"},
            {"unable.unclear", "", "3.补正后申请内容仍不明确"}, {"not_processed.petition", "(五)不予处理", "1.信访举报投诉类申请"},
            {"not_processed.repeated", "", "2.重复申请"}, {"not_processed.publication", "", "3.要求提供公开出版物"},
            {"not_processed.excessive", "", "4.无正当理由大量反复申请"},
            {"not_processed.confirm_reissue", "", "5.要求行政机关确认或重新出具已获取信息"},
            {"other.no_correction", "(六)其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
            {"other.unpaid_fee", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
            {"other.other", "", "3.其他"}};

    SyntheticReport(long seed) {
        Random random = new Random(seed);
        addProactive("art20_1.rules", "规章", random, "issued", "repealed", "in_force");
        addProactive("art20_1.normative_docs", "行政规范性文件", random, "issued", "repealed", "in_force");
        addProactive("art20_5.licensing", "行政许可", random, "decisions");
        addProactive("art20_6.penalty", "行政处罚", random, "decisions");
        addProactive("art20_6.coercion", "行政强制", random, "decisions");
        addProactive("art20_8.fees", "行政事业性收费", random, "fee_amount");

        int[][] results = new int[RESULT_ROWS.length][6];
        int[] resultTotal = new int[6];
        int[] newApps = new int[6];
        int[] carriedOver = new int[6];
        int[] carriedForward = new int[6];
        for (int c = 0; c < 6; c++) {
            for (int r = 0; r < RESULT_ROWS.length; r++) {
                results[r][c] = random.nextInt(4) == 0 ? random.nextInt(40) : 0;
            }
            for (int[] row : results) {
                resultTotal[c] += row[c];
            }
            carriedForward[c] = random.nextInt(6);
            carriedOver[c] = random.nextInt(Math.max(1, Math.min(5, resultTotal[c] + carriedForward[c]) + 1));
            newApps[c] = resultTotal[c] + carriedForward[c] - carriedOver[c];
        }
        addApplications("new", List.of("一、本年新收政府信息公开申请数量"), newApps);
        addApplications("carried_over", List.of("二、上年结转政府信息公开申请数量"), carriedOver);
        for (int r = 0; r < RESULT_ROWS.length; r++) {
            List<String> labels = new ArrayList<>();
            if (r == 0) {
                labels.add("三、本年度办理结果");
            }
            if (!RESULT_ROWS[r][1].isEmpty()) {
                labels.add(RESULT_ROWS[r][1]);
            }
            if (!RESULT_ROWS[r][2].isEmpty()) {
                labels.add(RESULT_ROWS[r][2]);
            }
            addApplications(RESULT_ROWS[r][0], labels, results[r]);
        }
        addApplications("results_total", List.of("(七)总计"), resultTotal);
        addApplications("carried_forward", List.of("四、结转下年度继续办理"), carriedForward);

        List<String> review = new ArrayList<>();
        for (String group : List.of("review", "litigation_direct", "litigation_after_review")) {
            int sum = 0;
            String[] outcomes = {"upheld", "corrected", "other", "pending"};
            for (String outcome : outcomes) {
                int v = random.nextInt(3) == 0 ? random.nextInt(9) : 0;
                sum += v;
                truth.put("review_litigation/" + group + "/" + outcome, BigDecimal.valueOf(v));
                review.add(String.valueOf(v));
            }
            truth.put("review_litigation/" + group + "/total", BigDecimal.valueOf(sum));
            review.add(String.valueOf(sum));
        }
        rows.add(new Row("review_litigation", "*", List.of(), review));
    }

    private void addProactive(String code, String label, Random random, String... columns) {
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            int v = random.nextInt(3) == 0 ? 0 : random.nextInt(300);
            truth.put("proactive/" + code + "/" + column, BigDecimal.valueOf(v));
            values.add(String.valueOf(v));
        }
        rows.add(new Row("proactive", code, List.of(label), values));
    }

    private void addApplications(String code, List<String> labels, int[] sixColumns) {
        List<String> values = new ArrayList<>();
        int total = 0;
        for (int c = 0; c < 6; c++) {
            total += sixColumns[c];
            values.add(String.valueOf(sixColumns[c]));
            truth.put("applications/" + code + "/" + APPLICANTS[c], BigDecimal.valueOf(sixColumns[c]));
        }
        values.add(String.valueOf(total));
        truth.put("applications/" + code + "/total", BigDecimal.valueOf(total));
        rows.add(new Row("applications", code, labels, values));
    }

    String render(Layout layout, List<Row> printed) {
        return render(layout, printed, new Random(0));
    }

    String render(Layout layout, List<Row> printed, Random random) {
        boolean flat = layout == Layout.CRAWLER || layout == Layout.CRAWLER_SPACED;
        StringBuilder out = new StringBuilder();
        out.append(AGENCY).append(YEAR).append("年政府信息公开工作年度报告\n");
        StringBuilder body = flat ? new StringBuilder() : out;
        body.append(flat ? "" : "\n").append("一、总体情况").append(flat ? "" : "\n")
                .append("本机关认真贯彻落实《中华人民共和国政府信息公开条例》,现将情况报告如下。").append(flat ? "" : "\n")
                .append("二、主动公开政府信息情况").append(flat ? "" : "\n");
        String lastTable = "";
        boolean markdown = layout == Layout.MARKDOWN;
        boolean splitReview = markdown && random.nextBoolean();
        boolean firstOfTable = true;
        for (Row row : printed) {
            if (row.code().equals(FOOTER)) {
                if (!flat) {
                    body.append("- 2 -\n");
                }
                continue;
            }
            if (markdown && !firstOfTable && !row.table().equals("review_litigation") && random.nextInt(7) == 0) {
                misHeadedBreak(body, random);
            }
            firstOfTable = false;
            if (!row.table().equals(lastTable)) {
                lastTable = row.table();
                firstOfTable = true;
                if (markdown && row.table().equals("review_litigation") && splitReview) {
                    body.append("四、政府信息公开行政复议、行政诉讼情况\n");
                    String[] groups = {"行政复议", "行政诉讼：未经复议直接起诉", "行政诉讼：复议后起诉"};
                    for (int g = 0; g < 3; g++) {
                        body.append("\n| ").append(groups[g]).append(" |  |  |  |  |\n|---|---|---|---|---|\n");
                        line(body, layout, List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"), random);
                        List<String> values = row.values();
                        int from = Math.min(values.size(), g * 5);
                        int to = g == 2 ? values.size() : Math.min(values.size(), from + 5);
                        line(body, layout, values.subList(from, to), random);
                    }
                    continue;
                }
                if (row.table().equals("applications")) {
                    body.append("三、收到和处理政府信息公开申请情况").append(flat ? "" : "\n");
                    line(body, layout, List.of("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"), random);
                    line(body, layout, List.of("自然人", "法人或其他组织", "总计"), random);
                    line(body, layout, List.of("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"), random);
                    separator(body, layout, 9);
                } else if (row.table().equals("review_litigation")) {
                    body.append("四、政府信息公开行政复议、行政诉讼情况").append(flat ? "" : "\n");
                    line(body, layout, List.of("行政复议", "行政诉讼"), random);
                    line(body, layout, List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"), random);
                    line(body, layout, List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正",
                            "其他结果", "尚未审结", "总计"), random);
                    separator(body, layout, 15);
                }
            }
            if (row.code().startsWith("art20_1.rules")) {
                line(body, layout, List.of("第二十条第(一)项"), random);
                line(body, layout, List.of("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"), random);
                separator(body, layout, 4);
            } else if (row.code().equals("art20_5.licensing")) {
                line(body, layout, List.of("第二十条第(五)项"), random);
                line(body, layout, List.of("信息内容", "本年处理决定数量"), random);
                separator(body, layout, 2);
            } else if (row.code().equals("art20_6.penalty")) {
                line(body, layout, List.of("第二十条第(六)项"), random);
                line(body, layout, List.of("信息内容", "本年处理决定数量"), random);
                separator(body, layout, 2);
            } else if (row.code().equals("art20_8.fees")) {
                line(body, layout, List.of("第二十条第(八)项"), random);
                line(body, layout, List.of("信息内容", "本年收费金额(单位:万元)"), random);
                separator(body, layout, 2);
            }
            List<String> labels = new ArrayList<>(row.labels());
            boolean below = !labels.isEmpty() && labels.get(0).equals(VALUES_BELOW);
            if (below) {
                labels.remove(0);
            }
            String wordBreak = layout == Layout.LINES || layout == Layout.PDF ? "\n" : " ";
            labels.replaceAll(label -> label.replace(WORD_BREAK, wordBreak));
            if (flat) {
                body.append(String.join("", labels));
                values(body, row.values(), layout, random);
            } else if (layout == Layout.PDF) {
                body.append(String.join(" ", labels)).append(below ? "\n" : row.labels().isEmpty() ? "" : " ");
                body.append(String.join(" ", row.values().stream().map(v -> v.isEmpty() ? "" : v).toList()).strip())
                        .append('\n');
            } else if (below) {
                line(body, layout, labels, random);
                line(body, layout, row.values(), random);
            } else {
                List<String> cells = new ArrayList<>(labels);
                cells.addAll(row.values());
                line(body, layout, cells, random);
            }
        }
        body.append("五、存在的主要问题及改进情况").append(flat ? "" : "\n").append("一是公开内容还需进一步规范。")
                .append(flat ? "" : "\n").append("六、其他需要报告的事项").append(flat ? "" : "\n").append("无。\n");
        if (flat) {
            out.append(body);
        }
        return out.toString();
    }

    /** A flattened row's values: run together, a space between some, an empty cell printed as a space. */
    private static void values(StringBuilder out, List<String> values, Layout layout, Random random) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v.isEmpty()) {
                out.append(' ');
                continue;
            }
            if (i > 0 && !values.get(i - 1).isEmpty() && layout == Layout.CRAWLER_SPACED && random.nextInt(3) == 0) {
                out.append(' ');
            }
            out.append(v);
        }
    }

    /** A markdown table's header rule. */
    private static void separator(StringBuilder out, Layout layout, int columns) {
        if (layout == Layout.MARKDOWN) {
            out.append('|').append("---|".repeat(columns)).append('\n');
        }
    }

    /**
     * A page break inside a markdown table: a page number between the parts, and the next part under an empty
     * header, column names the conversion made up, or a header copied from another table.
     */
    private static void misHeadedBreak(StringBuilder out, Random random) {
        out.append('\n').append(random.nextBoolean() ? "-" + (2 + random.nextInt(3)) + "-" : "— " + (2 + random.nextInt(3)) + " —")
                .append("\n\n");
        switch (random.nextInt(3)) {
            case 0 -> out.append("|  |  |  |  |  |  |  |  |  |\n");
            case 1 -> out.append("| 项目 |  | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n");
            default -> out.append("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n");
        }
        out.append("|---|---|---|---|---|---|---|---|---|\n");
    }

    private static void line(StringBuilder out, Layout layout, List<String> cells, Random random) {
        switch (layout) {
            case LINES -> cells.forEach(c -> out.append(c).append('\n'));
            case TABS -> out.append(String.join("\t", cells)).append('\n');
            case SPACES -> out.append(String.join("    ", cells)).append('\n');
            case PIPES -> out.append(String.join(" | ", cells)).append(" |\n");
            case MARKDOWN -> out.append("| ").append(String.join(" | ", cells)).append(" |\n");
            case PDF -> out.append(String.join(" ", cells)).append('\n');
            case CRAWLER, CRAWLER_SPACED -> out.append(String.join("", cells));
        }
    }
}
