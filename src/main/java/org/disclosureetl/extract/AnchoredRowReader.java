package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a template table from a report's tokens, for layouts that kept their cell boundaries. Generic over the templates: rows
 * are anchored on their labels (so a missing cell or row never shifts the others), values are
 * read from the anchor's own line first (tab, pipe, table or space-aligned layouts) and then from
 * the following lines (one cell per line). Whatever had to be guessed is reported as a finding.
 */
final class AnchoredRowReader implements TableReader {

    /** How many label fragments (wrapped label lines, stray headers) may sit between a label and its values. */
    private static final int MAX_SKIPPED_FRAGMENTS = 3;
    /** A label longer than this is prose or a section heading, never part of a table header. */
    private static final int MAX_HEADER_LABEL = 24;

    private final List<Token> tokens;
    private final List<LabelKey> keys;

    AnchoredRowReader(List<Token> tokens) {
        this.tokens = tokens;
        this.keys = keysOf(tokens);
    }

    @Override
    public String name() {
        return "anchored";
    }

    /** The label key of every label token (null for the others), computed once per document. */
    private static List<LabelKey> keysOf(List<Token> tokens) {
        List<LabelKey> keys = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            keys.add(token.kind() == Token.Kind.LABEL ? LabelKey.of(token.text()) : null);
        }
        return keys;
    }

    @Override
    public TableReading read(TableTemplate table, List<IdentityRule> rules, ProseEvidence prose, int from) {
        return switch (table.layout()) {
            case ROWS -> readRows(table, new RowBalance(rules), from);
            case RUN -> readRun(table, from);
        };
    }

    private TableReading readRows(TableTemplate table, RowBalance balance, int from) {
        List<Observation> observations = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int rowsFound = 0;
        int ordinal = 0;
        int cursor = from;
        for (TableTemplate.Row row : table.outputRows()) {
            int anchor = findRow(row, cursor);
            if (anchor < 0) {
                findings.add(TableReader.rowMissing(table, row));
                ordinal += row.columns().size();
                continue;
            }
            rowsFound++;
            RowValues values = collectRowValues(table, anchor, row.columns().size());
            assign(table, row, values, balance, observations, findings, ordinal);
            ordinal += row.columns().size();
            cursor = Math.max(cursor, values.end());
        }
        return new TableReading(table, observations, findings, rowsFound, cursor);
    }

    private TableReading readRun(TableTemplate table, int from) {
        List<Observation> observations = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int anchor = findLabel(table.anchor(), from);
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
                } else if (t.kind() == Token.Kind.LABEL && (t.text().length() > MAX_HEADER_LABEL
                        || keys.get(i).numbering() != null)) {
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
                    observations.add(observation(table, row, column, t, null, ordinal));
                    any = true;
                }
                ordinal++;
            }
            if (any) {
                rowsFound++;
            }
        }
        return new TableReading(table, observations, findings, rowsFound, Math.max(from, end));
    }

    /** A line after the anchor holding exactly the table's cells (blank cells included) is read by position. */
    private List<Token> positionalRun(int anchor, int cellCount) {
        int i = anchor + 1;
        while (i < tokens.size()) {
            Token first = tokens.get(i);
            if (first.kind() == Token.Kind.LABEL && first.text().length() > MAX_HEADER_LABEL) {
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
                List<Token> trimmed = trimEmpty(cells);
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

    /** The values of one row and the index after the last token they used. */
    private record RowValues(List<Token> cells, String unit, int end, boolean positional, int extra) {
    }

    private RowValues collectRowValues(TableTemplate table, int anchor, int columns) {
        int anchorLine = tokens.get(anchor).line();
        String unit = null;
        List<Token> sameLine = new ArrayList<>();
        int i = anchor + 1;
        for (; i < tokens.size() && tokens.get(i).line() == anchorLine; i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.LABEL) {
                if (CellValue.isUnit(t.text()) && unit == null) {
                    unit = t.text();
                    continue;
                }
                break;
            }
            sameLine.add(t);
        }
        List<Token> trimmed = trimEmpty(sameLine);
        List<Token> values = trimmed.stream().filter(Token::isValueLike).toList();
        if (values.size() == columns) {
            return new RowValues(values, unit, i, false, 0);
        }
        if (values.size() < columns && trimmed.size() == columns && !values.isEmpty()) {
            return new RowValues(trimmed, unit, i, true, 0);
        }
        if (values.size() > columns) {
            return new RowValues(values, unit, i, false, values.size() - columns);
        }
        // the row goes on below its label: one cell per line, or numbers on the next line
        List<Token> collected = new ArrayList<>(values);
        int skipped = 0;
        int j = i;
        for (; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.kind() == Token.Kind.EMPTY) {
                continue;
            }
            if (t.isValueLike()) {
                collected.add(t);
                continue;
            }
            if (CellValue.isUnit(t.text()) && unit == null && collected.isEmpty()) {
                unit = t.text();
                continue;
            }
            boolean fragment = collected.isEmpty() && skipped < MAX_SKIPPED_FRAGMENTS
                    && t.text().length() <= MAX_HEADER_LABEL && !isAnyRowLabel(table, j);
            if (!fragment) {
                break;
            }
            skipped++;
        }
        if (collected.isEmpty()) {
            return new RowValues(List.of(), unit, i, false, 0);
        }
        int extra = Math.max(0, collected.size() - columns);
        return new RowValues(collected, unit, j, false, extra);
    }

    private void assign(TableTemplate table, TableTemplate.Row row, RowValues values, RowBalance balance,
                        List<Observation> observations, List<Finding> findings, int ordinal) {
        List<TableTemplate.Column> columns = row.columns();
        List<Token> cells = values.cells();
        if (cells.isEmpty()) {
            findings.add(Finding.of(FindingRule.CELLS_MISSING)
                    .table(table.code())
                    .row(row.code())
                    .expected(String.valueOf(columns.size()))
                    .actual("0")
                    .message("row " + row.label() + " has no numbers"));
            for (int c = 0; c < columns.size(); c++) {
                observations.add(new Observation(table.code(), row.code(), columns.get(c).code(), null, "",
                        values.unit(), row.label(), columns.get(c).label(), null, ordinal + c));
            }
            return;
        }
        if (cells.size() == 1 && cells.get(0).kind() == Token.Kind.BLANK && columns.size() > 1) {
            // a lone dash for a whole row: nothing reported in any of its cells
            for (int c = 0; c < columns.size(); c++) {
                observations.add(observation(table, row, columns.get(c), cells.get(0), values.unit(), ordinal + c));
            }
            return;
        }
        if (values.extra() > 0) {
            int from = balancedWindow(cells, columns, balance);
            List<Token> kept = cells.subList(from, from + columns.size());
            String reading = !balance.appliesTo(columns) ? ""
                    : balance.holds(columns, decimals(kept)) ? ", the reading where the row's total adds up"
                    : ", but no reading makes the row's total add up";
            findings.add(Finding.of(FindingRule.EXTRA_CELLS)
                    .table(table.code())
                    .row(row.code())
                    .expected(String.valueOf(columns.size()))
                    .actual(String.valueOf(cells.size()))
                    .message("row " + row.label() + " has " + cells.size() + " numbers where "
                    + columns.size() + " belong (" + texts(cells) + "); numbers " + (from + 1) + " to "
                    + (from + columns.size()) + " were kept" + reading));
            cells = kept;
        } else if (cells.size() < columns.size() && ranTogether(cells, columns.size())) {
            splitRunTogether(table, row, cells, values.unit(), balance, observations, findings, ordinal);
            return;
        } else if (cells.size() < columns.size()) {
            findings.add(Finding.of(FindingRule.CELLS_MISSING)
                    .table(table.code())
                    .row(row.code())
                    .expected(String.valueOf(columns.size()))
                    .actual(String.valueOf(cells.size()))
                    .message("row " + row.label() + " has " + cells.size() + " numbers where "
                    + columns.size() + " belong (" + texts(cells) + "); they were assigned from the left"));
        }
        for (int c = 0; c < columns.size(); c++) {
            if (c < cells.size()) {
                Token cell = cells.get(c);
                observations.add(observation(table, row, columns.get(c), cell, values.unit(), ordinal + c));
                if (cell.annotated()) {
                    findings.add(Finding.of(FindingRule.ANNOTATED_VALUE)
                            .table(table.code())
                            .row(row.code())
                            .column(columns.get(c).code())
                            .actual(cell.raw())
                            .message("the cell carries a remark; its leading number was taken"));
                }
            } else {
                observations.add(new Observation(table.code(), row.code(), columns.get(c).code(), null, "",
                        values.unit(), row.label(), columns.get(c).label(), null, ordinal + c));
            }
        }
    }

    /** The first window of consecutive values that satisfies the row's identity, or 0. */
    private static int balancedWindow(List<Token> cells, List<TableTemplate.Column> columns, RowBalance balance) {
        for (int from = 0; from + columns.size() <= cells.size(); from++) {
            if (balance.holds(columns, decimals(cells.subList(from, from + columns.size())))) {
                return from;
            }
        }
        return 0;
    }

    private static List<java.math.BigDecimal> decimals(List<Token> cells) {
        List<java.math.BigDecimal> values = new ArrayList<>(cells.size());
        for (Token cell : cells) {
            values.add(cell.value());
        }
        return values;
    }

    /** Fewer numbers than columns, all plain digit runs with enough digits to fill the row. */
    private static boolean ranTogether(List<Token> cells, int columns) {
        int digits = 0;
        boolean longRun = false;
        for (Token cell : cells) {
            if (cell.kind() != Token.Kind.VALUE || cell.annotated() || !cell.text().matches("\\d+")) {
                return false;
            }
            digits += cell.text().length();
            longRun |= cell.text().length() > 1;
        }
        return longRun && digits >= columns;
    }

    private void splitRunTogether(TableTemplate table, TableTemplate.Row row, List<Token> cells, String unit,
                                  RowBalance balance, List<Observation> observations, List<Finding> findings,
                                  int ordinal) {
        List<TableTemplate.Column> columns = row.columns();
        List<String> groups = cells.stream().map(Token::text).toList();
        String raw = texts(cells);
        List<List<java.math.BigDecimal>> solutions = balance.appliesTo(columns)
                ? RunTogetherSplitter.solutions(groups, columns.size(), values -> balance.holds(columns, values))
                : null;
        String where = cells.get(0).where();
        if (solutions != null && solutions.size() == 1) {
            List<java.math.BigDecimal> split = solutions.get(0);
            for (int c = 0; c < columns.size(); c++) {
                observations.add(new Observation(table.code(), row.code(), columns.get(c).code(), split.get(c), raw,
                        unit, row.label(), columns.get(c).label(), where, ordinal + c));
            }
            findings.add(Finding.of(FindingRule.SPLIT_RUN_TOGETHER)
                    .table(table.code())
                    .row(row.code())
                    .actual(raw)
                    .message("the numbers of row " + row.label() + " ran together (" + raw + "); split as "
                            + String.join(" ", split.stream().map(CellValue::plain).toList())
                            + ", the only split where the row's total adds up"));
            return;
        }
        for (int c = 0; c < columns.size(); c++) {
            observations.add(new Observation(table.code(), row.code(), columns.get(c).code(), null, raw, unit,
                    row.label(), columns.get(c).label(), where, ordinal + c));
        }
        String why = solutions == null ? "the row has no identity to tell the splits apart"
                : solutions.isEmpty() ? "no split makes the row's total add up"
                : solutions.size() + " splits make the row's total add up";
        findings.add(Finding.of(FindingRule.UNSPLITTABLE_RUN_TOGETHER)
                .table(table.code())
                .row(row.code())
                .expected(String.valueOf(columns.size()))
                .actual(raw)
                .message("the numbers of row " + row.label() + " ran together (" + raw
                + ") and cannot be split with confidence: " + why + "; its cells are left empty"));
    }

    private static Observation observation(TableTemplate table, TableTemplate.Row row, TableTemplate.Column column,
                                           Token cell, String unit, int ordinal) {
        return new Observation(table.code(), row.code(), column.code(), cell.kind() == Token.Kind.VALUE ? cell.value() : null,
                cell.raw(), unit, row.label(), column.label(), cell.where(), ordinal);
    }

    private static String texts(List<Token> cells) {
        return String.join(" ", cells.stream().map(Token::raw).toList());
    }

    private static List<Token> trimEmpty(List<Token> cells) {
        int from = 0;
        int to = cells.size();
        while (from < to && cells.get(from).kind() == Token.Kind.EMPTY) {
            from++;
        }
        while (to > from && cells.get(to - 1).kind() == Token.Kind.EMPTY) {
            to--;
        }
        return cells.subList(from, to);
    }

    private int findRow(TableTemplate.Row row, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (matches(row, keys.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private int findLabel(String key, int from) {
        for (int i = from; i < tokens.size(); i++) {
            LabelKey label = keys.get(i);
            if (label != null && label.numbering() == null && label.key().startsWith(key)
                    && label.key().length() <= MAX_HEADER_LABEL) {
                return i;
            }
        }
        return -1;
    }

    private boolean isAnyRowLabel(TableTemplate table, int index) {
        LabelKey label = keys.get(index);
        if (label == null) {
            return false;
        }
        if (label.numbering() != null) {
            return true;
        }
        for (TableTemplate.Row row : table.rows()) {
            if (matches(row, label)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(TableTemplate.Row row, LabelKey label) {
        if (label == null || label.key().isEmpty()) {
            return false;
        }
        if (row.numbering() != null && label.numbering() != null && !row.numbering().equals(label.numbering())) {
            return false;
        }
        if (row.numberingRequired() && label.numbering() == null) {
            return false;
        }
        for (String key : row.keys()) {
            if (label.key().startsWith(key)) {
                return true;
            }
            // a label cut short by a line wrap
            if (label.key().length() >= 6 && key.startsWith(label.key())) {
                return true;
            }
        }
        return false;
    }
}
