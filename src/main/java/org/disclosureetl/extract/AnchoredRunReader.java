package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run-layout table (its cells as one run after a header) from a report's tokens: a line after the
 * header holding exactly the table's cells is read by position (blank cells included); otherwise the
 * values after the header are taken in order until the next section starts.
 */
final class AnchoredRunReader {

    private final List<Token> tokens;
    private final AnchoredRowReader labels;

    AnchoredRunReader(List<Token> tokens, AnchoredRowReader labels) {
        this.tokens = tokens;
        this.labels = labels;
    }

    TableReading read(TableTemplate table, int from) {
        List<Observation> observations = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int anchor = labels.findHeader(table.anchor(), from);
        if (anchor < 0) {
            return TableReading.notFound(table, from);
        }
        int cellCount = table.cellCount();
        List<Token> cells = positionalRun(anchor, cellCount);
        int end;
        if (cells != null) {
            end = indexAfterLine(cells.get(cells.size() - 1).line(), anchor);
        } else {
            cells = new ArrayList<>();
            int i = anchor + 1;
            for (; i < tokens.size() && cells.size() < cellCount; i++) {
                Token t = tokens.get(i);
                if (t.isValueLike()) {
                    cells.add(t);
                } else if (t.kind() == Token.Kind.LABEL && (t.text().length() > AnchoredRowReader.MAX_HEADER_LABEL
                        || labels.keyAt(i).numbering() != null)) {
                    break; // the next section starts
                }
            }
            end = i;
        }
        if (cells.size() < cellCount) {
            findings.add(Finding.of(FindingRule.CELLS_MISSING)
                    .table(table.code())
                    .expected(String.valueOf(cellCount))
                    .actual(String.valueOf(cells.size()))
                    .message("expected " + cellCount + " numbers after the header, found "
                    + cells.size() + "; the cells without a number are left empty"));
        }
        int k = 0;
        int ordinal = 0;
        int rowsFound = 0;
        for (TableTemplate.Row row : table.rows()) {
            boolean any = false;
            for (TableTemplate.Column column : row.columns()) {
                Token t = k < cells.size() ? cells.get(k) : null;
                k++;
                if (t != null) {
                    observations.add(RowCellAssignment.cell(table, row, column, t, null, ordinal));
                    any = true;
                    if (t.kind() == Token.Kind.EMPTY) {
                        findings.add(RowCellAssignment.blankCell(table, row, column));
                    }
                }
                ordinal++;
            }
            if (any) {
                rowsFound++;
            }
        }
        return new TableReading(table, observations, findings, rowsFound, Math.max(from, end));
    }

    /** A line after the anchor holding exactly the table's cells (blank cells included), or null. */
    private List<Token> positionalRun(int anchor, int cellCount) {
        int i = anchor + 1;
        while (i < tokens.size()) {
            Token first = tokens.get(i);
            if (first.kind() == Token.Kind.LABEL && first.text().length() > AnchoredRowReader.MAX_HEADER_LABEL) {
                return null;
            }
            int line = first.line();
            List<Token> cells = new ArrayList<>();
            boolean hasLabel = false;
            int j = i;
            for (; j < tokens.size() && tokens.get(j).line() == line; j++) {
                Token t = tokens.get(j);
                if (t.kind() == Token.Kind.LABEL) {
                    hasLabel = true;
                }
                cells.add(t);
            }
            if (!hasLabel) {
                List<Token> placed = AnchoredRowReader.inPlace(cells, cellCount);
                if (placed != null && placed.stream().anyMatch(Token::isValueLike)) {
                    return placed;
                }
                List<Token> trimmed = AnchoredRowReader.trimEmpty(cells);
                if (trimmed.size() == cellCount && trimmed.stream().anyMatch(Token::isValueLike)) {
                    return trimmed;
                }
                if (trimmed.stream().anyMatch(Token::isValueLike)) {
                    return null; // numbers, but not laid out one row per line
                }
            }
            i = j;
        }
        return null;
    }

    private int indexAfterLine(int line, int from) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).line() <= line) {
            i++;
        }
        return i;
    }
}
