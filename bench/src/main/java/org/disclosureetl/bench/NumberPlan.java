package org.disclosureetl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * New numbers for a report's tables that keep the accounting identities the validator checks
 * (templates/identities.csv): every applications row's 总计 is the sum of its six applicant
 * columns; per column new + carried over = results total + carried forward, and the results
 * total is the sum of the result rows; each review/litigation group's 总计 is the sum of its four
 * outcomes. Proactive-disclosure counts have no identity and are drawn freely.
 */
final class NumberPlan {

    private static final long[] MAGNITUDES = {2, 5, 20, 80, 300};
    private static final int REVIEW_GROUP = 5;

    private NumberPlan() {
    }

    /** Values for all cells of a template; cells outside the layout (stray extra numbers) keep theirs. */
    static long[] generate(List<NumberCell> cells, TableLayout layout, SplittableRandom random) {
        long[] values = cells.stream().mapToLong(NumberCell::value).toArray();
        long magnitude = MAGNITUDES[random.nextInt(MAGNITUDES.length)];
        for (List<Integer> row : layout.proactive()) {
            for (int cell : row) {
                values[cell] = random.nextInt(2) == 0 ? 0 : random.nextLong(magnitude + 1);
            }
        }
        applications(values, layout, magnitude, random);
        List<Integer> review = layout.review();
        for (int group = 0; group + REVIEW_GROUP <= review.size(); group += REVIEW_GROUP) {
            long total = 0;
            for (int k = 0; k < REVIEW_GROUP - 1; k++) {
                long v = random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0;
                values[review.get(group + k)] = v;
                total += v;
            }
            values[review.get(group + REVIEW_GROUP - 1)] = total;
        }
        return values;
    }

    private static void applications(long[] values, TableLayout layout, long magnitude, SplittableRandom random) {
        int rows = layout.applications().size();
        long[][] table = new long[rows][TableLayout.APPLICANT_COLUMNS];
        for (int c = 0; c < TableLayout.APPLICANT_COLUMNS; c++) {
            double columnWeight = c == 0 ? 1.0 : 0.35; // natural persons file most requests
            long results = 0;
            for (int r = 2; r < layout.resultsTotalRow(); r++) {
                double p = (r == 2 ? 0.8 : 0.15) * columnWeight; // row 2 is (一) 予以公开
                long v = random.nextDouble() < p ? 1 + random.nextLong(magnitude) : 0;
                table[r][c] = v;
                results += v;
            }
            long carriedForward = random.nextInt(3) == 0 ? random.nextLong(magnitude / 4 + 2) : 0;
            long handled = results + carriedForward;
            long carriedOver = handled == 0 ? 0 : random.nextLong(handled / 3 + 1);
            table[layout.resultsTotalRow()][c] = results;
            table[layout.carriedForwardRow()][c] = carriedForward;
            table[layout.carriedOverRow()][c] = carriedOver;
            table[layout.newRow()][c] = handled - carriedOver;
        }
        for (int r = 0; r < rows; r++) {
            long total = 0;
            for (int c = 0; c < TableLayout.APPLICANT_COLUMNS; c++) {
                values[layout.applicationCell(r, c)] = table[r][c];
                total += table[r][c];
            }
            values[layout.applicationCell(r, TableLayout.APPLICANT_COLUMNS)] = total;
        }
    }

    /** The identities that do not hold for these values, as readable messages (empty when all hold). */
    static List<String> violations(TableLayout layout, long[] values) {
        List<String> broken = new ArrayList<>();
        int columns = TableLayout.APPLICANT_COLUMNS;
        for (int r = 0; r < layout.applications().size(); r++) {
            long sum = 0;
            for (int c = 0; c < columns; c++) {
                sum += values[layout.applicationCell(r, c)];
            }
            long total = values[layout.applicationCell(r, columns)];
            if (sum != total) {
                broken.add("applications row " + r + ": 总计 " + total + " != sum " + sum);
            }
        }
        for (int c = 0; c <= columns; c++) {
            long results = 0;
            for (int r = 2; r < layout.resultsTotalRow(); r++) {
                results += values[layout.applicationCell(r, c)];
            }
            long resultsTotal = values[layout.applicationCell(layout.resultsTotalRow(), c)];
            if (results != resultsTotal) {
                broken.add("applications column " + c + ": results total " + resultsTotal + " != sum " + results);
            }
            long received = values[layout.applicationCell(layout.newRow(), c)]
                    + values[layout.applicationCell(layout.carriedOverRow(), c)];
            long handled = resultsTotal + values[layout.applicationCell(layout.carriedForwardRow(), c)];
            if (received != handled) {
                broken.add("applications column " + c + ": new + carried over " + received
                        + " != results + carried forward " + handled);
            }
        }
        List<Integer> review = layout.review();
        for (int group = 0; group + REVIEW_GROUP <= review.size(); group += REVIEW_GROUP) {
            long sum = 0;
            for (int k = 0; k < REVIEW_GROUP - 1; k++) {
                sum += values[review.get(group + k)];
            }
            long total = values[review.get(group + REVIEW_GROUP - 1)];
            if (sum != total) {
                broken.add("review group " + group / REVIEW_GROUP + ": 总计 " + total + " != sum " + sum);
            }
        }
        return broken;
    }
}
