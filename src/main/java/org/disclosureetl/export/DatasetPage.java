package org.disclosureetl.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.disclosureetl.store.CorrectionRepository;
import org.disclosureetl.store.DatasetQueries;
import org.disclosureetl.store.DatasetQueries.CellTotal;
import org.disclosureetl.store.ReportingQueries;
import org.disclosureetl.vocabulary.QuestionKind;
import org.springframework.stereotype.Component;

/**
 * {@value #FILE}, written by every export beside the CSV files: what the data covers (documents by report year and
 * province, the years missing inside each agency's series), the headline figures of the 2019 and 2021 forms over the
 * years (applications received and carried over, the share granted in full or in part, reconsiderations and lawsuits
 * and how they ended) as tables and inline SVG bar charts, and the open review questions by year. One static page:
 * no script, nothing from the network (a Content-Security-Policy forbids it), every value HTML-escaped.
 */
@Component
public class DatasetPage {

    public static final String FILE = "dataset.html";

    /** The two outcome rows of a lawsuit, added up as "lawsuits". */
    private static final List<String> LITIGATION = List.of("litigation_direct", "litigation_after_review");
    static final List<String> OUTCOMES = List.of("upheld", "corrected", "other", "pending", "total");
    private static final List<String> APPLICATION_ROWS = List.of("new", "carried_over", "granted", "partially_granted",
            "results_total");

    private final DatasetQueries queries;
    private final CorrectionRepository corrections;

    public DatasetPage(DatasetQueries queries, CorrectionRepository corrections) {
        this.queries = queries;
        this.corrections = corrections;
    }

    /** Everything the page shows, gathered from the database. */
    record Dataset(List<DatasetQueries.Coverage> coverage, int outsideSeries, List<DatasetQueries.SeriesYear> series,
                   List<DatasetQueries.Reports> reports, List<CellTotal> totals,
                   List<CorrectionRepository.Question> questions) {
    }

    public void write(Path folder, ExportFilter filter) throws IOException {
        ExportFilter f = filter == null ? ExportFilter.ALL : filter;
        ReportingQueries.Selection selection = new ReportingQueries.Selection(f.year(), f.agency(), f.region(), null);
        List<String> courts = new ArrayList<>(List.of("review"));
        courts.addAll(LITIGATION);
        List<CellTotal> totals = queries.totals(selection, List.of(
                new DatasetQueries.CellBlock("applications", APPLICATION_ROWS, List.of("total")),
                new DatasetQueries.CellBlock("review_litigation", courts, OUTCOMES)));
        Dataset data = new Dataset(queries.coverage(selection), queries.outsideSeries(selection),
                queries.seriesYears(selection), queries.reports(selection), totals,
                corrections.openQuestions(selection));
        Files.createDirectories(folder);
        OutputFiles.writeAtomically(folder, FILE, render(data).getBytes(StandardCharsets.UTF_8));
    }

    static String render(Dataset d) {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>disclosure-etl dataset</title>\n<style>\n")
                .append("body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}\n")
                .append("th{background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("svg text{font-size:12px;font-family:inherit}.note{color:#666}\n</style></head><body>\n")
                .append("<h1>Dataset</h1>\n");
        int documents = d.coverage().stream().mapToInt(DatasetQueries.Coverage::documents).sum();
        int copies = d.reports().stream().mapToInt(DatasetQueries.Reports::documents).sum();
        h.append("<p id=\"summary\">").append(documents).append(" reports extracted; ").append(copies)
                .append(" in an agency's series (one per agency and year); ").append(d.outsideSeries())
                .append(" without a known agency or year, outside the series and the figures below.</p>\n");
        coverage(h, d);
        gaps(h, d);
        headline(h, d);
        questions(h, d);
        return h.append("</body></html>\n").toString();
    }

    private static void coverage(StringBuilder h, Dataset d) {
        h.append("<h2>Coverage</h2>\n<p>Extracted reports by province and report year.</p>\n");
        TreeSet<Integer> years = new TreeSet<>();
        boolean unknownYear = false;
        Map<String, Map<Integer, Integer>> byProvince = new TreeMap<>();
        for (DatasetQueries.Coverage c : d.coverage()) {
            if (c.reportYear() == null) {
                unknownYear = true;
            } else {
                years.add(c.reportYear());
            }
            byProvince.computeIfAbsent(c.province() == null ? "" : c.province(), k -> new TreeMap<>(
                            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                    .merge(c.reportYear(), c.documents(), Integer::sum);
        }
        List<Integer> columns = new ArrayList<>(years);
        if (unknownYear) {
            columns.add(null);
        }
        h.append("<table id=\"coverage\"><tr><th>province</th>");
        columns.forEach(y -> h.append("<th>").append(y == null ? "year unknown" : y).append("</th>"));
        h.append("<th>all</th></tr>\n");
        for (Map.Entry<String, Map<Integer, Integer>> e : byProvince.entrySet()) {
            h.append("<tr><td>").append(e.getKey().isEmpty() ? "not placed" : HtmlText.escape(e.getKey())).append("</td>");
            for (Integer y : columns) {
                h.append("<td class=\"n\">").append(e.getValue().getOrDefault(y, 0)).append("</td>");
            }
            h.append("<td class=\"n\">").append(e.getValue().values().stream().mapToInt(Integer::intValue).sum())
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** Each agency whose series has a gap: the years between its first and last report that have none. */
    private static void gaps(StringBuilder h, Dataset d) {
        Map<String, List<DatasetQueries.SeriesYear>> series = new LinkedHashMap<>();
        d.series().forEach(s -> series.computeIfAbsent(s.agencyKey(), k -> new ArrayList<>()).add(s));
        h.append("<h2>Series with a missing year</h2>\n<ul id=\"gaps\">");
        int shown = 0;
        for (List<DatasetQueries.SeriesYear> years : series.values()) {
            TreeSet<Integer> have = new TreeSet<>();
            years.forEach(y -> have.add(y.reportYear()));
            List<Integer> missing = new ArrayList<>();
            for (int y = have.first(); y <= have.last(); y++) {
                if (!have.contains(y)) {
                    missing.add(y);
                }
            }
            if (!missing.isEmpty()) {
                shown++;
                h.append("<li>").append(HtmlText.escape(years.get(0).agency())).append(" (").append(HtmlText.escape(years.get(0).agencyKey()))
                        .append("): ").append(have.first()).append("–").append(have.last()).append(", missing ")
                        .append(String.join(", ", missing.stream().map(String::valueOf).toList())).append("</li>");
            }
        }
        h.append("</ul>\n<p class=\"note\">").append(series.size()).append(" agencies in series, ").append(shown)
                .append(" with a year missing between their first and last report.</p>\n");
    }

    private static void headline(StringBuilder h, Dataset d) {
        Map<Integer, Integer> reports = new TreeMap<>();
        d.reports().stream().filter(r -> "2019".equals(r.formatVersion()) || "2021".equals(r.formatVersion()))
                .forEach(r -> reports.merge(r.reportYear(), r.documents(), Integer::sum));
        h.append("<h2>Headline figures</h2>\n<p>Sums over the series' reports of the 2019 and 2021 forms (panel.csv's rows),"
                + " corrections applied. Where some reports have no number in a cell, the sum is of those that have one,"
                + " and the table says how many lack it.</p>\n");
        h.append("<table id=\"headline\"><tr><th>report year</th><th>reports</th><th>applications received</th>"
                + "<th>carried over</th><th>granted in full or in part</th><th>of the results</th><th>share</th>"
                + "<th>reconsiderations</th><th>upheld</th><th>corrected</th><th>other</th><th>pending</th>"
                + "<th>lawsuits</th><th>upheld</th><th>corrected</th><th>other</th><th>pending</th></tr>\n");
        List<Bar> received = new ArrayList<>();
        List<Bar> share = new ArrayList<>();
        List<Bar> reconsiderations = new ArrayList<>();
        List<Bar> lawsuits = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : reports.entrySet()) {
            int year = e.getKey();
            int n = e.getValue();
            Figure newApplications = figure(d, year, "applications", List.of("new"), "total");
            Figure carried = figure(d, year, "applications", List.of("carried_over"), "total");
            Figure granted = figure(d, year, "applications", List.of("granted", "partially_granted"), "total");
            Figure results = figure(d, year, "applications", List.of("results_total"), "total");
            h.append("<tr id=\"year-").append(year).append("\"><td>").append(year).append("</td><td class=\"n\">")
                    .append(n).append("</td>");
            cell(h, "received-" + year, newApplications, n);
            cell(h, "carried-" + year, carried, n);
            cell(h, "granted-" + year, granted, 2 * n);
            cell(h, "results-" + year, results, n);
            BigDecimal ratio = results.sum().signum() == 0 ? null
                    : granted.sum().multiply(BigDecimal.valueOf(100)).divide(results.sum(), 1, RoundingMode.HALF_UP);
            h.append("<td class=\"n\" id=\"share-").append(year).append("\">")
                    .append(ratio == null ? "–" : ratio.toPlainString() + "%").append("</td>");
            for (String court : List.of("review", "litigation")) {
                List<String> rows = court.equals("review") ? List.of("review") : LITIGATION;
                int expected = court.equals("review") ? n : 2 * n;
                cell(h, court + "-total-" + year, figure(d, year, "review_litigation", rows, "total"), expected);
                for (String outcome : OUTCOMES.subList(0, 4)) {
                    cell(h, court + "-" + outcome + "-" + year, figure(d, year, "review_litigation", rows, outcome),
                            expected);
                }
            }
            h.append("</tr>\n");
            received.add(new Bar(String.valueOf(year), newApplications.sum(), plain(newApplications.sum())));
            share.add(new Bar(String.valueOf(year), ratio == null ? BigDecimal.ZERO : ratio,
                    ratio == null ? "–" : ratio.toPlainString() + "%"));
            BigDecimal review = figure(d, year, "review_litigation", List.of("review"), "total").sum();
            reconsiderations.add(new Bar(String.valueOf(year), review, plain(review)));
            BigDecimal suits = figure(d, year, "review_litigation", LITIGATION, "total").sum();
            lawsuits.add(new Bar(String.valueOf(year), suits, plain(suits)));
        }
        h.append("</table>\n");
        chart(h, "chart-received", "Applications received", received, null);
        chart(h, "chart-share", "Share granted in full or in part", share, BigDecimal.valueOf(100));
        chart(h, "chart-reconsiderations", "Reconsiderations", reconsiderations, null);
        chart(h, "chart-lawsuits", "Lawsuits", lawsuits, null);
    }

    /** The sum of a cell over a year's reports (rows added up) and how many of those cells have a number. */
    record Figure(BigDecimal sum, int valued) {
    }

    private static Figure figure(Dataset d, int year, String table, List<String> rows, String column) {
        BigDecimal sum = BigDecimal.ZERO;
        int valued = 0;
        for (CellTotal t : d.totals()) {
            if (t.reportYear() == year && t.tableCode().equals(table) && rows.contains(t.rowCode())
                    && t.columnCode().equals(column)) {
                sum = sum.add(Objects.requireNonNullElse(t.sum(), BigDecimal.ZERO));
                valued += t.valued();
            }
        }
        return new Figure(sum, valued);
    }

    /** A figure's cell; when fewer than {@code cells} of its cells have a number, how many lack one. */
    private static void cell(StringBuilder h, String id, Figure f, int cells) {
        h.append("<td class=\"n\" id=\"").append(id).append("\">").append(plain(f.sum()));
        if (f.valued() < cells) {
            h.append(" <span class=\"note\">(").append(cells - f.valued()).append(" without a number)</span>");
        }
        h.append("</td>");
    }

    private record Bar(String label, BigDecimal value, String text) {
    }

    /** A horizontal bar chart in inline SVG: one bar per year, its length relative to {@code scale} or the largest. */
    private static void chart(StringBuilder h, String id, String title, List<Bar> bars, BigDecimal scale) {
        BigDecimal max = scale != null ? scale
                : bars.stream().map(Bar::value).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        h.append("<h3>").append(HtmlText.escape(title)).append("</h3>\n<svg id=\"").append(id)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"").append(bars.size() * 24 + 8)
                .append("\" role=\"img\" aria-label=\"").append(HtmlText.escape(title)).append("\">\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int width = max.signum() == 0 ? 0
                    : b.value().multiply(BigDecimal.valueOf(400)).divide(max, 0, RoundingMode.HALF_UP).intValue();
            int y = i * 24 + 4;
            h.append("<g class=\"bar\"><text x=\"0\" y=\"").append(y + 13).append("\">").append(HtmlText.escape(b.label()))
                    .append("</text><rect x=\"60\" y=\"").append(y).append("\" width=\"").append(width)
                    .append("\" height=\"18\" fill=\"#4a7bb7\"></rect><text x=\"").append(66 + width).append("\" y=\"")
                    .append(y + 13).append("\">").append(HtmlText.escape(b.text())).append("</text></g>\n");
        }
        h.append("</svg>\n");
    }

    private static void questions(StringBuilder h, Dataset d) {
        Map<Integer, int[]> byYear = new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        for (CorrectionRepository.Question q : d.questions()) {
            int[] counts = byYear.computeIfAbsent(q.reportYear(), k -> new int[3]);
            counts[q.kind() == QuestionKind.STALE_CORRECTION || q.earlier() != null ? 2 : q.kind().asksForCell() ? 0 : 1]++;
        }
        h.append("<h2>Open review questions</h2>\n<p>What <code>review</code> lists (review.xlsx): cells the reports do not"
                + " fix or that sit in an identity that does not hold, documents whose agency, year or form is unknown or doubtful, and corrections gone stale.</p>\n")
                .append("<table id=\"questions\"><tr><th>report year</th><th>cells</th><th>documents</th>"
                        + "<th>stale corrections</th></tr>\n");
        for (Map.Entry<Integer, int[]> e : byYear.entrySet()) {
            String year = e.getKey() == null ? "unknown" : String.valueOf(e.getKey());
            h.append("<tr id=\"questions-").append(year).append("\"><td>").append(year).append("</td>");
            for (int count : e.getValue()) {
                h.append("<td class=\"n\">").append(count).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<p id=\"questions-total\">").append(d.questions().size()).append(" open questions</p>\n");
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
