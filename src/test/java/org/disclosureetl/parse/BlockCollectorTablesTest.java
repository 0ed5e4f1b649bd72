package org.disclosureetl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.SAXParserFactory;

import org.junit.jupiter.api.Test;

/**
 * Table cells as {@link BlockCollector} gives them (issue 26). A table inside a table's cell: a page laid out in an outer table gives its report tables as tables of
 * their own, with the text around them as lines in order; a small table inside a cell of a table of data stays
 * that cell's text, as Tika prints it. The XHTML is Tika's form of a page, read by the JDK's SAX parser.
 */
class BlockCollectorTablesTest {

    private static List<Block> blocks(String body) throws Exception {
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" + body + "</body></html>";
        BlockCollector collector = new BlockCollector(1_000_000);
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newSAXParser().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)), collector);
        return collector.blocks();
    }

    @Test
    void aPageInAnOuterLayoutTableGivesItsTablesAsTablesAndItsTextAsLines() throws Exception {
        List<Block> blocks = blocks("<table><tr><td>政府信息公开</td><td>首页</td></tr>"
                + "<tr><td colspan=\"2\"><p>二、主动公开</p><table>"
                + "<tr><td>信息内容</td><td colspan=\"2\">本年增/减</td></tr>"
                + "<tr><td>规章</td><td>1</td><td>2</td></tr></table>"
                + "<p>三、申请</p><p>四、复议</p><table><tr><td>维持</td><td>纠正</td></tr><tr><td>0</td><td>3</td></tr>"
                + "</table></td></tr></table><p>后记</p>");

        assertThat(blocks).containsExactly(
                new Block.TextLine("政府信息公开", "line 1"),
                new Block.TextLine("首页", "line 2"),
                new Block.TextLine("二、主动公开", "line 3"),
                new Block.TableRow(List.of("信息内容", "本年增/减"), "table 2 row 1"),
                new Block.TableRow(List.of("规章", "1", "2"), "table 2 row 2"),
                new Block.TextLine("三、申请", "line 4"),
                new Block.TextLine("四、复议", "line 5"),
                new Block.TableRow(List.of("维持", "纠正"), "table 3 row 1"),
                new Block.TableRow(List.of("0", "3"), "table 3 row 2"),
                new Block.TextLine("后记", "line 6"));
    }

    @Test
    void aLayoutTableInsideALayoutTableIsLaidOutToo() throws Exception {
        List<Block> blocks = blocks("<table><tr><td><table><tr><td>标题<table>"
                + "<tr><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr></table></td></tr></table>"
                + "</td></tr></table>");

        assertThat(blocks).containsExactly(
                new Block.TextLine("标题", "line 1"),
                new Block.TableRow(List.of("甲", "1"), "table 3 row 1"),
                new Block.TableRow(List.of("乙", "2"), "table 3 row 2"));
    }

    @Test
    void aOneRowTableInsideACellOfATableOfDataIsThatCellsText() throws Exception {
        List<Block> blocks = blocks("<table><tr><td>规章</td><td><table><tr><td>12</td><td>件</td></tr></table></td>"
                + "<td>3</td></tr><tr><td>规范性文件</td><td>4</td><td>5</td></tr></table>");

        assertThat(blocks).containsExactly(
                new Block.TableRow(List.of("规章", "12件", "3"), "table 1 row 1"),
                new Block.TableRow(List.of("规范性文件", "4", "5"), "table 1 row 2"));
    }

    /**
     * A blank printed as {@code &nbsp;} or an ideographic space, often inside a {@code <p>} (the Shanghai 2019 report,
     * /work/devdata/grids), is the same empty cell as an empty {@code <td>} (a sheet's unwritten cell is one too).
     */
    @Test
    void aCellPrintedBlankWithNbspOrAnIdeographicSpaceIsEmpty() throws Exception {
        List<Block> blocks = blocks("<table><tr><td>一、本年新收</td><td><p>821</p></td><td><p>\u00a0</p></td>"
                + "<td>\u3000</td><td> </td><td>859</td></tr></table>");

        assertThat(blocks).containsExactly(new Block.TableRow(List.of("一、本年新收", "821", "", "", "", "859"),
                "table 1 row 1"));
    }
}
