package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a template table from a report's tokens, for layouts that kept their cell boundaries. Generic over the templates: rows
 * are anchored on their labels (so a missing cell or row never shifts the others), values are
 * read from the anchor's own line first (tab, pipe, table or space-aligned layouts) and then from
 * the following lines (one cell per line); {@link RowCellAssignment} puts them into cells and reports
 * whatever had to be guessed. Run-layout tables are read by {@link AnchoredRunReader}.
 */
final class AnchoredRowReader implements TableReader {

    /** The layout kind: tables that kept their cell boundaries (HTML, Word, spreadsheets, tab-, pipe- or space-aligned text). */
    static final TableReader.Kind KIND = new TableReader.Kind("anchored", true,
            report -> new AnchoredRowReader(Tokenizer.tokenize(report.document())));

    /** How many label fragments (wrapped label lines, stray headers) may sit between a label and its values. */
    private static final int MAX_SKIPPED_FRAGMENTS = 3;
    /** A label longer than this is prose or a section heading, never part of a table header. */
    static final int MAX_HEADER_LABEL = 24;

    private final List<Token> tokens;
    private final List<LabelKey> keys;
    private final AnchoredRunReader runs;

    AnchoredRowReader(List<Token> tokens) {
        this.tokens = tokens;
        this.keys = keysOf(tokens);
        this.runs = new AnchoredRunReader(tokens, this);
    }

    @Override
    public String name() {
        return KIND.name();
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
            case RUN -> runs.read(table, from);
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
            RowCellAssignment.RowValues values = collectRowValues(table, anchor, row.columns().size());
            RowCellAssignment.assign(table, row, values, balance, observations, findings, ordinal);
            ordinal += row.columns().size();
            cursor = Math.max(cursor, values.end());
        }
        return new TableReading(table, observations, findings, rowsFound, cursor);
    }

    private RowCellAssignment.RowValues collectRowValues(TableTemplate table, int anchor, int columns) {
        int anchorLine = tokens.get(anchor).line();
        String unit = null;
        List<Token> sameLine = new ArrayList<>();
        int i = anchor + 1;
        for (; i < tokens.size() && tokens.get(i).line() == anchorLine; i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.LABEL) {
                if (TableVocabulary.isUnit(t.text()) && unit == null) {
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
            return new RowCellAssignment.RowValues(values, unit, i, false, 0);
        }
        List<Token> placed = values.size() < columns && !values.isEmpty() ? inPlace(sameLine, columns) : null;
        if (placed != null) {
            return new RowCellAssignment.RowValues(placed, unit, i, true, 0);
        }
        if (values.size() < columns && trimmed.size() == columns && !values.isEmpty()) {
            return new RowCellAssignment.RowValues(trimmed, unit, i, true, 0);
        }
        if (values.size() > columns) {
            return new RowCellAssignment.RowValues(values, unit, i, false, values.size() - columns);
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
            if (TableVocabulary.isUnit(t.text()) && unit == null && collected.isEmpty()) {
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
            return new RowCellAssignment.RowValues(List.of(), unit, i, false, 0);
        }
        int extra = Math.max(0, collected.size() - columns);
        return new RowCellAssignment.RowValues(collected, unit, j, false, extra);
    }

    /**
     * A table row's cells after its label where each keeps its column: exactly as many cells as columns, or more
     * with only empty cells in front (the label's merged cells), the rest right-aligned; null otherwise. A cell
     * left empty in a grid (HTML {@code <td>&nbsp;</td>}, a blank Word cell) is a column of the row, so
     * {@code "" | "" | 8} is 8 in the third column, not the first (issue 26).
     */
    static List<Token> inPlace(List<Token> cells, int columns) {
        if (cells.size() < columns) {
            return null;
        }
        for (int c = 0; c < cells.size() - columns; c++) {
            if (cells.get(c).kind() != Token.Kind.EMPTY) {
                return null;
            }
        }
        return cells.subList(cells.size() - columns, cells.size());
    }

    /** The cells without the empty ones at either end (layout, not data). */
    static List<Token> trimEmpty(List<Token> cells) {
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

    /** The label key of token {@code index}, or null when it is no label. */
    LabelKey keyAt(int index) {
        return keys.get(index);
    }

    private int findRow(TableTemplate.Row row, int from) {
        // a label matches a row only if it starts with the first character of one of the row's keys (see matches)
        String firsts = firstCharacters(row);
        for (int i = from; i < tokens.size(); i++) {
            LabelKey label = keys.get(i);
            if (label == null || label.key().isEmpty()
                    || firsts != null && firsts.indexOf(label.key().charAt(0)) < 0) {
                continue;
            }
            if (matches(row, label)) {
                return i;
            }
        }
        return -1;
    }

    /** The first character of each of the row's keys, or null when a key is empty (it would match any label). */
    private static String firstCharacters(TableTemplate.Row row) {
        StringBuilder firsts = new StringBuilder(row.keys().size());
        for (String key : row.keys()) {
            if (key.isEmpty()) {
                return null;
            }
            firsts.append(key.charAt(0));
        }
        return firsts.toString();
    }

    /** The first unnumbered short label from {@code from} on that starts with {@code key} (a table's header), or -1. */
    int findHeader(String key, int from) {
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
