package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads a table from the {@link LabelStream}: finds the template's row labels in order
 * ({@link RowLabelAlignment}), takes the material after each label, and hands all of it to the
 * {@link TableSolver}. Works whatever became of the cell boundaries: crawler text with every cell run
 * together, PDF text with labels wrapped or printed vertically and values on the next line, markdown
 * and tab-separated tables alike. Run-layout tables are read by {@link FlattenedRunReader}.
 */
final class FlattenedTableReader implements TableReader {

    /** The layout kind: tables whose cell boundaries may be lost, read from the document's label stream. */
    static final TableReader.Kind KIND = new TableReader.Kind("flattened", false,
            report -> new FlattenedTableReader(report.labelStream(), report.labelIndexes(), report.placedIdentities()));

    private final LabelStream stream;
    private final RowLabelAlignment alignment;
    private final FlattenedRunReader runs;
    private final BiFunction<TableTemplate, List<IdentityRule>, List<PlacedIdentity>> placedIdentities;

    FlattenedTableReader(LabelStream stream, Function<TableTemplate, RowLabelIndex> labelIndexes,
                         BiFunction<TableTemplate, List<IdentityRule>, List<PlacedIdentity>> placedIdentities) {
        this.stream = stream;
        this.placedIdentities = placedIdentities;
        this.alignment = new RowLabelAlignment(stream, labelIndexes);
        this.runs = new FlattenedRunReader(stream);
    }

    @Override
    public String name() {
        return KIND.name();
    }

    @Override
    public TableReading read(TableTemplate template, List<IdentityRule> rules, ProseEvidence prose, int from) {
        return switch (template.layout()) {
            case ROWS -> readRows(template, rules, prose, from);
            case RUN -> runs.read(template, rules, prose, from);
        };
    }

    private TableReading readRows(TableTemplate template, List<IdentityRule> rules, ProseEvidence prose, int from) {
        RowLabelAlignment.Candidate[] chosen = alignment.rows(template, from);
        int matched = 0;
        int first = -1;
        int last = -1;
        for (RowLabelAlignment.Candidate c : chosen) {
            if (c != null) {
                matched++;
                first = first < 0 ? c.piece() : first;
                last = c.piece();
            }
        }
        if (matched == 0) {
            return TableReading.notFound(template, from);
        }
        if (template.optionalColumn() != null && headerNames(first, template.optionalColumn().clue())) {
            // the header names the column, but some reports print it without filling it: keep the better reading
            Solved widened = solve(template.withOptionalColumn(), rules, prose, chosen, last);
            if (printsTwoNumbers(chosen)) {
                return widened.reading();
            }
            Solved plain = solve(template, rules, prose, chosen, last);
            // the header names the optional column: a reading without it whose numbers break the sums that the
            // reading with it keeps (one number per row where two ran together: 主动公开信息数条31143188) is
            // refuted, however fewer its doubts
            if (plain.broken() > widened.broken()) {
                return widened.reading();
            }
            return plain.reading().betterThan(widened.reading()) ? plain.reading() : widened.reading();
        }
        return solve(template, rules, prose, chosen, last).reading();
    }

    /** A reading of the table, and how many of its identities the solver's numbers break. */
    private record Solved(TableReading reading, int broken) {
    }

    private Solved solve(TableTemplate table, List<IdentityRule> rules, ProseEvidence prose,
                         RowLabelAlignment.Candidate[] found, int last) {
        List<LabelStream.Piece> pieces = stream.pieces();
        int matched = (int) Arrays.stream(found).filter(Objects::nonNull).count();
        RowLabelAlignment.Candidate[] chosen = DetachedLabelBlocks.assign(stream, table, found);
        List<TableSolver.Segment> segments = new ArrayList<>();
        for (int r = 0; r < chosen.length; r++) {
            if (chosen[r] == null) {
                continue;
            }
            List<LabelStream.Atom> material = chosen[r].material() != null ? chosen[r].material()
                    : pieces.get(chosen[r].piece()).material();
            boolean gapAfter = chosen[r].material() == null && pieces.get(chosen[r].piece()).gapAfter();
            List<TableSolver.Slot> slots = new ArrayList<>();
            for (int c = 0; c < table.rows().get(r).columns().size(); c++) {
                slots.add(new TableSolver.Slot(r, c));
            }
            material = withoutEmptyLabelCell(material, slots.size());
            segments.add(new TableSolver.Segment(material, gapAfter, slots));
        }
        TableSolver solver = new TableSolver(table, prose, placedIdentities.apply(table, rules));
        TableSolver.Solution solution = solver.solve(segments);
        List<Observation> observations = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(solution.findings());
        int ordinal = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            TableTemplate.Row row = table.rows().get(r);
            if (row.aggregateOnly()) {
                continue;
            }
            if (chosen[r] == null) {
                int aggregate = UndividedRows.printedParent(table, chosen, r);
                if (aggregate >= 0) {
                    ordinal = UndividedRows.read(table, r, aggregate, solution,
                            pieces.get(chosen[aggregate].piece()).where(), ordinal, observations, findings);
                    continue;
                }
                findings.add(TableReader.rowMissing(table, row));
                ordinal += row.columns().size();
                continue;
            }
            String unit = chosen[r].match().unit();
            for (int c = 0; c < row.columns().size(); c++) {
                MaterialReadings.ReadCell cell = solution.cells().get(new TableSolver.Slot(r, c));
                String where = cell != null && cell.where() != null ? cell.where() : pieces.get(chosen[r].piece()).where();
                observations.add(Observation.of(table, row, row.columns().get(c))
                        .value(cell == null ? null : cell.value()).raw(cell == null ? "" : cell.raw())
                        .unit(cell != null && cell.unit() != null ? cell.unit() : unit).where(where)
                        .ordinal(ordinal + c).build());
            }
            ordinal += row.columns().size();
        }
        UnlistedIndicators.read(stream, table, chosen, ordinal, observations, findings);
        return new Solved(new TableReading(table, observations, findings, matched, last + 1),
                solver.broken(solution.values()));
    }

    /**
     * The material without the empty cell that opens it when the rest is exactly the row's cells: the second
     * label column a row leaves empty (a markdown row {@code | 一、本年新收… |  | 1 | 0 …} whose PDF merged its two
     * label columns) is layout, not a blank value; a blank value among the row's own cells keeps its place, the
     * material then being no longer than the row. Kept to one such cell: with two or more (a three-column label
     * in tab-separated text) the solver's window choice already reads the row, and dropping them too would only
     * move which reader's wording of the same doubts is kept (seed 004's text).
     */
    static List<LabelStream.Atom> withoutEmptyLabelCell(List<LabelStream.Atom> material, int cells) {
        return material.size() == cells + 1 && material.get(0).kind() == LabelStream.AtomKind.EMPTY
                && (material.size() < 2 || material.get(1).kind() != LabelStream.AtomKind.EMPTY)
                ? material.subList(1, material.size()) : material;
    }

    /**
     * Whether some row prints what cannot be one number ({@code 00}, {@code 041}, two numbers apart): then the
     * column the header names is filled, however ambiguous the runs make the reading with it. Without this, a
     * table of long runs ({@code 主动公开信息数条39773977}) read better as one wrong number per row than as two
     * left ambiguous.
     */
    private boolean printsTwoNumbers(RowLabelAlignment.Candidate[] chosen) {
        for (RowLabelAlignment.Candidate c : chosen) {
            if (c == null) {
                continue;
            }
            List<LabelStream.Atom> material = c.material() != null ? c.material() : stream.pieces().get(c.piece()).material();
            if (material.size() > 1) {
                return true;
            }
            if (material.size() == 1 && material.get(0).kind() == LabelStream.AtomKind.DIGITS
                    && material.get(0).digits().length() > 1 && material.get(0).digits().charAt(0) == '0') {
                return true;
            }
        }
        return false;
    }

    /** Whether the table's header, printed before its first row, names the optional column. */
    private boolean headerNames(int firstRowPiece, String clue) {
        for (int p = Math.max(0, firstRowPiece - 2); p <= firstRowPiece; p++) {
            if (stream.pieces().get(p).key().contains(clue)) {
                return true;
            }
        }
        return false;
    }
}
