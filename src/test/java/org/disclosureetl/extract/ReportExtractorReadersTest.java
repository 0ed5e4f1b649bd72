package org.disclosureetl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.disclosureetl.normalize.NormalizedDocument;
import org.disclosureetl.vocabulary.DocumentStatus;
import org.junit.jupiter.api.Test;

/**
 * How the extractor combines its list of readers: a reader that throws costs the document nothing but that
 * reader's readings, and a complete, undoubted reading of a layout that kept its cell boundaries ends a
 * table's search.
 */
class ReportExtractorReadersTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog();
    /** A 2022 report whose proactive-disclosure table ran together (the flattened reader solves it). */
    private static final NormalizedDocument REPORT = TextDocuments.lines("测试局2022年政府信息公开工作年度报告",
            "二、主动公开政府信息情况第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数"
                    + "规章000行政规范性文件101第二十条第(五)项信息内容本年处理决定数量行政许可7三、收到");

    /** A reader with the bug of issue 26: an index out of bounds on every table. */
    static final class FailingReader implements TableReader {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public TableReading read(TableTemplate table, List<IdentityRule> rules, ProseEvidence prose, int from) {
            int[] none = new int[0];
            return TableReading.notFound(table, none[from]);
        }
    }

    private static final TableReader.Kind FAILING = new TableReader.Kind("failing", false, report -> new FailingReader());

    private static List<String> rules(Extraction extraction) {
        return extraction.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void theDefaultReadersAreTheAnchoredThenTheFlattenedOne() {
        assertThat(ReportExtractor.READERS).containsExactly(AnchoredRowReader.KIND, FlattenedTableReader.KIND);
        assertThat(FlattenedTableReader.KIND.keepsCellBoundaries()).isFalse();
    }

    @Test
    void aReaderThatThrowsLeavesTheOtherReadersCellsAndIsNamedInAFinding() {
        Extraction plain = new ReportExtractor(CATALOG).extract(REPORT);
        Extraction withFailing = new ReportExtractor(CATALOG, List.of(FAILING, AnchoredRowReader.KIND,
                FlattenedTableReader.KIND)).extract(REPORT);

        assertThat(withFailing.status()).isEqualTo(DocumentStatus.EXTRACTED);
        assertThat(withFailing.observations()).isEqualTo(plain.observations()).isNotEmpty();
        List<Finding> failures = withFailing.findings().stream()
                .filter(f -> f.rule().equals(FindingRule.READER_FAILED.code())).toList();
        List<Finding> others = new ArrayList<>(withFailing.findings());
        others.removeAll(failures);
        assertThat(others).isEqualTo(plain.findings());
        assertThat(failures).extracting(Finding::tableCode).containsExactly("proactive", "applications",
                "review_litigation");
        assertThat(failures.get(0).message()).isEqualTo("the failing reader failed on table proactive:"
                + " java.lang.ArrayIndexOutOfBoundsException: Index 0 out of bounds for length 0;"
                + " the table is read by the other readers alone");
    }

    @Test
    void aReportReadOnlyByAFailingReaderHasNoTableAndSaysWhy() {
        Extraction extraction = new ReportExtractor(CATALOG, List.of(FAILING)).extract(REPORT);

        assertThat(extraction.status()).isEqualTo(DocumentStatus.NO_TABLE);
        assertThat(extraction.observations()).isEmpty();
        assertThat(rules(extraction)).startsWith("no_table").contains("reader_failed");
    }

    @Test
    void aReaderThatCannotBeBuiltForTheDocumentIsLeftOutWithAFinding() {
        TableReader.Kind unbuildable = new TableReader.Kind("unbuildable", false, report -> {
            throw new IllegalStateException("no grid");
        });
        Extraction plain = new ReportExtractor(CATALOG).extract(REPORT);
        Extraction extraction = new ReportExtractor(CATALOG, List.of(AnchoredRowReader.KIND, unbuildable,
                FlattenedTableReader.KIND)).extract(REPORT);

        assertThat(extraction.observations()).isEqualTo(plain.observations());
        assertThat(extraction.findings()).filteredOn(f -> f.rule().equals("reader_failed")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("the unbuildable reader failed to read the document"
                        + " (java.lang.IllegalStateException: no grid); its tables are read by the other readers alone"));
    }

    @Test
    void aReaderThatReturnsNoReadingAtAllFailsLikeOneThatThrows() {
        TableReader.Kind emptyHanded = new TableReader.Kind("empty-handed", false, report -> new TableReader() {
            @Override
            public String name() {
                return "empty-handed";
            }

            @Override
            public TableReading read(TableTemplate table, List<IdentityRule> rules, ProseEvidence prose, int from) {
                return null;
            }
        });
        Extraction plain = new ReportExtractor(CATALOG).extract(REPORT);
        Extraction extraction = new ReportExtractor(CATALOG, List.of(AnchoredRowReader.KIND, FlattenedTableReader.KIND,
                emptyHanded)).extract(REPORT);

        assertThat(extraction.observations()).isEqualTo(plain.observations());
        assertThat(extraction.findings()).filteredOn(f -> f.rule().equals("reader_failed")).first()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("the empty-handed reader failed on table proactive: java.lang.NullPointerException"));
    }

    @Test
    void aCompleteUndoubtedReadingOfALayoutThatKeptItsCellsEndsTheTablesSearch() {
        // the proactive table in pipe-separated cells: the anchored reader reads it whole, so the failing reader after
        // it is never asked for that table
        NormalizedDocument cells = TextDocuments.cells("测试局2022年政府信息公开工作年度报告",
                "二、主动公开政府信息情况",
                "第二十条第(一)项|||",
                "信息内容|本年制发件数|本年废止件数|现行有效件数",
                "规章|0|0|0",
                "行政规范性文件|1|0|1",
                "第二十条第(五)项||",
                "信息内容|本年处理决定数量",
                "行政许可|7",
                "第二十条第(六)项||",
                "信息内容|本年处理决定数量",
                "行政处罚|0",
                "行政强制|0",
                "第二十条第(八)项||",
                "信息内容|本年收费金额(单位:万元)",
                "行政事业性收费|0");
        Extraction extraction = new ReportExtractor(CATALOG, List.of(AnchoredRowReader.KIND, FAILING)).extract(cells);

        assertThat(extraction.findings()).filteredOn(f -> f.rule().equals("reader_failed"))
                .extracting(Finding::tableCode).doesNotContain("proactive");
    }
}
