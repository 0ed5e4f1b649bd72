package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.disclosureetl.normalize.NormalizedDocument;
import org.springframework.stereotype.Component;

/**
 * The extract stage: identifies a normalized report (agency, year, template generation) and reads
 * the cells of its standardized tables into the canonical schema.
 */
@Component
public class ReportExtractor {

    private final TemplateCatalog catalog;

    public ReportExtractor(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    public Extraction extract(NormalizedDocument document) {
        ReportIdentity identity = ReportIdentifier.identify(document.lines());
        List<Token> tokens = Tokenizer.tokenize(document);
        List<LabelKey> keys = TableMatcher.keysOf(tokens);
        String clueFormat = formatFromClues(tokens, keys);

        // the generation the column labels name is nearly always right: try it first, the others only if it reads nothing
        Attempt best = clueFormat == null ? null : attempt(clueFormat, tokens, keys);
        if (best == null || best.valuesFound == 0) {
            for (String format : TemplateCatalog.FORMATS) {
                Attempt attempt = attempt(format, tokens, keys);
                if (best == null || attempt.score(clueFormat) > best.score(clueFormat)) {
                    best = attempt;
                }
            }
        }
        if (best.valuesFound == 0) {
            Extraction.ReportStatus status = identity.titled()
                    ? Extraction.ReportStatus.NO_TABLE : Extraction.ReportStatus.NOT_A_REPORT;
            List<Finding> findings = List.of(new Finding(status.code(), null, null, null, null, null,
                    identity.titled() ? "an annual report, but none of its standardized tables was recognized"
                            : "not recognized as an annual disclosure report: no title and no standardized table"));
            return new Extraction(document.contentType(), document.script(), identity, null, status, 0,
                    List.of(), findings);
        }
        return new Extraction(document.contentType(), document.script(), identity, best.format,
                Extraction.ReportStatus.EXTRACTED, best.tablesFound, best.observations, best.findings);
    }

    private Attempt attempt(String format, List<Token> tokens, List<LabelKey> keys) {
        TableMatcher matcher = new TableMatcher(tokens, keys);
        List<Observation> observations = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int tablesFound = 0;
        int ordinal = 0;
        for (TableTemplate table : catalog.tables(format)) {
            RowBalance balance = new RowBalance(catalog.identities(format).stream()
                    .filter(rule -> rule.tableCode().equals(table.code())).toList());
            TableMatcher.TableMatch match = matcher.match(table, ordinal, balance);
            ordinal += table.cellCount();
            if (match.rowsFound() == 0) {
                findings.add(new Finding("table_missing", table.code(), null, null, null, null,
                        "table " + table.code() + " of the " + format + " format was not found"));
                continue;
            }
            tablesFound++;
            observations.addAll(match.observations());
            findings.addAll(match.findings());
        }
        int valuesFound = (int) observations.stream().filter(o -> o.where() != null).count();
        return new Attempt(format, tablesFound, valuesFound, observations, findings);
    }

    /** The generation whose distinctive labels appear with the most weight, or null when none does. */
    private String formatFromClues(List<Token> tokens, List<LabelKey> keys) {
        Set<String> seen = new HashSet<>();
        Map<String, Integer> scores = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (keys.get(i) == null) {
                continue;
            }
            String key = keys.get(i).key();
            for (TemplateCatalog.FormatClue clue : catalog.clues()) {
                if (key.startsWith(clue.key()) && seen.add(clue.formatVersion() + "/" + clue.key())) {
                    scores.merge(clue.formatVersion(), clue.weight(), Integer::sum);
                }
            }
        }
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private record Attempt(String format, int tablesFound, int valuesFound, List<Observation> observations,
                           List<Finding> findings) {
        /** Clues decide; among formats the clues do not single out, the one that reads more cells wins. */
        long score(String clueFormat) {
            long clueBonus = format.equals(clueFormat) && valuesFound > 0 ? 1_000_000L : 0L;
            return clueBonus + valuesFound * 10L - findings.size();
        }
    }
}
