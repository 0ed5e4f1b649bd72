package org.disclosureetl.parse.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.disclosureetl.parse.ocr.Raster.Box;

/**
 * The ruled tables of a page image and their cells, found from the ruling lines alone: a line is a run of ink far
 * longer than any stroke of a character, and a cell is a region of paper that the lines enclose. Merged cells
 * (a label spanning rows, a header spanning columns) are one region, so they come out as one cell, the way an HTML
 * table's rowspan and colspan do. Characters play no part, so a cell's text cannot move it.
 *
 * @param tables the tables, top to bottom
 * @param lines  for each pixel whether it belongs to a ruling line (to be erased from the crops)
 */
record RuledGrid(List<Table> tables, boolean[] lines) {

    /** A table: its outer box and its cells, each with the grid row and column it starts in. */
    record Table(Box box, List<Cell> cells, int rows) {
    }

    /** One cell: its box inside the lines, and its first grid row and column. */
    record Cell(Box box, int row, int column) {
    }

    /**
     * Lighter than {@link Raster#INK} still counts for a ruling line: a thin line smoothed by a JPEG or by turning a
     * skewed page back is grey, not black, and paper stays near white.
     */
    static final int LINE_INK = 210;

    /**
     * @param scale the image's resolution over 200 dpi: lengths below are for 200 dpi (a character is about 23 pixels)
     */
    static RuledGrid find(Raster page, double scale) {
        int w = page.width;
        int h = page.height;
        int minRun = Math.max(20, (int) Math.round(70 * scale));
        int gap = Math.max(1, (int) Math.round(2 * scale)); // a break in a scanned line
        boolean[] ink = new boolean[w * h];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = (page.grey[i] & 0xFF) < LINE_INK;
        }
        boolean[] lines = new boolean[w * h];
        // horizontal: a row of ink, or of ink in this row or the next (a line skewed by a pixel over its run)
        for (int y = 0; y < h; y++) {
            markRuns(ink, lines, w, h, y, minRun, gap, true);
        }
        for (int x = 0; x < w; x++) {
            markRuns(ink, lines, w, h, x, minRun, gap, false);
        }
        // close the small gaps where lines meet: grow every line pixel by a pixel or two
        boolean[] walls = grow(lines, w, h, Math.max(1, (int) Math.round(2 * scale)));
        List<Table> tables = new ArrayList<>();
        int[] label = new int[w * h];
        int next = 0;
        int minTableWidth = (int) Math.round(200 * scale);
        int minTableHeight = (int) Math.round(40 * scale);
        for (int start = 0; start < w * h; start++) {
            if (!walls[start] || label[start] != 0) {
                continue;
            }
            Box box = fill(walls, label, w, h, start, ++next, true);
            if (box.width() >= minTableWidth && box.height() >= minTableHeight) {
                Table table = cells(walls, w, h, box, scale);
                if (table != null) {
                    tables.add(table);
                }
            }
        }
        tables.sort(Comparator.comparingInt(t -> t.box().y()));
        return new RuledGrid(List.copyOf(tables), lines);
    }

    /** Marks the runs of ink at least {@code minRun} long (bridging gaps of {@code gap}) along one row or column. */
    private static void markRuns(boolean[] ink, boolean[] lines, int w, int h, int index, int minRun, int gap,
                                 boolean horizontal) {
        int length = horizontal ? w : h;
        int runStart = -1;
        int lastInk = -1;
        for (int i = 0; i <= length; i++) {
            boolean dark = i < length && (horizontal
                    ? ink[index * w + i] || (index + 1 < h && ink[(index + 1) * w + i])
                    : ink[i * w + index] || (index + 1 < w && ink[i * w + index + 1]));
            if (dark) {
                if (runStart < 0 || i - lastInk > gap + 1) {
                    if (runStart >= 0 && lastInk - runStart + 1 >= minRun) {
                        mark(ink, lines, w, index, runStart, lastInk, horizontal);
                    }
                    runStart = i;
                }
                lastInk = i;
            }
        }
        if (runStart >= 0 && lastInk - runStart + 1 >= minRun) {
            mark(ink, lines, w, index, runStart, lastInk, horizontal);
        }
    }

    private static void mark(boolean[] ink, boolean[] lines, int w, int index, int from, int to, boolean horizontal) {
        for (int i = from; i <= to; i++) {
            int p = horizontal ? index * w + i : i * w + index;
            if (ink[p]) {
                lines[p] = true;
            }
        }
    }

    private static boolean[] grow(boolean[] mask, int w, int h, int by) {
        boolean[] across = new boolean[mask.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask[y * w + x]) {
                    for (int d = Math.max(0, x - by); d <= Math.min(w - 1, x + by); d++) {
                        across[y * w + d] = true;
                    }
                }
            }
        }
        boolean[] out = new boolean[mask.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (across[y * w + x]) {
                    for (int d = Math.max(0, y - by); d <= Math.min(h - 1, y + by); d++) {
                        out[d * w + x] = true;
                    }
                }
            }
        }
        return out;
    }

    /** Labels the 4-connected region of pixels equal to {@code value} from {@code start}; returns its bounding box. */
    private static Box fill(boolean[] mask, int[] label, int w, int h, int start, int id, boolean value) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int[] stack = new int[1024];
        int top = 0;
        stack[top++] = start;
        label[start] = id;
        while (top > 0) {
            int p = stack[--top];
            int x = p % w;
            int y = p / w;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
            int[] neighbours = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1};
            for (int n : neighbours) {
                if (n >= 0 && label[n] == 0 && mask[n] == value) {
                    label[n] = id;
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                    }
                    stack[top++] = n;
                }
            }
        }
        return new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** The enclosed regions of paper inside a table's lines, with their grid rows and columns; null if none. */
    private static Table cells(boolean[] walls, int w, int h, Box table, double scale) {
        int tw = table.width();
        int th = table.height();
        boolean[] paper = new boolean[tw * th];
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                paper[y * tw + x] = !walls[(table.y() + y) * w + table.x() + x];
            }
        }
        // a table cut by the page's end (or continued from the page before) has no line under its last row (above
        // its first): the columns' lines end there, and the box's edge closes those cells
        for (int x = 0; x < tw; x++) {
            paper[x] = false;
            paper[(th - 1) * tw + x] = false;
        }
        int[] label = new int[tw * th];
        int id = 0;
        int minSide = Math.max(6, (int) Math.round(12 * scale));
        List<Box> boxes = new ArrayList<>();
        for (int start = 0; start < paper.length; start++) {
            if (!paper[start] || label[start] != 0) {
                continue;
            }
            Box region = fill(paper, label, tw, th, start, ++id, true);
            boolean open = region.x() == 0 || region.right() == tw;
            if (!open && region.width() >= minSide && region.height() >= minSide) {
                boxes.add(new Box(region.x() + table.x(), region.y() + table.y(), region.width(), region.height()));
            }
        }
        if (boxes.size() < 2) {
            return null;
        }
        int tolerance = Math.max(3, (int) Math.round(8 * scale));
        int[] rowEdges = edges(boxes.stream().mapToInt(Box::y).toArray(), tolerance);
        int[] columnEdges = edges(boxes.stream().mapToInt(Box::x).toArray(), tolerance);
        List<Cell> cells = new ArrayList<>();
        for (Box b : boxes) {
            cells.add(new Cell(b, nearest(rowEdges, b.y()), nearest(columnEdges, b.x())));
        }
        cells.sort(Comparator.comparingInt(Cell::row).thenComparingInt(Cell::column));
        return new Table(table, List.copyOf(cells), rowEdges.length);
    }

    /** The distinct positions among {@code values}, those within {@code tolerance} of each other taken as one. */
    static int[] edges(int[] values, int tolerance) {
        int[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        List<Integer> out = new ArrayList<>();
        int groupStart = Integer.MIN_VALUE;
        for (int v : sorted) {
            if (out.isEmpty() || v - groupStart > tolerance) {
                out.add(v);
                groupStart = v;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static int nearest(int[] edges, int value) {
        int best = 0;
        for (int i = 1; i < edges.length; i++) {
            if (Math.abs(edges[i] - value) < Math.abs(edges[best] - value)) {
                best = i;
            }
        }
        return best;
    }
}
