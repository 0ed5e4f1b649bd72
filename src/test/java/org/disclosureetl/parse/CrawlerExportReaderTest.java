package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.disclosureetl.vocabulary.ErrorType;
import org.disclosureetl.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawler exports (fixtures/crawler, written from real/*.txt by make-fixtures.py) read one document per record,
 * and files that are not exports left alone.
 */
class CrawlerExportReaderTest {

    private final CrawlerExportReader reader = new CrawlerExportReader();

    @TempDir
    Path folder;

    @Test
    void aCsvExportWithByteOrderMarkGivesOneDocumentPerRecordStartingWithItsFields() throws IOException {
        CrawlerExport export = reader.read(Fixtures.resource("fixtures/crawler/reports.csv")).orElseThrow();

        assertThat(export.contentType()).isEqualTo("text/csv; charset=UTF-8");
        assertThat(export.entries()).extracting(CrawlerExport.Entry::number).containsExactly(1, 2, 3);
        assertThat(export.entries()).allMatch(CrawlerExport.Entry::readable);
        List<Block> first = export.entries().get(0).document().blocks();
        assertThat(first.subList(0, 3)).containsExactly(
                new Block.TextLine("标题: 平潭综合实验区公安局2019年政府信息公开工作年度报告", "record 1 line 1"),
                new Block.TextLine("发布时间: 2020-01-17 08:18", "record 1 line 2"),
                new Block.TextLine("原文链接: " + field("102.txt", "原文链接"), "record 1 line 3"));
        assertThat(first.get(3)).isEqualTo(new Block.TextLine(body("102.txt"), "record 1 line 4"));
        assertThat(first).hasSize(4);
        assertThat(export.entries().get(0).document().contentType()).isEqualTo("text/csv; charset=UTF-8");
    }

    @Test
    void aBodyWhoseRowsOrCellsAreSeparatedOnlyByCarriageReturnsIsOneLinePerRowOrCell() throws IOException {
        List<Block> third = reader.read(Fixtures.resource("fixtures/crawler/reports.csv")).orElseThrow()
                .entries().get(2).document().blocks();
        List<Block> first = reader.read(Fixtures.resource("fixtures/crawler/reports-gbk.csv")).orElseThrow()
                .entries().get(0).document().blocks();

        // make-fixtures.py: a carriage return where a number ends and a label begins (104), for every space (101)
        List<String> rows = List.of(body("104.txt").split("(?<=[0-9])(?=[\\u4e00-\\u9fff（])", -1));
        assertThat(rows).hasSize(53);
        assertThat(third.subList(3, third.size())).extracting(b -> ((Block.TextLine) b).text())
                .containsExactlyElementsOf(rows);
        assertThat(third.get(third.size() - 1).where()).isEqualTo("record 3 line 56");
        List<String> cells = List.of(body("101.txt").split(" ", -1));
        List<String> nonBlank = cells.stream().filter(c -> !c.isBlank()).toList();
        assertThat(first.subList(4, first.size())).extracting(b -> ((Block.TextLine) b).text())
                .containsExactlyElementsOf(nonBlank);
        // lines are counted as in a text editor, blank ones too: the last cell is on the record's last line
        assertThat(first.get(first.size() - 1).where()).isEqualTo("record 1 line " + (4 + cells.size()));
    }

    @Test
    void jsonLinesKeepTheContractsFieldsFirstAndOtherKeysAfter() throws IOException {
        CrawlerExport export = reader.read(Fixtures.resource("fixtures/crawler/reports.jsonl")).orElseThrow();

        assertThat(export.contentType()).isEqualTo("application/x-ndjson; charset=UTF-8");
        assertThat(export.entries()).hasSize(3);
        List<Block> third = export.entries().get(2).document().blocks();
        assertThat(third).extracting(b -> ((Block.TextLine) b).text()).containsExactly(
                "标题: " + field("104.txt", "标题"), "发布时间: 2026-01-16 14:46", "发布机构: 区财政金融局",
                "原文链接: " + field("104.txt", "原文链接"), "栏目: 政府信息公开年报", body("104.txt"));
        assertThat(third.get(5).where()).isEqualTo("record 3 line 6");
    }

    @Test
    void aGbkExportWithEnglishColumnNamesIsDecoded() throws IOException {
        CrawlerExport export = reader.read(Fixtures.resource("fixtures/crawler/reports-gbk.csv")).orElseThrow();

        assertThat(export.contentType()).isEqualTo("text/csv; charset=GB18030");
        assertThat(export.entries()).hasSize(3);
        assertThat(export.entries().get(1).document().blocks()).extracting(b -> ((Block.TextLine) b).text())
                .containsExactly("标题: 平潭县公安局2010年度政府信息公开工作年度报告", "发布时间: 2011-01-20 00:00",
                        "发布机构: 平潭县公安局", "原文链接: " + field("105.txt", "原文链接"), body("105.txt"));
    }

    @Test
    void filesThatAreNoExportAreLeftToTika() throws IOException {
        assertThat(reader.read(Fixtures.resource("fixtures/crawler/population.csv"))).isEmpty();
        assertThat(reader.read(write("titles.csv", "标题,链接\n某报告,https://example.org/1\n"))).isEmpty();
        assertThat(reader.read(write("array.json", "[{\"标题\": \"某报告\", \"内容\": \"正文\"}]\n"))).isEmpty();
        assertThat(reader.read(write("other.jsonl", "{\"name\": 1}\n{\"name\": 2}\n"))).isEmpty();
        assertThat(reader.read(write("report.txt", "标题,内容\n某报告,正文\n"))).isEmpty();
        assertThat(reader.read(Files.write(folder.resolve("latin1.csv"), new byte[] {'a', ',', (byte) 0xFF, '\n'})))
                .isEmpty();
    }

    @Test
    void aBadRecordIsOnlyThatRecordsProblem() throws IOException {
        Path file = write("mixed.ndjson", """
                {"title": "甲局2020年政府信息公开工作年度报告", "content": "正文一"}
                {"title": "乙局2020年政府信息公开工作年度报告", "content": 
                {"title": "丙局2020年政府信息公开工作年度报告", "content": ""}

                {"title": "丁局2020年政府信息公开工作年度报告", "content": "第一行\\r\\n第二行\\r第三行"}
                {"title": "戊局2020年政府信息公开工作年度报告", "url": "https://example.org/5"}
                """);

        CrawlerExport export = reader.read(file).orElseThrow();

        assertThat(export.entries()).extracting(CrawlerExport.Entry::number, CrawlerExport.Entry::errorType,
                CrawlerExport.Entry::problem).containsExactly(
                tuple(1, null, null),
                tuple(2, ErrorType.PARSE_ERROR, "not a JSON object"),
                tuple(3, ErrorType.NO_TEXT, "the record has no body text"),
                tuple(4, null, null),
                tuple(5, ErrorType.NO_TEXT, "the record has no title or no body"));
        assertThat(export.entries().get(3).document().blocks()).containsExactly(
                new Block.TextLine("标题: 丁局2020年政府信息公开工作年度报告", "record 4 line 1"),
                new Block.TextLine("第一行", "record 4 line 2"), new Block.TextLine("第二行", "record 4 line 3"),
                new Block.TextLine("第三行", "record 4 line 4"));
    }

    @Test
    void aHeaderWithoutRecordsIsAnEmptyExportAndABrokenCsvAParseError() throws IOException {
        assertThat(reader.read(write("empty.csv", "标题,内容\r\n")).orElseThrow().entries()).isEmpty();

        Path broken = write("broken.csv", "标题,内容\n甲局2020年政府信息公开工作年度报告,正文\n乙局,\"never closed\n");
        assertThatThrownBy(() -> reader.read(broken)).isInstanceOfSatisfying(DocumentParseException.class,
                e -> assertThat(e.errorType()).isEqualTo(ErrorType.PARSE_ERROR))
                .hasMessageStartingWith("the crawler export cannot be read as CSV after record 1: ");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** A field of a real crawler text file (its {@code key: value} lines). */
    static String field(String report, String key) throws IOException {
        for (String line : Files.readAllLines(Fixtures.resource("real/" + report))) {
            if (line.startsWith(key + ": ")) {
                return line.substring(key.length() + 2);
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** The body of a real crawler text file: what follows its 正文 line (one line in these files). */
    static String body(String report) throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.resource("real/" + report));
        int marker = 0;
        while (!lines.get(marker).contains("正文")) {
            marker++;
        }
        return String.join("\n", lines.subList(marker + 1, lines.size()));
    }
}
