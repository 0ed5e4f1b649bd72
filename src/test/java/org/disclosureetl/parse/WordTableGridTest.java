package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.disclosureetl.testsupport.Fixtures;
import org.disclosureetl.testsupport.TestKinds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Word table's grid read beside Tika: the same page as HTML, as DOCX (gridSpan, vMerge) and as DOC (cell edges)
 * gives the same table rows, cell for cell ({@code fixtures/grids/README.md}); a file that is no Word document,
 * or a broken one, gives no grid and Tika's rows as they are.
 */
class WordTableGridTest {

    @TempDir
    Path work;

    @Tag(TestKinds.ACCURACY)
    @ParameterizedTest
    @ValueSource(strings = {"000_e61bf2b8057539f0", "001_e299ec6f40b1d0d2", "real-102", "real-B01_hongze-2023"})
    void htmlDocxAndDocOfOnePageGiveTheSameTableRows(String page) throws IOException {
        ReportParser parser = new ReportParser(
                ParseProperties.defaults().withIsolation(ParseProperties.Isolation.IN_PROCESS));
        List<Block.TableRow> html = rows(parser, "html", page);
        assertThat(html).hasSizeGreaterThan(40);
        assertThat(rows(parser, "docx", page)).containsExactlyElementsOf(html);
        assertThat(rows(parser, "doc", page)).containsExactlyElementsOf(html);
    }

    private static List<Block.TableRow> rows(ReportParser parser, String format, String page) throws IOException {
        return parser.parse(Fixtures.resource("fixtures/grids/" + format + "/" + page + "." + format)).blocks()
                .stream().filter(Block.TableRow.class::isInstance).map(Block.TableRow.class::cast)
                // the cells' line breaks: HTML's <br/> is Tika's, a Word paragraph break is a newline
                .map(row -> new Block.TableRow(row.cells().stream().map(c -> c.replace("\n", "")).toList(),
                        row.where()))
                .toList();
    }

    @Test
    void noWordDocumentGivesNoGrid() throws IOException {
        Path text = Files.writeString(work.resolve("a.txt"), "PK", StandardCharsets.UTF_8);
        Path broken = Files.write(work.resolve("b.docx"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        Path workbook = work.resolve("c.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(workbook))) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        Path badXml = work.resolve("d.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(badXml))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document xmlns:w=\"x\"><w:tbl><w:tr>".getBytes(StandardCharsets.UTF_8));
        }
        Path ole = Files.write(work.resolve("e.doc"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2});

        for (Path file : List.of(text, broken, workbook, badXml, ole)) {
            assertThat(WordTableGrid.read(file)).as(file.getFileName().toString()).isSameAs(WordTableGrid.NONE);
        }
        assertThat(WordTableGrid.read(work.resolve("missing.docx"))).isSameAs(WordTableGrid.NONE);
    }

    @Test
    void rowsAreMatchedByTheirTextInDocumentOrderEachOnce() throws IOException {
        Path docx = work.resolve("t.docx");
        String w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        String xml = "<w:document xmlns:w=\"" + w + "\"><w:body><w:tbl>"
                + "<w:tr><w:tc><w:p><w:r><w:t>规 章</w:t></w:r></w:p></w:tc>"
                + "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t xml:space=\"preserve\"> </w:t></w:r></w:p></w:tc>"
                + "<w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>"
                + "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"
                + "<w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>"
                + "</w:tbl></w:body></w:document>";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(docx))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        WordTableGrid grid = WordTableGrid.read(docx);

        assertThat(grid.edges(List.of("1", "", "3"))).isDeepEqualTo(new int[][] {{1, 2}, {2, 3}, {3, 4}});
        // the first row comes before the one already taken: not matched again, nor anything after the last
        assertThat(grid.edges(List.of("规章", "\u00a0", "3"))).isNull();
        assertThat(grid.edges(List.of("1", "", "3"))).isNull();
        assertThat(WordTableGrid.read(docx).edges(List.of("规\n章", "", "3")))
                .isDeepEqualTo(new int[][] {{0, 1}, {1, 3}, {3, 4}});
    }
}
