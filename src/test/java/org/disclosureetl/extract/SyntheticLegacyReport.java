package org.disclosureetl.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A pre-2019 report whose statistics table (统计表) is one of the legacy forms of {@code templates/row-labels.csv}
 * (national; Fujian 2008 and 2014 with their 历年累计 column), with random numbers of one to four digits that keep
 * the form's identities ({@code templates/identities.csv}: sub-items add up, the running total is no smaller than
 * the year), printed as a crawler runs the cells together ({@code 受理依申请公开信息总数条728}), one cell per line,
 * or as a markdown table.
 */
final class SyntheticLegacyReport {

    static final String AGENCY = "福州市测试区人民政府";

    /** A legacy form, the report year printed with it, and whether it prints the 历年累计 column. */
    enum Form {
        NATIONAL("national", 2017, false), FUJIAN_2008("fujian_2008", 2012, true), FUJIAN_2014("fujian_2014", 2016, true);

        final String variant;
        final int year;
        final boolean cumulative;

        Form(String variant, int year, boolean cumulative) {
            this.variant = variant;
            this.year = year;
            this.cumulative = cumulative;
        }
    }

    /** CRAWLER: the page on one line, every cell run together; LINES: a cell per line; MARKDOWN: a pipe table. */
    enum Layout { CRAWLER, LINES, MARKDOWN }

    /** A printed row: its label with its numbering, its unit and its value texts. */
    record Row(String code, String label, String unit, List<String> values) {
        Row withValues(List<String> newValues) {
            return new Row(code, label, unit, newValues);
        }
    }

    private record FormRow(String code, String numbering, String label) {
    }

    private record Sum(String lhs, List<String> rhs) {
    }

    final Form form;
    final Map<String, BigDecimal> truth = new LinkedHashMap<>();
    final List<Row> rows = new ArrayList<>();

    SyntheticLegacyReport(Form form, long seed) {
        this.form = form;
        Random random = new Random(seed);
        List<FormRow> formRows = formRows(form.variant);
        List<Sum> sums = sums(form.variant, formRows);
        Map<String, long[]> values = new LinkedHashMap<>();
        for (FormRow row : formRows) {
            value(row.code(), sums, values, random);
        }
        for (FormRow row : formRows) {
            long[] v = values.get(row.code());
            List<String> printed = new ArrayList<>();
            printed.add(String.valueOf(v[0]));
            truth.put("statistics/" + row.code() + "/value", BigDecimal.valueOf(v[0]));
            if (form.cumulative) {
                printed.add(String.valueOf(v[1]));
                truth.put("statistics/" + row.code() + "/cumulative", BigDecimal.valueOf(v[1]));
            }
            rows.add(new Row(row.code(), numbered(row), "条", printed));
        }
    }

    /** The year's value and the running total of a row: a sum's rows add up, other rows are random. */
    private static long[] value(String code, List<Sum> sums, Map<String, long[]> values, Random random) {
        long[] known = values.get(code);
        if (known != null) {
            return known;
        }
        long[] v = null;
        for (Sum sum : sums) {
            if (sum.lhs().equals(code)) {
                v = new long[2];
                for (String term : sum.rhs()) {
                    long[] t = value(term, sums, values, random);
                    v[0] += t[0];
                    v[1] += t[1];
                }
            }
        }
        if (v == null) {
            long year = number(random);
            v = new long[] {year, year + (random.nextBoolean() ? 0 : number(random))};
        }
        values.put(code, v);
        return v;
    }

    /** A number of one to four digits, so that a run of them has one split or many. */
    private static long number(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> random.nextInt(10);
            case 2 -> random.nextInt(100);
            case 3 -> random.nextInt(1000);
            default -> random.nextInt(10000);
        };
    }

    private static String numbered(FormRow row) {
        String n = row.numbering();
        if (n.isEmpty()) {
            return row.label();
        }
        if (n.chars().allMatch(Character::isDigit)) {
            return n + "." + row.label();
        }
        return n.startsWith("(") ? n + row.label() : n + "、" + row.label();
    }

    String render(Layout layout, List<Row> printed, Random random) {
        StringBuilder out = new StringBuilder();
        String nl = layout == Layout.CRAWLER ? "" : "\n";
        out.append(AGENCY).append(form.year).append("年政府信息公开工作年度报告\n");
        out.append("本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自").append(form.year)
                .append("年1月1日起至").append(form.year).append("年12月31日。").append(nl)
                .append("一、概述").append(nl).append("本年度政府信息公开工作稳步推进。").append(nl)
                .append("附件：").append(AGENCY).append(form.year).append("年政府信息公开情况统计表").append(nl);
        List<String> header = form.cumulative
                ? List.of("指标名称", "计量单位", form.year + "年度", "历年累计") : List.of("统计指标", "单位", "统计数");
        cells(out, layout, header);
        if (layout == Layout.MARKDOWN) {
            out.append("|").append("---|".repeat(header.size())).append('\n');
        }
        for (Row row : printed) {
            List<String> cells = new ArrayList<>();
            cells.add(row.label());
            cells.add(row.unit());
            cells.addAll(row.values());
            cells(out, layout, cells);
        }
        out.append(nl).append("二、存在的主要问题及改进情况").append(nl).append("一是公开内容有待深化。\n");
        return out.toString();
    }

    private static void cells(StringBuilder out, Layout layout, List<String> cells) {
        switch (layout) {
            case CRAWLER -> cells.forEach(out::append);
            case LINES -> cells.forEach(c -> out.append(c).append('\n'));
            case MARKDOWN -> out.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
    }

    private static List<FormRow> formRows(String variant) {
        List<FormRow> rows = new ArrayList<>();
        for (CSVRecord r : csv("/templates/row-labels.csv")) {
            if (r.get("format_version").equals("legacy") && r.get("variant").equals(variant)) {
                rows.add(new FormRow(r.get("row_code"), r.get("numbering"), r.get("labels").split("\\|")[0]));
            }
        }
        return rows;
    }

    /** The column sums of the form that its rows print. */
    private static List<Sum> sums(String variant, List<FormRow> rows) {
        List<String> codes = rows.stream().map(FormRow::code).toList();
        List<Sum> sums = new ArrayList<>();
        for (CSVRecord r : csv("/templates/identities.csv")) {
            if (!r.get(0).equals("legacy") || !r.get(3).equals("each_column") || !r.get(6).equals("=")
                    || !(r.get(7).isEmpty() || r.get(7).equals(variant)) || !codes.contains(r.get(4))) {
                continue;
            }
            List<String> rhs = new ArrayList<>();
            for (String term : r.get(5).split("\\+")) {
                if (term.endsWith(".*")) {
                    String parent = term.substring(0, term.length() - 1);
                    codes.stream().filter(c -> c.startsWith(parent) && c.indexOf('.', parent.length()) < 0)
                            .forEach(rhs::add);
                } else if (codes.contains(term)) {
                    rhs.add(term);
                }
            }
            if (!rhs.isEmpty()) {
                sums.add(new Sum(r.get(4), rhs));
            }
        }
        return sums;
    }

    private static List<CSVRecord> csv(String resource) {
        try (InputStream in = SyntheticLegacyReport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder data = new StringBuilder();
            for (String line : text.split("\n")) {
                if (!line.startsWith("#")) {
                    data.append(line).append('\n');
                }
            }
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(new java.io.ByteArrayInputStream(
                            data.toString().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
