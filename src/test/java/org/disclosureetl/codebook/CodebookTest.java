package org.disclosureetl.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.disclosureetl.extract.FindingRule;
import org.disclosureetl.extract.TableTemplate;
import org.disclosureetl.extract.TemplateCatalog;
import org.disclosureetl.vocabulary.ResourceCsv;
import org.junit.jupiter.api.Test;

/**
 * The codebook is generated from the template files: it must hold exactly the cells the extractor's
 * catalogue knows (checked through TemplateCatalog's own reading, both ways), and every one of them
 * must have an English description (the lead fills gaps left by new template rows from the list
 * this test prints).
 */
class CodebookTest {

    private final Codebook codebook = new Codebook();
    private final Map<String, CodebookEntry> byKey = codebook.entries().stream()
            .collect(Collectors.toMap(CodebookEntry::key, Function.identity()));

    @Test
    void listsExactlyTheCellsOfTheTemplateCatalogue() {
        TemplateCatalog catalog = new TemplateCatalog();
        Set<String> catalogue = new LinkedHashSet<>();
        for (String format : catalog.formats()) {
            for (TableTemplate printed : catalog.tables(format)) {
                // every printed form, with the column some forms add, and only rows that have cells of their own
                TableTemplate table = printed.withOptionalColumn();
                List<TableTemplate.Row> rows = new java.util.ArrayList<>(table.outputRows());
                rows.addAll(table.spareRows());
                for (TableTemplate.Row row : rows) {
                    for (TableTemplate.Column column : row.columns()) {
                        catalogue.add(table.code() + "/" + row.code() + "/" + column.code());
                    }
                }
            }
        }

        assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(catalogue);
        assertThat(codebook.entries()).hasSize(byKey.size());
    }

    @Test
    void theCellsOfARowStandTogetherWhateverFormHasThem() {
        List<String> rules = codebook.entries().stream().filter(e -> e.rowCode().equals("art20_1.rules"))
                .map(CodebookEntry::columnCode).toList();
        int first = codebook.entries().indexOf(byKey.get("proactive/art20_1.rules/issued"));

        assertThat(rules).containsExactly("issued", "repealed", "in_force", "made", "published", "total_published");
        assertThat(codebook.entries().subList(first, first + 6)).extracting(CodebookEntry::rowCode)
                .containsOnly("art20_1.rules");
    }

    @Test
    void everyCatalogueCodeHasAnEnglishDescription() {
        assertThat(codebook.undescribed())
                .as("add these format/table/row/column keys to src/main/resources/" + CellDescriptions.RESOURCE)
                .isEmpty();
        assertThat(codebook.tables()).extracting(Codebook.Table::tableCode)
                .containsExactly("proactive", "applications", "review_litigation", "statistics");
    }

    @Test
    void aCellOfBothModernFormsCarriesLabelsYearsAndIdentities() {
        CodebookEntry withheld = byKey.get("applications/withheld.prohibited_by_law/natural_person");

        assertThat(withheld).isEqualTo(new CodebookEntry("applications", "withheld.prohibited_by_law",
                "natural_person", "(三)不予公开 2.其他法律行政法规禁止公开", "自然人",
                "Answered: withheld, disclosure prohibited by other laws or administrative regulations: natural persons",
                "applications", List.of("2021", "2019"), 2019, null, List.of("applicant_total", "results_total")));
        assertThat(withheld.reportYears()).isEqualTo("2019-");
    }

    @Test
    void labelsThatDifferBetweenFormsAreBothGivenAndOneFormCellsKeepTheirYears() {
        CodebookEntry normative = byKey.get("proactive/art20_1.normative_docs/issued");
        CodebookEntry procurement = byKey.get("proactive/art20_9.procurement/procurement_amount");
        CodebookEntry other2019 = byKey.get("applications/other/total");
        CodebookEntry otherOther = byKey.get("applications/other.other/total");

        assertThat(normative.rowLabel()).isEqualTo("第二十条第(一)项 行政规范性文件");
        assertThat(normative.formatVersions()).containsExactly("2021");
        assertThat(normative.reportYears()).isEqualTo("2021-");
        assertThat(byKey.get("proactive/art20_1.normative_docs/made").rowLabel())
                .isEqualTo("第二十条第(一)项 规范性文件");
        assertThat(procurement.formatVersions()).containsExactly("2019");
        assertThat(procurement.reportYears()).isEqualTo("2019-2020");
        assertThat(procurement.identities()).isEmpty();
        assertThat(other2019.identities()).containsExactly("applicant_total", "results_total");
        assertThat(otherOther.identities()).containsExactly("applicant_total", "results_total");
        assertThat(byKey.get("review_litigation/review/total").identities()).containsExactly("outcome_total");
    }

    @Test
    void legacyCellsSpanTheYearsBefore2019AndTheirSubItemSums() {
        CodebookEntry fax = byKey.get("statistics/requests.received.fax/value");
        CodebookEntry received = byKey.get("statistics/requests.received/value");

        assertThat(fax).isEqualTo(new CodebookEntry("statistics", "requests.received.fax", "value", "传真申请数", "统计数",
                "Requests received by fax", "applications", List.of("legacy"), 2008, 2018,
                List.of("requests_received_total", "cumulative_covers_year")));
        assertThat(received.identities()).containsExactly("requests_received_total", "cumulative_covers_year");
        assertThat(byKey.get("statistics/capacity.budget/value").unit()).isEqualTo("10000 yuan (万元) as printed");
    }

    @Test
    void aCellWithoutDescriptionFallsBackToItsChineseLabels() {
        Codebook bare = new Codebook(new CellDescriptions("codebook/tables-only-descriptions.csv"));

        CodebookEntry fax = bare.entries().stream().filter(e -> e.key().equals("statistics/requests.received.fax/value"))
                .findFirst().orElseThrow();
        assertThat(fax.description()).isEqualTo("传真申请数 统计数");
        assertThat(bare.undescribed()).contains("legacy/statistics/requests.received.fax/value")
                .hasSize(countFormatCells());
    }

    @Test
    void everyRuleOfIdentitiesCsvIsExplained() {
        Set<String> explained = codebook.rules().stream().map(Codebook.Rule::rule).collect(Collectors.toSet());
        for (Map<String, String> rule : ResourceCsv.read(Codebook.IDENTITIES)) {
            assertThat(explained).as(Codebook.RULES).contains(rule.get("rule"));
        }
    }

    @Test
    void everyRuleOfTheExtractorIsExplained() {
        Set<String> explained = codebook.rules().stream().map(Codebook.Rule::rule).collect(Collectors.toSet());
        for (FindingRule rule : FindingRule.values()) {
            assertThat(explained).as(Codebook.RULES).contains(rule.code());
        }
    }

    @Test
    void everySeriesRuleIsExplainedAsASeriesRule() {
        Map<String, String> kinds = codebook.rules().stream()
                .collect(Collectors.toMap(Codebook.Rule::rule, Codebook.Rule::kind));
        for (org.disclosureetl.series.SeriesRule rule : org.disclosureetl.series.SeriesRule.values()) {
            assertThat(kinds).as(Codebook.RULES).containsEntry(rule.code(), "series");
        }
        assertThat(kinds.values().stream().filter("series"::equals)).hasSize(5);
    }

    private static int countFormatCells() {
        int cells = 0;
        for (String file : Codebook.CELL_FILES) {
            cells += ResourceCsv.read(file).size();
        }
        return cells;
    }
}
