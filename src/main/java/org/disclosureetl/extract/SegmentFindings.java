package org.disclosureetl.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The solver's doubts about one segment, as findings an analyst can act on: they name the row (or
 * the table, for a run layout), quote the material as printed and list the readings considered.
 */
final class SegmentFindings {

    private final TableTemplate table;

    SegmentFindings(TableTemplate table) {
        this.table = table;
    }

    /** No reading fills the segment's cells. */
    Finding unreadable(TableSolver.Segment segment) {
        int have = MaterialReadings.maxCells(segment.atoms());
        int cells = segment.slots().size();
        return finding(FindingRule.CELLS_MISSING, segment, null, String.valueOf(cells), segment.raw(),
                rowLabel(segment) + " has " + (segment.atoms().isEmpty() ? "no numbers"
                        : "numbers (" + segment.raw() + ") that cannot fill its " + cells
                        + " cells" + (have < cells ? "" : " in any reading"))
                        + "; its cells are left empty");
    }

    /** A cell printed with a remark, of which the leading number was taken. */
    Finding annotated(TableSolver.Segment segment, TableSolver.Slot slot, MaterialReadings.ReadCell cell) {
        return finding(FindingRule.ANNOTATED_VALUE, segment, slot, null, cell.raw(),
                "the cell carries a remark; its leading number was taken");
    }

    /**
     * A cell the readings that fit every identity disagree on. Expected lists the cell's value in each
     * reading, in the readings' order (blank: none), so that a reader of the issues
     * (series/SeriesLinker) can tell which reading a neighbouring report fits.
     */
    Finding ambiguous(TableSolver.Segment segment, TableSolver.Slot slot, int column,
                      List<List<MaterialReadings.ReadCell>> readings, List<Integer> options) {
        Set<String> values = new LinkedHashSet<>();
        List<String> perReading = new ArrayList<>();
        for (int option : options) {
            values.add(show(readings.get(option).get(column)));
            perReading.add(show(readings.get(option).get(column)));
        }
        return finding(FindingRule.AMBIGUOUS_READING, segment, slot, String.join("|", perReading), segment.raw(),
                rowLabel(segment) + ": the numbers ran together (" + segment.raw() + ") and " + options.size()
                        + " readings fit every identity; this cell could be " + String.join(" or ", values)
                        + "; left empty (readings: " + readingsText(readings, options) + ")");
    }

    /** The readings kept assume an empty or unprinted cell. */
    Finding fewerNumbers(TableSolver.Segment segment, List<List<MaterialReadings.ReadCell>> readings,
                         List<Integer> options) {
        int cells = segment.slots().size();
        return finding(FindingRule.CELLS_MISSING, segment, null, String.valueOf(cells), segment.raw(),
                rowLabel(segment) + " has fewer numbers (" + segment.raw() + ") than its " + cells + " cells; read as "
                        + readingsText(readings, options)
                        + ", assuming an empty cell where a space stands or a cell that is not printed");
    }

    /** The segment printed more numbers than it has cells; the readings are windows of them. */
    Finding moreNumbers(TableSolver.Segment segment, boolean undecided, List<List<MaterialReadings.ReadCell>> readings,
                        List<Integer> options) {
        return finding(FindingRule.EXTRA_CELLS, segment, null, String.valueOf(segment.slots().size()), segment.raw(),
                rowLabel(segment) + " has more numbers (" + segment.raw() + ") than its " + segment.slots().size()
                        + " cells; " + (undecided ? "no window of them could be chosen" : "the numbers kept are "
                        + readingsText(readings, options)));
    }

    /** Run-together digits split one way, and what decided it ({@code decidedBy} null: the identities). */
    Finding split(TableSolver.Segment segment, List<List<MaterialReadings.ReadCell>> readings, List<Integer> options,
                  String decidedBy) {
        return finding(FindingRule.SPLIT_RUN_TOGETHER, segment, null, null, segment.raw(),
                rowLabel(segment) + ": the numbers ran together (" + segment.raw() + "); read as "
                        + readingsText(readings, options) + ", decided by "
                        + (decidedBy != null ? decidedBy : "the table's identities"));
    }

    /** A cell's value as the messages show it. */
    static String show(MaterialReadings.ReadCell cell) {
        return cell.value() == null ? "blank" : CellValue.plain(cell.value());
    }

    /** The readings' values, a reading's cells separated by spaces and readings by {@code |}. */
    static String readingsText(List<List<MaterialReadings.ReadCell>> readings, List<Integer> options) {
        List<String> texts = new ArrayList<>();
        for (int option : options) {
            texts.add(String.join(" ", readings.get(option).stream().map(SegmentFindings::show).toList()));
        }
        return String.join(" | ", texts);
    }

    private String rowLabel(TableSolver.Segment segment) {
        Set<String> labels = new LinkedHashSet<>();
        for (TableSolver.Slot slot : segment.slots()) {
            labels.add(table.rows().get(slot.row()).label());
        }
        return labels.size() == 1 ? "row " + labels.iterator().next() : "table " + table.code();
    }

    /** A finding on the segment's row (or the table, when the segment spans rows), or on one of its cells. */
    private Finding finding(FindingRule rule, TableSolver.Segment segment, TableSolver.Slot slot, String expected,
                            String actual, String message) {
        String rowCode = null;
        if (slot != null) {
            rowCode = table.rows().get(slot.row()).code();
        } else if (!segment.slots().isEmpty()) {
            TableSolver.Slot anchor = segment.slots().get(0);
            boolean oneRow = segment.slots().stream().allMatch(s -> s.row() == anchor.row());
            rowCode = oneRow ? table.rows().get(anchor.row()).code() : null;
        }
        String columnCode = slot != null ? table.rows().get(slot.row()).columns().get(slot.column()).code() : null;
        return Finding.of(rule)
                .table(table.code())
                .row(rowCode)
                .column(columnCode)
                .expected(expected)
                .actual(actual)
                .message(message);
    }
}
