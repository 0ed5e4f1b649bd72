package org.disclosureetl.parse.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.disclosureetl.parse.ocr.Raster.Box;
import org.disclosureetl.parse.ocr.RuledGrid.Cell;
import org.junit.jupiter.api.Test;

class RuledGridTest {

    /**
     * A table of three rows and three columns whose first column's lower two cells are one (a label spanning two
     * rows), drawn with 2-pixel lines, with a character-sized blot in one cell that must not split it.
     */
    @Test
    void findsTheCellsOfARuledTableWithAMergedCellOnceInItsFirstRow() {
        int w = 500;
        int h = 260;
        byte[] grey = new byte[w * h];
        Arrays.fill(grey, (byte) 255);
        Raster page = new Raster(w, h, grey);
        int[] ys = {20, 80, 140, 200};
        int[] xs = {20, 180, 320, 460};
        for (int y : ys) {
            line(page, xs[0], y, xs[3], y + 2);
        }
        // the horizontal line between rows 2 and 3 stops at the first column's right edge: that cell is merged
        erase(page, xs[0] + 2, 140, xs[1] - 1, 142);
        for (int x : xs) {
            line(page, x, ys[0], x + 2, ys[3] + 2);
        }
        line(page, 200, 100, 222, 120); // a character in row 2, column 2

        RuledGrid grid = RuledGrid.find(page, 1.0);

        assertThat(grid.tables()).hasSize(1);
        List<Cell> cells = grid.tables().get(0).cells();
        assertThat(cells).extracting(Cell::row, Cell::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 0), org.assertj.core.groups.Tuple.tuple(0, 1),
                org.assertj.core.groups.Tuple.tuple(0, 2), org.assertj.core.groups.Tuple.tuple(1, 0),
                org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(1, 2),
                org.assertj.core.groups.Tuple.tuple(2, 1), org.assertj.core.groups.Tuple.tuple(2, 2));
        Box merged = cells.get(3).box();
        assertThat(merged.height()).isGreaterThan(100);
        assertThat(grid.tables().get(0).rows()).isEqualTo(3);
    }

    @Test
    void textWithoutRulingLinesIsNoTable() {
        int w = 400;
        int h = 100;
        byte[] grey = new byte[w * h];
        Arrays.fill(grey, (byte) 255);
        Raster page = new Raster(w, h, grey);
        for (int x = 20; x < 380; x += 30) {
            line(page, x, 40, x + 20, 62); // a row of character-sized blots
        }
        assertThat(RuledGrid.find(page, 1.0).tables()).isEmpty();
    }

    private static void line(Raster page, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                page.grey[y * page.width + x] = 0;
            }
        }
    }

    private static void erase(Raster page, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                page.grey[y * page.width + x] = (byte) 255;
            }
        }
    }
}
