package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits cells that ran together with no separator (crawled HTML tables: {@code 640020470} for
 * 64 0 0 2 0 4 70) into a row's columns. Every split that keeps the digit groups the text already
 * separates and gives numbers without leading zeros is tried; only the identities of the form can
 * tell which one is right (docs/FORMAT.md §5 "Cells run together").
 */
final class RunTogetherSplitter {

    /** Past this many candidate splits a row is declared unsplittable rather than searched. */
    private static final int MAX_CANDIDATES = 200_000;

    private RunTogetherSplitter() {
    }

    /** All splits of the digit groups into exactly {@code columns} numbers that satisfy {@code balances}. */
    static List<List<BigDecimal>> solutions(List<String> groups, int columns, Predicate<List<BigDecimal>> balances) {
        List<List<BigDecimal>> found = new ArrayList<>();
        int[] budget = {MAX_CANDIDATES};
        search(groups, 0, 0, new ArrayList<>(), columns, balances, found, budget);
        return budget[0] < 0 ? null : found;
    }

    private static void search(List<String> groups, int group, int offset, List<BigDecimal> parts, int columns,
                               Predicate<List<BigDecimal>> balances, List<List<BigDecimal>> found, int[] budget) {
        if (--budget[0] < 0) {
            return;
        }
        if (group == groups.size()) {
            if (parts.size() == columns && balances.test(parts)) {
                found.add(List.copyOf(parts));
            }
            return;
        }
        String digits = groups.get(group);
        int remainingGroups = groups.size() - group - 1;
        for (int end = offset + 1; end <= digits.length(); end++) {
            String part = digits.substring(offset, end);
            if (part.length() > 1 && part.charAt(0) == '0') {
                break; // a number never starts with 0
            }
            if (parts.size() + 1 + remainingGroups > columns) {
                break;
            }
            parts.add(new BigDecimal(part));
            if (end == digits.length()) {
                search(groups, group + 1, 0, parts, columns, balances, found, budget);
            } else {
                search(groups, group, end, parts, columns, balances, found, budget);
            }
            parts.remove(parts.size() - 1);
        }
    }
}
