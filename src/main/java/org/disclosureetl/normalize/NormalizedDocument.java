package org.disclosureetl.normalize;

import java.util.List;

/**
 * A parsed report after width and script normalization, boilerplate dropped.
 * Every line or table row is split into cells; each cell keeps the text exactly as found.
 */
public record NormalizedDocument(String contentType, Script script, List<Line> lines) {

    public NormalizedDocument {
        lines = List.copyOf(lines);
    }

    /**
     * One physical line or table row. {@code tableRow}: the line has cells (a source table's row, or a text line
     * split at | or tabs); {@code gridRow}: it is a row of a table the source draws (HTML, Word, a sheet), whose
     * first and last cells are places of the grid, not the pipes that open and close a markdown row.
     */
    public record Line(List<Cell> cells, String where, boolean tableRow, boolean gridRow) {
        public Line {
            cells = List.copyOf(cells);
        }

        /** A text line, split into cells or not. */
        public Line(List<Cell> cells, String where, boolean tableRow) {
            this(cells, where, tableRow, false);
        }

        /** The normalized text of the whole line, cells joined by a space. */
        public String text() {
            if (cells.size() == 1) {
                return cells.get(0).text(); // most lines (prose) are one cell: no copy of it for every reader
            }
            StringBuilder sb = new StringBuilder();
            for (Cell cell : cells) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(cell.text());
            }
            return sb.toString();
        }
    }

    /** One cell: {@code raw} as in the file, {@code text} normalized. */
    public record Cell(String raw, String text) {
    }
}
