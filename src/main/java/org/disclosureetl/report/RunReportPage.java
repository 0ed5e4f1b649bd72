package org.disclosureetl.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.disclosureetl.export.HtmlText;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.PartitionRequests.AttemptRow;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.disclosureetl.store.ReportingQueries.DocumentRow;
import org.disclosureetl.store.ReportingQueries.FailureRow;
import org.disclosureetl.store.ReportingQueries.IssueRow;

/**
 * Renders a {@link RunReport} as one static HTML page: inline CSS, inline SVG bar charts, no script
 * and no external resource (a Content-Security-Policy forbids any), so it opens from the disk in any
 * browser and shows the same thing every time. Every value from the data is HTML-escaped.
 */
public final class RunReportPage {

    /** Statuses in the order the console summary gives them. */
    static final List<String> STATUSES = List.of(DocumentStatus.EXTRACTED.code(), DocumentStatus.NO_TABLE.code(),
            DocumentStatus.NOT_A_REPORT.code(), DocumentStatus.FAILED.code(), DocumentStatus.PENDING.code());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private RunReportPage() {
    }

    public static String render(RunReport r) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>disclosure-etl run ").append(r.runId()).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}\n")
                .append("th{background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append(".status-COMPLETED{color:#1a7f37}.status-FAILED,.status-STOPPED{color:#cf222e}\n")
                .append("dl.summary{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}\n")
                .append("svg text{font-size:12px;font-family:inherit}\n</style></head><body>\n");
        h.append("<h1>Run <span id=\"run-id\">").append(r.runId()).append("</span> <span id=\"run-status\" class=\"status-")
                .append(HtmlText.escape(r.status())).append("\">").append(HtmlText.escape(r.status())).append("</span></h1>\n");

        h.append("<h2>Summary</h2>\n<dl class=\"summary\">\n");
        item(h, "started", r.start() == null ? "" : r.start().format(TIME));
        item(h, "ended", r.end() == null ? "" : r.end().format(TIME));
        item(h, "took", String.format(Locale.ROOT, "%.1f s", r.took().toMillis() / 1000.0));
        item(h, "input", r.input());
        item(h, "output", r.output());
        if (!r.discovery().isEmpty()) {
            item(h, "files", r.discovery().get("files") + " seen, " + r.discovery().get("added") + " new, "
                    + r.discovery().get("changed") + " changed, " + r.discovery().get("unchanged") + " unchanged, "
                    + r.discovery().get("deleted") + " deleted");
        }
        h.append("<dt>documents</dt><dd id=\"documents\">").append(r.documents().size()).append(" processed, ")
                .append(r.count(DocumentStatus.EXTRACTED.code())).append(" extracted, ").append(r.count(DocumentStatus.NO_TABLE.code())).append(" without table, ")
                .append(r.count(DocumentStatus.NOT_A_REPORT.code())).append(" not a report, ").append(r.count(DocumentStatus.FAILED.code())).append(" failed</dd>\n");
        h.append("<dt>cells written</dt><dd id=\"cells\">").append(r.cells()).append("</dd>\n");
        h.append("<dt>issues found</dt><dd id=\"issues\">").append(r.issues().size()).append("</dd>\n");
        if (r.ocrPages() > 0) {
            h.append("<dt>pages read by OCR</dt><dd id=\"ocr-pages\">").append(r.ocrPages()).append(" (in ")
                    .append(r.ocrDocuments()).append(r.ocrDocuments() == 1 ? " document" : " documents")
                    .append("; documents.csv's ocr_pages names them)</dd>\n");
        }
        if (!r.partitionAttempts().isEmpty()) {
            h.append("<dt>partitions re-sent</dt><dd id=\"resent\">").append(r.resent())
                    .append(" (a worker was lost; see Partitions)</dd>\n");
        }
        h.append("</dl>\n");
        if (r.database() != null) {
            // a run that changed nothing processed no document: the page still says what the CSV files hold
            DocumentRepository.RunCounts db = r.database();
            h.append("<h2>The database</h2>\n");
            if (r.documents().isEmpty()) {
                h.append("<p id=\"nothing-changed\">This run processed no document (nothing new or changed):"
                        + " the files hold the database's documents, as below.</p>\n");
            }
            h.append("<dl class=\"summary\">\n<dt>documents</dt><dd id=\"database-documents\">").append(db.processed())
                    .append(" in all, ").append(db.extracted()).append(" extracted, ").append(db.noTable())
                    .append(" without table, ").append(db.notReport()).append(" not a report, ").append(db.failed())
                    .append(" failed</dd>\n<dt>cells</dt><dd id=\"database-cells\">").append(db.cells())
                    .append("</dd>\n<dt>issues</dt><dd id=\"database-issues\">").append(db.issues()).append("</dd>\n</dl>\n");
        }
        for (String error : r.errors()) {
            h.append("<p class=\"status-FAILED\">error: ").append(HtmlText.escape(error)).append("</p>\n");
        }

        // one pass: counting each document's status over all documents took 9 s of a 20,000-document run
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s, 0L));
        r.documents().forEach(d -> byStatus.merge(d.status(), 1L, Long::sum));
        h.append("<h2>Documents by status</h2>\n");
        barChart(h, "chart-status", byStatus);
        statusByFormat(h, r.documents());

        Map<String, Long> byRule = new TreeMap<>();
        Map<String, java.util.Set<String>> documentsByRule = new TreeMap<>();
        for (IssueRow i : r.issues()) {
            byRule.merge(i.rule(), 1L, Long::sum);
            documentsByRule.computeIfAbsent(i.rule(), k -> new java.util.TreeSet<>()).add(i.sourceFile());
        }
        h.append("<h2>Validation issues by rule</h2>\n");
        if (byRule.isEmpty()) {
            h.append("<p>No validation issues.</p>\n");
        } else {
            barChart(h, "chart-rules", byRule);
            h.append("<table id=\"issues-by-rule\"><tr><th>rule</th><th>issues</th><th>documents</th></tr>\n");
            byRule.forEach((rule, n) -> h.append("<tr><td>").append(HtmlText.escape(rule)).append("</td><td class=\"n\">").append(n)
                    .append("</td><td class=\"n\">").append(documentsByRule.get(rule).size()).append("</td></tr>\n"));
            h.append("</table>\n");
        }

        h.append("<h2>Validation issues by document</h2>\n");
        Map<String, List<IssueRow>> byDocument = new TreeMap<>();
        r.issues().forEach(i -> byDocument.computeIfAbsent(i.sourceFile(), k -> new ArrayList<>()).add(i));
        if (byDocument.isEmpty()) {
            h.append("<p>No validation issues.</p>\n");
        }
        byDocument.forEach((file, issues) -> {
            h.append("<h3>").append(HtmlText.escape(file)).append(" <small>(").append(issues.size()).append(")</small></h3>\n");
            h.append("<table class=\"issues\"><tr><th>rule</th><th>cell</th><th>where in the file</th><th>expected</th>")
                    .append("<th>actual</th><th>message</th></tr>\n");
            for (IssueRow i : issues) {
                String cell = String.join("/", nonNull(i.tableCode(), i.rowCode(), i.columnCode()));
                h.append("<tr><td>").append(HtmlText.escape(i.rule())).append("</td><td>").append(HtmlText.escape(cell)).append("</td><td>")
                        .append(HtmlText.escape(i.location())).append("</td><td class=\"n\">").append(HtmlText.escape(i.expected()))
                        .append("</td><td class=\"n\">").append(HtmlText.escape(i.actual())).append("</td><td>").append(HtmlText.escape(i.message()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        });

        h.append("<h2>Failures</h2>\n");
        if (r.failures().isEmpty()) {
            h.append("<p id=\"failures\">No failures.</p>\n");
        } else {
            h.append("<table id=\"failures\"><tr><th>file</th><th>step</th><th>error type</th><th>reason</th><th>time</th></tr>\n");
            for (FailureRow f : r.failures()) {
                h.append("<tr><td>").append(HtmlText.escape(f.sourceFile())).append("</td><td>").append(HtmlText.escape(f.step())).append("</td><td>")
                        .append(HtmlText.escape(f.errorType())).append("</td><td>").append(HtmlText.escape(f.message())).append("</td><td>")
                        .append(f.time().format(TIME)).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        partitionAttempts(h, r.partitionAttempts());

        h.append("<h2>Documents</h2>\n<table id=\"document-list\"><tr><th>file</th><th>agency</th><th>region</th><th>year</th>")
                .append("<th>format</th><th>status</th><th>cells</th><th>issues</th></tr>\n");
        for (DocumentRow d : r.documents()) {
            String region = d.regionCode() == null || d.regionCode().isEmpty() ? ""
                    : d.regionCode() + " " + String.join(" ", nonNull(d.province(), d.prefecture(), d.county()));
            h.append("<tr><td>").append(HtmlText.escape(d.sourceFile())).append("</td><td>").append(HtmlText.escape(d.agency())).append("</td><td>")
                    .append(HtmlText.escape(region)).append("</td><td>").append(d.reportYear() == null ? "" : d.reportYear())
                    .append("</td><td>").append(HtmlText.escape(d.formatVersion())).append("</td><td>").append(HtmlText.escape(d.status()))
                    .append("</td><td class=\"n\">").append(d.cells()).append("</td><td class=\"n\">").append(d.issues())
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p>Files of this run: <code>documents.csv</code>, <code>observations.csv</code>, ")
                .append("<code>validation_issues.csv</code>, <code>failures.csv</code> and <code>codebook.md</code> in ")
                .append(HtmlText.escape(r.output())).append(".</p>\n</body></html>\n");
        return h.toString();
    }

    private static void statusByFormat(StringBuilder h, List<DocumentRow> documents) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        java.util.Set<String> statuses = new java.util.LinkedHashSet<>();
        for (String s : STATUSES) {
            if (documents.stream().anyMatch(d -> s.equals(d.status()))) {
                statuses.add(s);
            }
        }
        documents.forEach(d -> statuses.add(d.status()));
        for (DocumentRow d : documents) {
            String format = d.formatVersion() == null ? "(none)" : d.formatVersion();
            counts.computeIfAbsent(format, k -> new LinkedHashMap<>()).merge(d.status(), 1L, Long::sum);
        }
        h.append("<table id=\"status-by-format\"><tr><th>format</th>");
        statuses.forEach(s -> h.append("<th>").append(HtmlText.escape(s)).append("</th>"));
        h.append("<th>all</th></tr>\n");
        counts.forEach((format, byStatus) -> {
            h.append("<tr><td>").append(HtmlText.escape(format)).append("</td>");
            statuses.forEach(s -> h.append("<td class=\"n\">").append(byStatus.getOrDefault(s, 0L)).append("</td>"));
            h.append("<td class=\"n\">").append(byStatus.values().stream().mapToLong(Long::longValue).sum()).append("</td></tr>\n");
        });
        h.append("</table>\n");
    }

    /** A horizontal bar chart, one bar per entry, labelled with its name and count. */
    private static void barChart(StringBuilder h, String id, Map<String, Long> values) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int rowHeight = 22;
        int labelWidth = 200;
        int barWidth = 360;
        int height = rowHeight * values.size() + 4;
        h.append("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(labelWidth + barWidth + 60).append("\" height=\"").append(height).append("\" role=\"img\">\n");
        int y = 2;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            long width = Math.round((double) barWidth * e.getValue() / max);
            h.append("<g class=\"bar\"><text x=\"0\" y=\"").append(y + 15).append("\">").append(HtmlText.escape(e.getKey())).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2).append("\" width=\"").append(width)
                    .append("\" height=\"").append(rowHeight - 6).append("\" fill=\"#4c78a8\"/>")
                    .append("<text x=\"").append(labelWidth + width + 6).append("\" y=\"").append(y + 15).append("\">")
                    .append(e.getValue()).append("</text></g>\n");
            y += rowHeight;
        }
        h.append("</svg>\n");
    }

    private static void item(StringBuilder h, String name, String value) {
        h.append("<dt>").append(HtmlText.escape(name)).append("</dt><dd>").append(HtmlText.escape(value)).append("</dd>\n");
    }

    private static List<String> nonNull(String... parts) {
        List<String> list = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                list.add(p);
            }
        }
        return list;
    }

    /** Remote runs: each send of an extract partition to a worker, its worker and how it ended. */
    private static void partitionAttempts(StringBuilder h, List<AttemptRow> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        h.append("<h2>Partitions</h2>\n<table id=\"partition-attempts\"><tr><th>partition</th><th>attempt</th>")
                .append("<th>worker</th><th>outcome</th><th>reason</th></tr>\n");
        for (AttemptRow a : attempts) {
            h.append("<tr><td>").append(HtmlText.escape(a.stepName())).append("</td><td class=\"n\">").append(a.attempt())
                    .append("</td><td>").append(HtmlText.escape(a.worker() == null ? "" : a.worker())).append("</td><td>")
                    .append(HtmlText.escape(a.outcome() == null ? "open" : a.outcome())).append("</td><td>")
                    .append(HtmlText.escape(a.reason() == null ? "" : a.reason())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }
}
