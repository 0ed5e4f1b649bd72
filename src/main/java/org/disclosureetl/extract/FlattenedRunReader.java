package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a run-layout table (the review and litigation table: its cells as one run of numbers after
 * a header) from the {@link LabelStream} and hands the run to the {@link TableSolver}. A table printed
 * in parts, each under its own copy of the header (PDF-to-markdown), is gathered first.
 */
final class FlattenedRunReader {

    /** A run layout's header and its numbers may be separated by this many pieces (repeated headings). */
    private static final int RUN_LOOKAHEAD = 3;

    private final LabelStream stream;

    FlattenedRunReader(LabelStream stream) {
        this.stream = stream;
    }

    TableReading read(TableTemplate template, List<IdentityRule> rules, ProseEvidence prose, int from) {
        List<LabelStream.Piece> pieces = stream.pieces();
        int cells = template.cellCount();
        Pattern headerOnly = null;
        for (int p = from; p < pieces.size(); p++) {
            if (!pieces.get(p).key().contains(template.anchor())) {
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
                    headerOnly = headerOnly == null ? headerOnly(template) : headerOnly;
                    List<LabelStream.Atom> gathered = new ArrayList<>(piece.material());
                    while (end < pieces.size() && MaterialReadings.maxCells(gathered) < cells
                            && headerOnly.matcher(pieces.get(end).key()).matches()
                            && !pieces.get(end).material().isEmpty()) {
                        gathered.addAll(afterBreak(pieces.get(end).material()));
                        end++;
                    }
                    if (MaterialReadings.maxCells(gathered) < cells || MaterialReadings.minCells(gathered) > cells) {
                        continue;
                    }
                    piece = new LabelStream.Piece(piece.text(), gathered, piece.where(), false, piece.key());
                }
                return solve(template, rules, prose, piece, end);
            }
        }
        return TableReading.notFound(template, from);
    }

    private static TableReading solve(TableTemplate template, List<IdentityRule> rules, ProseEvidence prose,
                                      LabelStream.Piece piece, int end) {
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
                observations.add(Observation.of(template, row, row.columns().get(c))
                        .value(cell == null ? null : cell.value()).raw(cell == null ? "" : cell.raw())
                        .where(cell == null ? piece.where() : cell.where()).ordinal(ordinal++).build());
            }
        }
        return new TableReading(template, observations, solution.findings(), template.rows().size(), end);
    }

    /**
     * A piece that is only the table's header words printed again over a later part: the words of its
     * row and column labels (行政复议, 行政诉讼, 未经复议直接起诉, 结果维持 …) and the separators left of a markdown
     * header row.
     */
    static Pattern headerOnly(TableTemplate template) {
        Set<String> words = new LinkedHashSet<>();
        for (TableTemplate.Row row : template.rows()) {
            addWords(words, row.label());
            for (TableTemplate.Column column : row.columns()) {
                addWords(words, column.label());
            }
        }
        List<String> quoted = words.stream().map(Pattern::quote).toList();
        return Pattern.compile("^(" + String.join("|", quoted) + "|[|\\-:])+$");
    }

    private static void addWords(Set<String> words, String label) {
        for (String word : label.strip().split("\\s+")) {
            String key = LabelKey.of(word).key();
            if (!key.isEmpty()) {
                words.add(key);
            }
        }
    }

    /** A later part's atoms, its first marked as after a break: the parts' numbers never run together. */
    private static List<LabelStream.Atom> afterBreak(List<LabelStream.Atom> atoms) {
        List<LabelStream.Atom> out = new ArrayList<>(atoms);
        LabelStream.Atom a = out.get(0);
        out.set(0, new LabelStream.Atom(a.kind(), a.sign(), a.digits(), a.fraction(), a.unit(), a.annotated(), a.raw(),
                LabelStream.Gap.BREAK, a.where()));
        return out;
    }
}
