package org.disclosureetl.extract;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Indicators printed inside a table that no row of the catalogue matches (legacy statistics tables
 * add their own): each kept under one of the table's spare codes ({@code x.unlisted.N}) with its printed
 * label, its numbers read when they allow one reading only.
 */
final class UnlistedIndicators {

    /** A printed label shorter than this is a stray character, longer is a sentence. */
    private static final int MIN_LABEL = 2;
    private static final int MAX_LABEL = 30;

    private UnlistedIndicators() {
    }

    /** Adds the cells and a finding for each unlisted indicator between the first and last matched rows. */
    static void read(LabelStream stream, TableTemplate table, RowLabelAlignment.Candidate[] chosen, int ordinal,
                     List<Observation> observations, List<Finding> findings) {
        if (table.spareRows().isEmpty()) {
            return;
        }
        TreeSet<Integer> matchedPieces = new TreeSet<>();
        for (RowLabelAlignment.Candidate c : chosen) {
            if (c != null) {
                matchedPieces.add(c.piece());
            }
        }
        if (matchedPieces.size() < 2) {
            return;
        }
        int spare = 0;
        int next = ordinal;
        for (int p = matchedPieces.first() + 1; p < matchedPieces.last(); p++) {
            LabelStream.Piece piece = stream.pieces().get(p);
            String label = printedLabel(piece.text());
            if (matchedPieces.contains(p) || piece.material().isEmpty() || label.length() < MIN_LABEL
                    || label.length() > MAX_LABEL) {
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
                observations.add(Observation.of(table, row, row.columns().get(c)).rowLabel(label)
                        .value(cell == null ? null : cell.value()).raw(cell == null ? "" : cell.raw())
                        .unit(LabelMatcher.unitAtEnd(piece.text())).where(piece.where()).ordinal(next++).build());
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
    static String printedLabel(String text) {
        String label = TableVocabulary.LABEL_PREFIX.matcher(text.strip()).replaceFirst("");
        String unit = LabelMatcher.unitAtEnd(label);
        return unit == null ? label : label.substring(0, label.length() - unit.length()).strip();
    }
}
