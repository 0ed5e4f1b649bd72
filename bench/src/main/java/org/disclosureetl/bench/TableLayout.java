package org.disclosureetl.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a report's number cells sit in its three tables, as indexes into its cell list:
 * the proactive-disclosure rows, the rows of the applications table (section 三) in template order
 * (new, carried over, the result rows, results total, carried forward) and the one row of 15
 * review/litigation numbers (section 四).
 */
record TableLayout(List<List<Integer>> proactive, List<List<Integer>> applications, List<Integer> review) {

    /** Applicant columns before the row total: natural person and five kinds of organisation. */
    static final int APPLICANT_COLUMNS = 6;
    static final int REVIEW_CELLS = 15;
    /** The applications table starts at the row labelled 一、本年新收 (same in both scripts). */
    static final String APPLICATIONS_ANCHOR = "新收";

    static TableLayout of(List<NumberCell> cells, String text) {
        int anchor = text.indexOf(APPLICATIONS_ANCHOR);
        if (anchor < 0) {
            throw new IllegalArgumentException("no applications table (label " + APPLICATIONS_ANCHOR + ")");
        }
        List<List<Integer>> rows = NumberCells.rows(cells, text);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no number cells");
        }
        List<Integer> review = rows.get(rows.size() - 1);
        if (review.size() != REVIEW_CELLS) {
            throw new IllegalArgumentException("last row has " + review.size() + " numbers, not the "
                    + REVIEW_CELLS + " of the review/litigation table");
        }
        List<List<Integer>> proactive = new ArrayList<>();
        List<List<Integer>> applications = new ArrayList<>();
        for (List<Integer> row : rows.subList(0, rows.size() - 1)) {
            if (cells.get(row.get(0)).start() < anchor) {
                proactive.add(row);
            } else if (row.size() < APPLICANT_COLUMNS + 1) {
                throw new IllegalArgumentException("applications row with " + row.size() + " numbers");
            } else {
                applications.add(row);
            }
        }
        if (applications.size() < 5) {
            throw new IllegalArgumentException("only " + applications.size() + " applications rows");
        }
        return new TableLayout(List.copyOf(proactive), List.copyOf(applications), review);
    }

    int newRow() {
        return 0;
    }

    int carriedOverRow() {
        return 1;
    }

    int resultsTotalRow() {
        return applications.size() - 2;
    }

    int carriedForwardRow() {
        return applications.size() - 1;
    }

    /** The cell index of an applications value; column 6 is the row total (总计). */
    int applicationCell(int row, int column) {
        return applications.get(row).get(column);
    }
}
