package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.disclosureetl.extract.attribution.Attribution;
import org.disclosureetl.extract.attribution.Attributor;
import org.disclosureetl.normalize.NormalizedDocument;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The extract stage: identifies a normalized report (agency, year, template generation) and reads
 * the cells of its standardized tables into the canonical schema. Every table is read by each
 * {@link TableReader} of {@link #READERS} in every printed form (variant) the catalogue knows, and the
 * reading with the most cells and the fewest doubts is kept. A reader that fails on a table gives no
 * reading of it and a {@link FindingRule#READER_FAILED} finding: the document keeps the other readers' readings.
 */
@Component
public class ReportExtractor {

    /**
     * The layout kinds every document is read with, in this order: a complete and undoubted reading by a
     * kind that {@link TableReader.Kind#keepsCellBoundaries() keeps cell boundaries} ends a table's search.
     * A new layout is one new {@link TableReader} and its kind here.
     */
    static final List<TableReader.Kind> READERS = List.of(AnchoredRowReader.KIND, FlattenedTableReader.KIND);

    /** A table counts as found when at least this many of its rows are (one row alone may be prose). */
    private static final int MIN_ROWS_FOR_A_TABLE = 2;

    private final TemplateCatalog catalog;
    private final List<TableReader.Kind> kinds;
    private final Attributor attributor = new Attributor();

    @Autowired
    public ReportExtractor(TemplateCatalog catalog) {
        this(catalog, READERS);
    }

    /** An extractor with other readers (tests of how readers are combined). */
    ReportExtractor(TemplateCatalog catalog, List<TableReader.Kind> kinds) {
        this.catalog = catalog;
        this.kinds = List.copyOf(kinds);
    }

    /** A report whose file name is unknown (tests of text written inline). */
    public Extraction extract(NormalizedDocument document) {
        return extract(document, null);
    }

    /**
     * @param sourceName the name of the file the report came from (its last path element, evidence of
     *                   its agency and year), or null
     */
    public Extraction extract(NormalizedDocument document, String sourceName) {
        Attribution attribution = attributor.attribute(document.lines(), sourceName);
        ReportIdentity identity = attribution.identity();
        LabelStream stream = LabelStream.of(document);
        List<Finding> failures = new ArrayList<>();
        List<Reader> readers = readers(new TableReader.ReportText(document, stream, catalog::labelIndex,
                catalog::placedIdentities), failures);
        ProseEvidence prose = new ProseEvidence(stream.text());

        // the generation the column labels name is nearly always right: when it reads every table, the others are not read
        String byLabels = formatFromClues(stream);
        Map<String, FormatReading> byFormat = new LinkedHashMap<>();
        if (byLabels != null) {
            FormatReading labelled = read(byLabels, readers, prose);
            if (labelled.tables().size() == labelled.templateTables().size()) {
                byFormat.put(byLabels, labelled);
            }
        }
        if (byFormat.isEmpty()) {
            for (String format : catalog.formats()) {
                byFormat.put(format, read(format, readers, prose));
            }
        }
        FormatDecision decision = decide(byLabels, byFormat, identity.reportYear());
        FormatReading best = decision.format() == null ? null : byFormat.get(decision.format());
        if (best == null || best.tables().isEmpty()) {
            DocumentStatus status = identity.titled()
                    ? DocumentStatus.NO_TABLE : DocumentStatus.NOT_A_REPORT;
            FindingRule rule = identity.titled() ? FindingRule.NO_TABLE : FindingRule.NOT_A_REPORT;
            List<Finding> findings = new ArrayList<>();
            findings.add(Finding.of(rule)
                    .message(identity.titled() ? "an annual report, but none of its standardized tables was recognized"
                            : "not recognized as an annual disclosure report: no title and no standardized table"));
            if (identity.titled()) {
                findings.addAll(attributionFindings(attribution));
            }
            findings.addAll(failures);
            byFormat.values().stream().flatMap(r -> r.failures().stream()).distinct().forEach(findings::add);
            return new Extraction(document.contentType(), document.script(), identity, null, status, 0,
                    List.of(), findings, List.of());
        }
        List<Observation> observations = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(attributionFindings(attribution));
        findings.addAll(decision.findings());
        findings.addAll(failures);
        findings.addAll(best.failures());
        List<IdentityRule> identities = new ArrayList<>();
        for (TemplateTable table : best.templateTables()) {
            TableReading reading = best.tables().get(table.code());
            if (reading == null) {
                findings.add(Finding.of(FindingRule.TABLE_MISSING)
                        .table(table.code())
                        .message("table " + table.code() + " of the " + decision.format() + " format was not found"));
                identities.addAll(catalog.identities(decision.format(), table.code(), table.firstVariant()));
                continue;
            }
            for (Observation o : reading.observations()) {
                observations.add(o.withOrdinal(observations.size()));
            }
            findings.addAll(reading.findings());
            identities.addAll(catalog.identities(decision.format(), table.code(), reading.table().variant()));
        }
        return new Extraction(document.contentType(), document.script(), identity, decision.format(),
                DocumentStatus.EXTRACTED, best.tables().size(), observations, findings, identities);
    }

    /** Where the report's statements of its agency and year disagree, and what it does not say. */
    private static List<Finding> attributionFindings(Attribution attribution) {
        List<Finding> findings = new ArrayList<>(attribution.findings());
        if (attribution.identity().agency() == null) {
            findings.add(Finding.of(FindingRule.AGENCY_UNKNOWN)
                    .message("no title, header field, signature or sentence of the report names its agency"));
        }
        if (attribution.identity().reportYear() == null) {
            findings.add(Finding.of(FindingRule.YEAR_UNKNOWN)
                    .message("no title, statistics period or date of the report tells the year it covers"));
        }
        return findings;
    }

    /** A table code of a format and the variants it is printed in. */
    private record TemplateTable(String code, List<TableTemplate> variants) {
        String firstVariant() {
            return variants.get(0).variant();
        }
    }

    /** The best reading of every table of one format, and the readers' failures while reading them. */
    private record FormatReading(List<TemplateTable> templateTables, Map<String, TableReading> tables,
                                 List<Finding> failures) {
        long cellsRead() {
            return tables.values().stream().mapToLong(TableReading::cellsRead).sum();
        }

        int rowsFound() {
            return tables.values().stream().mapToInt(TableReading::rowsFound).sum();
        }
    }

    /** A layout kind's reader of this document. */
    private record Reader(TableReader.Kind kind, TableReader reader) {
    }

    /** The document's reader of each kind; a kind that fails to build one is left out, with a finding. */
    private List<Reader> readers(TableReader.ReportText report, List<Finding> failures) {
        List<Reader> readers = new ArrayList<>();
        for (TableReader.Kind kind : kinds) {
            try {
                readers.add(new Reader(kind, kind.readerFor(report)));
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(Finding.of(FindingRule.READER_FAILED)
                        .message("the " + kind.name() + " reader failed to read the document (" + e
                        + "); its tables are read by the other readers alone"));
            }
        }
        return readers;
    }

    private FormatReading read(String format, List<Reader> readers, ProseEvidence prose) {
        Map<String, List<TableTemplate>> variants = new LinkedHashMap<>();
        for (TableTemplate template : catalog.tables(format)) {
            variants.computeIfAbsent(template.code(), k -> new ArrayList<>()).add(template);
        }
        List<TemplateTable> tables = variants.entrySet().stream()
                .map(e -> new TemplateTable(e.getKey(), e.getValue())).toList();
        Map<TableReader, Integer> cursors = new HashMap<>();
        Map<String, TableReading> readings = new LinkedHashMap<>();
        List<Finding> failures = new ArrayList<>();
        for (TemplateTable table : tables) {
            TableReading best = null;
            List<TableReading> considered = new ArrayList<>();
            for (Reader reader : readers) {
                TableReading reading = bestOf(reader, format, table, prose, cursors, failures, considered);
                if (reading == null) {
                    continue;
                }
                // a layout that kept its cell boundaries and reads completely without a doubt needs no solving
                if (reader.kind().keepsCellBoundaries() && reading.findings().isEmpty()
                        && reading.rowsFound() == reading.table().outputRows().size()) {
                    best = reading;
                    break;
                }
                best = best != null && best.betterThan(reading) ? best : reading;
            }
            if (best != null) {
                readings.put(table.code(), withRowsReadElsewhere(best, considered));
            }
        }
        return new FormatReading(tables, readings, failures);
    }

    /**
     * The kept reading, with a finding for each row another reading of the table found (another printed form, or
     * another reader) that the kept reading's form has no row for: the report prints that row, and the kept reading
     * leaves its cells unread. Without it they were neither read nor flagged (issue 26: a Fujian 2008 table crawled
     * with its cells run together reads with fewer doubts as another form, which lacks the rows 传真申请数 and
     * 电子邮件申请数). Such a row shows the table may be printed in that other form, so that form's other rows the
     * kept one lacks are flagged too, found or not (one of them not printed is as missing as in that form's own
     * reading). The findings do not change which reading is kept.
     */
    private static TableReading withRowsReadElsewhere(TableReading kept, List<TableReading> considered) {
        Set<String> ownRows = new HashSet<>();
        kept.table().rows().forEach(row -> ownRows.add(row.code()));
        Map<String, Finding> elsewhere = new LinkedHashMap<>();
        // first the rows some reading found (whichever reading found them), then the evidenced forms' other rows
        for (boolean found : new boolean[] {true, false}) {
            for (TableReading other : considered) {
                Set<String> read = other.rowsRead();
                List<String> printedOnlyThere = read.stream().filter(row -> !ownRows.contains(row)).toList();
                if (printedOnlyThere.isEmpty()) {
                    continue;
                }
                for (TableTemplate.Row row : other.table().outputRows()) {
                    if (ownRows.contains(row.code()) || elsewhere.containsKey(row.code())
                            || read.contains(row.code()) != found) {
                        continue;
                    }
                    String message = found
                            ? "a row labelled " + row.label() + " is printed (found when the table is read"
                            + printedAs(other.table()) + "), but the table reads best" + printedAs(kept.table())
                            + ", which has no such row; its cells are left unread"
                            : "the table prints rows of another form (" + String.join(", ", printedOnlyThere)
                            + ", found when it is read" + printedAs(other.table()) + "), whose row labelled "
                            + row.label() + " was not found either; the table reads best" + printedAs(kept.table())
                            + ", which has no such row";
                    elsewhere.put(row.code(), Finding.of(FindingRule.ROW_MISSING).table(kept.table().code())
                            .row(row.code()).message(message));
                }
            }
        }
        if (elsewhere.isEmpty()) {
            return kept;
        }
        List<Finding> findings = new ArrayList<>(kept.findings());
        findings.addAll(elsewhere.values());
        return new TableReading(kept.table(), kept.observations(), findings, kept.rowsFound(), kept.end());
    }

    private static String printedAs(TableTemplate table) {
        return table.variant() == null || table.variant().isEmpty() ? "" : " as printed form " + table.variant();
    }

    /**
     * The reader's best reading of the table over its printed forms, or null; advances the reader's cursor. A
     * reader that fails gives no reading of the table, and a finding.
     */
    private TableReading bestOf(Reader reader, String format, TemplateTable table, ProseEvidence prose,
                                Map<TableReader, Integer> cursors, List<Finding> failures,
                                List<TableReading> considered) {
        TableReading best = null;
        for (TableTemplate template : table.variants()) {
            List<IdentityRule> rules = catalog.identities(format, table.code(), template.variant());
            try {
                // a reading the reader could not make whole (null, no table) fails here too, inside the guard
                TableReading reading = reader.reader().read(template, rules, prose,
                        cursors.getOrDefault(reader.reader(), 0));
                if (found(reading)) {
                    considered.add(reading);
                    if (best == null || reading.betterThan(best)) {
                        best = reading;
                    }
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(Finding.of(FindingRule.READER_FAILED)
                        .table(table.code())
                        .message("the " + reader.kind().name() + " reader failed on table " + table.code()
                        + (template.variant() == null || template.variant().isEmpty() ? ""
                        : " (printed as " + template.variant() + ")")
                        + ": " + e + "; the table is read by the other readers alone"));
                return null;
            }
        }
        if (best != null) {
            cursors.put(reader.reader(), best.end());
        }
        return best;
    }

    private static boolean found(TableReading reading) {
        return reading.rowsFound() >= Math.min(MIN_ROWS_FOR_A_TABLE, reading.table().rows().size());
    }

    private record FormatDecision(String format, List<Finding> findings) {
    }

    /**
     * The generation comes from the column labels first (they are reliable), then from the row set
     * that reads best, then from the report year; where the evidence disagrees the labels win and a
     * document-level finding says so.
     */
    private FormatDecision decide(String byLabels, Map<String, FormatReading> byFormat, Integer year) {
        String byYear = catalog.formatForYear(year);
        String byRows = null;
        for (Map.Entry<String, FormatReading> e : byFormat.entrySet()) {
            FormatReading r = e.getValue();
            if (r.tables().isEmpty()) {
                continue;
            }
            if (byRows == null || r.rowsFound() > byFormat.get(byRows).rowsFound()
                    || r.rowsFound() == byFormat.get(byRows).rowsFound() && e.getKey().equals(byYear)) {
                byRows = e.getKey();
            }
        }
        String chosen = byLabels != null && byFormat.containsKey(byLabels) && !byFormat.get(byLabels).tables().isEmpty()
                ? byLabels
                : byRows != null ? byRows : null;
        List<Finding> findings = new ArrayList<>();
        if (chosen != null) {
            List<String> against = new ArrayList<>();
            if (byRows != null && !byRows.equals(chosen)) {
                against.add("the row set reads best as " + byRows);
            }
            if (byYear != null && !byYear.equals(chosen)) {
                against.add("report year " + year + " would mean " + byYear);
            }
            if (!against.isEmpty()) {
                findings.add(Finding.of(FindingRule.FORMAT_EVIDENCE_DISAGREES)
                        .expected(chosen)
                        .actual(String.join("; ", against))
                        .message("read as the " + chosen + " format"
                        + (chosen.equals(byLabels) ? " because its column labels say so" : "")
                        + ", although " + String.join(" and ", against)));
            }
        }
        return new FormatDecision(chosen, findings);
    }

    /** The generation whose distinctive labels appear with the most weight, or null when none does. */
    private String formatFromClues(LabelStream stream) {
        StringBuilder text = new StringBuilder();
        for (LabelStream.Piece piece : stream.pieces()) {
            text.append(piece.key()).append('|');
        }
        String all = text.toString();
        Map<String, Integer> scores = new HashMap<>();
        for (TemplateCatalog.FormatClue clue : catalog.clues()) {
            if (all.contains(clue.key())) {
                scores.merge(clue.formatVersion(), clue.weight(), Integer::sum);
            }
        }
        return scores.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }
}
