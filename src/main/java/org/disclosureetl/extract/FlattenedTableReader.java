package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a table from the {@link LabelStream}: finds the template's row labels in order (fuzzily,
 * in one alignment over the whole table so that a label repeated in the prose or a heading printed
 * twice does not pull a row away from its table), takes the material after each label, and hands
 * all of it to the {@link TableSolver}. Works whatever became of the cell boundaries: crawler text
 * with every cell run together, PDF text with labels wrapped or printed vertically and values on the
 * next line, markdown and tab-separated tables alike.
 */
final class FlattenedTableReader implements TableReader {

    /** What a row left unmatched costs in the alignment. */
    private static final double UNMATCHED_ROW = 0.6;
    /** What each label piece skipped between two matched rows costs. */
    private static final double SKIPPED_PIECE = 0.35;
    /** What each character of skipped label text costs beyond a short heading. */
    private static final double SKIPPED_CHAR = 0.01;
    private static final int FREE_SKIPPED_CHARS = 40;
    /** A run layout's header and its numbers may be separated by this many pieces (repeated headings). */
    private static final int RUN_LOOKAHEAD = 3;
    /** How many final characters of labels and pieces are compared before an edit distance is computed. */
    private static final int LOOKUP_CHARS = 4;

    private final LabelStream stream;
    /** Label characters of pieces 0..i-1, to price skipped pieces in constant time. */
    private final int[] labelChars;
    /** Each piece's possible label endings, computed on the first read (a document read by the anchored reader alone never needs them). */
    private List<List<LabelMatcher.Ending>> endings;

    FlattenedTableReader(LabelStream stream) {
        this.stream = stream;
        this.labelChars = new int[stream.pieces().size() + 1];
        for (int p = 0; p < stream.pieces().size(); p++) {
            labelChars[p + 1] = labelChars[p] + stream.pieces().get(p).text().length();
        }
    }

    @Override
    public String name() {
        return "flattened";
    }

    @Override
    public TableReading read(TableTemplate template, List<IdentityRule> rules, ProseEvidence prose, int from) {
        return switch (template.layout()) {
            case ROWS -> readRows(template, rules, prose, from);
            case RUN -> readRun(template, rules, prose, from);
        };
    }

    private TableReading readRows(TableTemplate template, List<IdentityRule> rules, ProseEvidence prose, int from) {
        List<LabelStream.Piece> pieces = stream.pieces();
        List<List<Candidate>> candidates = new ArrayList<>();
        for (int r = 0; r < template.rows().size(); r++) {
            candidates.add(new ArrayList<>());
        }
        // only rows whose labels end near the piece's last characters are worth an edit distance
        Map<Character, Set<Integer>> rowsByLastChar = new HashMap<>();
        for (int r = 0; r < template.rows().size(); r++) {
            for (String key : template.rows().get(r).keys()) {
                for (int i = 1; i <= Math.min(LOOKUP_CHARS, key.length()); i++) {
                    rowsByLastChar.computeIfAbsent(key.charAt(key.length() - i), k -> new TreeSet<>()).add(r);
                }
            }
        }
        for (int p = from; p < pieces.size(); p++) {
            Set<Integer> rows = new TreeSet<>();
            for (LabelMatcher.Ending ending : endings().get(p)) {
                String key = ending.key();
                for (int i = 1; i <= Math.min(LOOKUP_CHARS, key.length()); i++) {
                    rows.addAll(rowsByLastChar.getOrDefault(key.charAt(key.length() - i), Set.of()));
                }
            }
            for (int r : rows) {
                LabelMatcher.Match match = LabelMatcher.matchAtEnd(endings().get(p), template.rows().get(r));
                if (match != null) {
                    candidates.get(r).add(new Candidate(p, match));
                }
            }
        }
        Candidate[] chosen = align(candidates);
        int matched = 0;
        int first = -1;
        int last = -1;
        for (Candidate c : chosen) {
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
            TableReading widened = solve(template.withOptionalColumn(), rules, prose, chosen, last);
            TableReading plain = solve(template, rules, prose, chosen, last);
            return plain.betterThan(widened) ? plain : widened;
        }
        return solve(template, rules, prose, chosen, last);
    }

    private TableReading solve(TableTemplate table, List<IdentityRule> rules, ProseEvidence prose, Candidate[] chosen,
                               int last) {
        List<LabelStream.Piece> pieces = stream.pieces();
        int matched = (int) java.util.Arrays.stream(chosen).filter(java.util.Objects::nonNull).count();
        chosen = detachedLabels(table, chosen);
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
            segments.add(new TableSolver.Segment(material, gapAfter, slots));
        }
        TableSolver.Solution solution = new TableSolver(table, rules, prose).solve(segments);
        List<Observation> observations = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(solution.findings());
        int ordinal = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            TableTemplate.Row row = table.rows().get(r);
            if (row.aggregateOnly()) {
                continue;
            }
            if (chosen[r] == null) {
                int aggregate = undividedParent(table, chosen, r);
                if (aggregate >= 0) {
                    ordinal = undivided(table, r, aggregate, solution, pieces.get(chosen[aggregate].piece()).where(),
                            ordinal, observations, findings);
                    continue;
                }
                findings.add(TableReader.rowMissing(table, row));
                ordinal += row.columns().size();
                continue;
            }
            String unit = chosen[r].match().unit();
            for (int c = 0; c < row.columns().size(); c++) {
                MaterialReadings.ReadCell cell = solution.cells().get(new TableSolver.Slot(r, c));
                TableTemplate.Column column = row.columns().get(c);
                String where = cell != null && cell.where() != null ? cell.where() : pieces.get(chosen[r].piece()).where();
                observations.add(new Observation(table.code(), row.code(), column.code(),
                        cell == null ? null : cell.value(), cell == null ? "" : cell.raw(),
                        cell != null && cell.unit() != null ? cell.unit() : unit, row.label(), column.label(), where,
                        ordinal + c));
            }
            ordinal += row.columns().size();
        }
        unlisted(table, chosen, ordinal, observations, findings);
        return new TableReading(table, observations, findings, matched, last + 1);
    }

    /**
     * Indicators printed inside the table that no row of the catalogue matches: each kept under a
     * spare code with its printed label, its numbers read when they allow one reading only.
     */
    private void unlisted(TableTemplate table, Candidate[] chosen, int ordinal, List<Observation> observations,
                          List<Finding> findings) {
        if (table.spareRows().isEmpty()) {
            return;
        }
        Set<Integer> matchedPieces = new TreeSet<>();
        for (Candidate c : chosen) {
            if (c != null) {
                matchedPieces.add(c.piece());
            }
        }
        if (matchedPieces.size() < 2) {
            return;
        }
        int spare = 0;
        int next = ordinal;
        for (int p = ((TreeSet<Integer>) matchedPieces).first() + 1; p < ((TreeSet<Integer>) matchedPieces).last(); p++) {
            LabelStream.Piece piece = stream.pieces().get(p);
            String label = printedLabel(piece.text());
            if (matchedPieces.contains(p) || piece.material().isEmpty() || label.length() < 2 || label.length() > 30) {
                continue;
            }
            if (spare == table.spareRows().size()) {
                break;
            }
            TableTemplate.Row row = table.spareRows().get(spare++);
            List<MaterialReadings.Reading> readings = MaterialReadings.readings(piece.material(), piece.gapAfter(),
                    row.columns().size(), 0, true);
            List<MaterialReadings.ReadCell> cells = readings != null && readings.size() == 1 ? readings.get(0).cells() : null;
            for (int c = 0; c < row.columns().size(); c++) {
                MaterialReadings.ReadCell cell = cells == null ? null : cells.get(c);
                observations.add(new Observation(table.code(), row.code(), row.columns().get(c).code(),
                        cell == null ? null : cell.value(), cell == null ? "" : cell.raw(),
                        LabelMatcher.unitAtEnd(piece.text()), label, row.columns().get(c).label(), piece.where(), next++));
            }
            findings.add(Finding.of(FindingRule.UNLISTED_INDICATOR)
                    .table(table.code())
                    .row(row.code())
                    .actual(piece.text())
                    .message("the table prints an indicator the catalogue lacks (" + label + "); kept as " + row.code()
                    + (cells == null ? ", its numbers (" + piece.material().size() + " pieces) left empty: they allow"
                    + " more than one reading" : "")));
        }
    }

    /** A piece's text as an indicator label: without numbering, 其中 and a trailing unit. */
    private static String printedLabel(String text) {
        String label = text.strip().replaceFirst("^(其中)?[:：]?\\s*(\\d{1,2}[.、]|\\([一二三四五六七八九十]+\\)|[一二三四五六七八九十]+、)?", "");
        String unit = LabelMatcher.unitAtEnd(label);
        return unit == null ? label : label.substring(0, label.length() - unit.length()).strip();
    }

    /** The matched row printed instead of the group that row {@code r} belongs to, or -1. */
    private static int undividedParent(TableTemplate table, Candidate[] chosen, int r) {
        for (int a = 0; a < table.rows().size(); a++) {
            TableTemplate.Row aggregate = table.rows().get(a);
            if (aggregate.aggregateOnly() && chosen[a] != null
                    && IdentityRule.names(aggregate.aggregates(), table.rows().get(r).code())) {
                return a;
            }
        }
        return -1;
    }

    /**
     * The cells of a row whose group the report printed as one undivided row: zero where the
     * undivided row is zero (counts that sum to zero are all zero), otherwise unknown and flagged.
     */
    private static int undivided(TableTemplate table, int r, int aggregate, TableSolver.Solution solution,
                                 String where, int ordinal, List<Observation> observations, List<Finding> findings) {
        TableTemplate.Row row = table.rows().get(r);
        TableTemplate.Row printed = table.rows().get(aggregate);
        boolean allZero = true;
        List<String> values = new ArrayList<>();
        for (int c = 0; c < printed.columns().size(); c++) {
            MaterialReadings.ReadCell cell = solution.cells().get(new TableSolver.Slot(aggregate, c));
            allZero &= cell != null && cell.value() != null && cell.value().signum() == 0;
            values.add(cell == null || cell.value() == null ? "blank" : CellValue.plain(cell.value()));
        }
        for (int c = 0; c < row.columns().size(); c++) {
            TableTemplate.Column column = row.columns().get(c);
            observations.add(new Observation(table.code(), row.code(), column.code(),
                    allZero ? java.math.BigDecimal.ZERO : null, "", null, row.label(), column.label(), where,
                    ordinal + c));
        }
        findings.add(Finding.of(FindingRule.UNDIVIDED_ROW)
                .table(table.code())
                .row(row.code())
                .actual(String.join(" ", values))
                .message("the report prints one undivided row " + printed.label() + " ("
                + String.join(" ", values) + ") instead of its sub-rows; "
                + (allZero ? "it is all zero, so this sub-row is zero too" : "this sub-row's cells are left empty")));
        return ordinal + row.columns().size();
    }

    private TableReading readRun(TableTemplate template, List<IdentityRule> rules, ProseEvidence prose, int from) {
        List<LabelStream.Piece> pieces = stream.pieces();
        int cells = template.cellCount();
        for (int p = from; p < pieces.size(); p++) {
            if (!LabelKey.of(pieces.get(p).text()).key().contains(template.anchor())) {
                continue;
            }
            for (int q = p; q < Math.min(pieces.size(), p + RUN_LOOKAHEAD); q++) {
                LabelStream.Piece piece = pieces.get(q);
                if (piece.material().isEmpty() || MaterialReadings.minCells(piece.material()) > cells) {
                    continue;
                }
                int end = q + 1;
                if (MaterialReadings.maxCells(piece.material()) < cells) {
                    // the table printed in parts, each under its own header (PDF-to-markdown): gather the parts
                    List<LabelStream.Atom> gathered = new ArrayList<>(piece.material());
                    while (end < pieces.size() && MaterialReadings.maxCells(gathered) < cells
                            && isHeaderOnly(pieces.get(end).text()) && !pieces.get(end).material().isEmpty()) {
                        gathered.addAll(afterBreak(pieces.get(end).material()));
                        end++;
                    }
                    if (MaterialReadings.maxCells(gathered) < cells || MaterialReadings.minCells(gathered) > cells) {
                        continue;
                    }
                    piece = new LabelStream.Piece(piece.text(), gathered, piece.where(), false);
                }
                List<TableSolver.Slot> slots = new ArrayList<>();
                for (int r = 0; r < template.rows().size(); r++) {
                    for (int c = 0; c < template.rows().get(r).columns().size(); c++) {
                        slots.add(new TableSolver.Slot(r, c));
                    }
                }
                TableSolver.Segment segment = new TableSolver.Segment(piece.material(), piece.gapAfter(), slots);
                TableSolver.Solution solution = new TableSolver(template, rules, prose).solve(List.of(segment));
                List<Observation> observations = new ArrayList<>();
                int ordinal = 0;
                for (int r = 0; r < template.rows().size(); r++) {
                    TableTemplate.Row row = template.rows().get(r);
                    for (int c = 0; c < row.columns().size(); c++) {
                        MaterialReadings.ReadCell cell = solution.cells().get(new TableSolver.Slot(r, c));
                        observations.add(new Observation(template.code(), row.code(), row.columns().get(c).code(),
                                cell == null ? null : cell.value(), cell == null ? "" : cell.raw(), null, row.label(),
                                row.columns().get(c).label(), cell == null ? piece.where() : cell.where(), ordinal++));
                    }
                }
                return new TableReading(template, observations, solution.findings(), template.rows().size(), end);
            }
        }
        return TableReading.notFound(template, from);
    }

    /** Header words of the review and litigation table, printed again over each of its parts. */
    private static final java.util.regex.Pattern RUN_HEADER = java.util.regex.Pattern.compile(
            "^(行政复议|行政诉讼|未经复议直接起诉|复议后起诉|结果维持|结果纠正|其他结果|尚未审结|总计|[|\\-:])+$");

    private static boolean isHeaderOnly(String text) {
        return RUN_HEADER.matcher(LabelKey.of(text).key()).matches();
    }

    /** A later part's atoms, its first marked as after a break: the parts' numbers never run together. */
    private static List<LabelStream.Atom> afterBreak(List<LabelStream.Atom> atoms) {
        List<LabelStream.Atom> out = new ArrayList<>(atoms);
        LabelStream.Atom a = out.get(0);
        out.set(0, new LabelStream.Atom(a.kind(), a.sign(), a.digits(), a.fraction(), a.unit(), a.annotated(), a.raw(),
                LabelStream.Gap.BREAK, a.where()));
        return out;
    }

    /** Whether the table's header, printed before its first row, names the optional column. */
    private boolean headerNames(int firstRowPiece, String clue) {
        for (int p = Math.max(0, firstRowPiece - 2); p <= firstRowPiece; p++) {
            if (LabelKey.of(stream.pieces().get(p).text()).key().contains(clue)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A row's label found at the end of a piece.
     *
     * @param material the row's own share of the piece's material where several labels share one
     *                 piece (labels detached from their numbers), or null for all of it
     */
    private record Candidate(int piece, LabelMatcher.Match match, List<LabelStream.Atom> material) {
        Candidate(int piece, LabelMatcher.Match match) {
            this(piece, match, null);
        }
    }

    /**
     * PDF-to-markdown conversions print a block of labels and then a block of number rows: one
     * piece ends with the last label, and the labels of the rows before it sit earlier in the same
     * piece. When the piece's numbers are exactly as many cells as all those rows have, they are
     * assigned to the rows in order.
     */
    private Candidate[] detachedLabels(TableTemplate table, Candidate[] chosen) {
        Candidate[] result = chosen.clone();
        for (int r = 0; r < chosen.length; r++) {
            if (chosen[r] == null) {
                continue;
            }
            LabelStream.Piece piece = stream.pieces().get(chosen[r].piece());
            String key = LabelKey.of(piece.text()).key();
            int first = r;
            int at = key.length();
            while (first > 0 && chosen[first - 1] == null && !table.rows().get(first - 1).aggregateOnly()) {
                int found = lastIndexOfAny(key.substring(0, at), table.rows().get(first - 1).keys());
                if (found < 0) {
                    break;
                }
                at = found;
                first--;
            }
            if (first == r || piece.material().stream().anyMatch(a -> a.kind() == LabelStream.AtomKind.DIGITS
                    && a.digits().length() > 1 && a.gap() == LabelStream.Gap.NONE)) {
                continue;
            }
            int cells = 0;
            for (int k = first; k <= r; k++) {
                cells += table.rows().get(k).columns().size();
            }
            if (piece.material().size() != cells) {
                continue;
            }
            int from = 0;
            for (int k = first; k <= r; k++) {
                int n = table.rows().get(k).columns().size();
                result[k] = new Candidate(chosen[r].piece(), chosen[r].match(), piece.material().subList(from, from + n));
                from += n;
            }
        }
        return result;
    }

    private static int lastIndexOfAny(String text, List<String> keys) {
        int best = -1;
        for (String key : keys) {
            if (!key.isEmpty()) {
                best = Math.max(best, text.lastIndexOf(key));
            }
        }
        return best;
    }

    /**
     * Picks one candidate piece per row, in increasing piece order, maximizing the match scores
     * minus what unmatched rows and skipped pieces between matched rows cost.
     */
    private Candidate[] align(List<List<Candidate>> candidates) {
        int rows = candidates.size();
        double[][] best = new double[rows][];
        int[][] fromRow = new int[rows][];
        int[][] fromCandidate = new int[rows][];
        for (int r = 0; r < rows; r++) {
            List<Candidate> forRow = candidates.get(r);
            best[r] = new double[forRow.size()];
            fromRow[r] = new int[forRow.size()];
            fromCandidate[r] = new int[forRow.size()];
            for (int j = 0; j < forRow.size(); j++) {
                Candidate c = forRow.get(j);
                double value = -UNMATCHED_ROW * r;
                int pr = -1;
                int pj = -1;
                for (int r0 = 0; r0 < r; r0++) {
                    List<Candidate> earlier = candidates.get(r0);
                    for (int j0 = 0; j0 < earlier.size(); j0++) {
                        Candidate e = earlier.get(j0);
                        if (e.piece() >= c.piece()) {
                            continue;
                        }
                        double v = best[r0][j0] - UNMATCHED_ROW * (r - r0 - 1) - skipCost(e.piece(), c.piece());
                        if (v > value) {
                            value = v;
                            pr = r0;
                            pj = j0;
                        }
                    }
                }
                best[r][j] = value + c.match().score();
                fromRow[r][j] = pr;
                fromCandidate[r][j] = pj;
            }
        }
        double top = 0;
        int br = -1;
        int bj = -1;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < best[r].length; j++) {
                double v = best[r][j] - UNMATCHED_ROW * (rows - 1 - r);
                if (br < 0 || v > top) {
                    top = v;
                    br = r;
                    bj = j;
                }
            }
        }
        Candidate[] chosen = new Candidate[rows];
        while (br >= 0) {
            chosen[br] = candidates.get(br).get(bj);
            int nr = fromRow[br][bj];
            int nj = fromCandidate[br][bj];
            br = nr;
            bj = nj;
        }
        return chosen;
    }

    private List<List<LabelMatcher.Ending>> endings() {
        if (endings == null) {
            endings = stream.pieces().stream().map(p -> LabelMatcher.endings(p.text())).toList();
        }
        return endings;
    }

    private double skipCost(int fromPiece, int toPiece) {
        int skipped = toPiece - fromPiece - 1;
        int chars = labelChars[toPiece] - labelChars[fromPiece + 1];
        return SKIPPED_PIECE * skipped + SKIPPED_CHAR * Math.max(0, chars - FREE_SKIPPED_CHARS);
    }
}
