package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every way the numeric material after a label can fill a given number of cells. A run of digits
 * ({@code 640020470}) may hold several cells, each without a leading zero; a space between two
 * runs may also stand for an empty cell (crawled HTML prints {@code &nbsp;} as a space), but only
 * and a cell may be missing altogether (a blank cell of a PDF table prints nothing). Each reading
 * carries the cost of what it assumes; sealed numbers (table cells, annotated values) and blank
 * marks are one cell each.
 */
final class MaterialReadings {

    /** Past this many readings a material is too ambiguous to be worth solving. */
    static final int MAX_READINGS = 20_000;
    /** At most this many empty or missing cells are assumed in one material. */
    static final int MAX_INSERTED = 2;

    private MaterialReadings() {
    }

    /** One cell as read. {@code value} is null for an empty cell or a blank mark. */
    /** @param printedEmpty an empty cell of a grid (not a cell the reading assumes was left out) */
    record ReadCell(BigDecimal value, String raw, boolean blankMark, boolean annotated, String unit, String where,
                    boolean printedEmpty) {
        ReadCell(BigDecimal value, String raw, boolean blankMark, boolean annotated, String unit, String where) {
            this(value, raw, blankMark, annotated, unit, where, false);
        }

        static ReadCell empty(String where) {
            return new ReadCell(null, "", false, false, null, where);
        }

        static ReadCell printedEmpty(String where) {
            return new ReadCell(null, "", false, false, null, where, true);
        }
    }

    /**
     * A reading and what it assumes: an empty cell where a space stands (cost 1) or a cell that
     * is not printed at all (cost 2).
     */
    record Reading(List<ReadCell> cells, int cost) {
    }

    /**
     * Every reading of the material into {@code cells} cells with at most {@code maxInserted}
     * empty or missing cells; null when there are too many to consider. Digit runs are split only
     * when {@code splittable}.
     */
    static List<Reading> readings(List<LabelStream.Atom> atoms, boolean gapAfter, int cells, int maxInserted,
                                  boolean splittable) {
        java.util.Map<List<ReadCell>, Integer> found = new java.util.LinkedHashMap<>();
        int[] budget = {MAX_READINGS * 10};
        search(new Search(atoms, gapAfter, cells, splittable, found, budget), 0, maxInserted, 0, new ArrayList<>());
        if (budget[0] < 0 || found.size() > MAX_READINGS) {
            return null;
        }
        List<Reading> readings = new ArrayList<>();
        found.forEach((reading, cost) -> readings.add(new Reading(reading, cost)));
        return readings;
    }

    /** The smallest number of cells the material can make and the largest. */
    static int minCells(List<LabelStream.Atom> atoms) {
        return atoms.size();
    }

    static int maxCells(List<LabelStream.Atom> atoms) {
        int total = 0;
        for (LabelStream.Atom atom : atoms) {
            total += atom.kind() == LabelStream.AtomKind.DIGITS ? atom.digits().length() : 1;
        }
        return total;
    }

    private record Search(List<LabelStream.Atom> atoms, boolean gapAfter, int cells, boolean splittable,
                          java.util.Map<List<ReadCell>, Integer> found, int[] budget) {
    }

    /** Before atom {@code index}: optionally inserted cells, then the atom itself. */
    private static void search(Search s, int index, int insertable, int cost, List<ReadCell> current) {
        if (--s.budget()[0] < 0 || s.found().size() > MAX_READINGS) {
            return;
        }
        int atoms = s.atoms().size();
        // a space before the first number may be an empty first cell too (label, &nbsp;, numbers)
        boolean spaceHere = index < atoms ? s.atoms().get(index).gap() == LabelStream.Gap.SPACE : s.gapAfter();
        String where = atoms == 0 ? null : s.atoms().get(Math.min(index, atoms - 1)).where();
        int unit = spaceHere ? 1 : 2;
        for (int inserted = 0; inserted <= insertable; inserted++) {
            if (current.size() + inserted > s.cells()) {
                break;
            }
            for (int k = 0; k < inserted; k++) {
                current.add(ReadCell.empty(where));
            }
            int newCost = cost + unit * inserted;
            if (index == atoms) {
                if (current.size() == s.cells()) {
                    s.found().merge(List.copyOf(current), newCost, Math::min);
                }
            } else {
                readAtom(s, index, insertable - inserted, newCost, current);
            }
            for (int k = 0; k < inserted; k++) {
                current.remove(current.size() - 1);
            }
        }
    }

    private static void readAtom(Search s, int index, int insertable, int cost, List<ReadCell> current) {
        LabelStream.Atom atom = s.atoms().get(index);
        int remainingMin = s.atoms().size() - index - 1;
        if (current.size() + 1 + remainingMin > s.cells()) {
            return;
        }
        switch (atom.kind()) {
            case EMPTY -> {
                current.add(ReadCell.printedEmpty(atom.where()));
                search(s, index + 1, insertable, cost, current);
                current.remove(current.size() - 1);
            }
            case BLANK -> {
                current.add(new ReadCell(null, atom.raw(), true, false, null, atom.where()));
                search(s, index + 1, insertable, cost, current);
                current.remove(current.size() - 1);
            }
            case NUMBER -> {
                current.add(new ReadCell(value(atom.sign(), atom.digits(), atom.fraction()), atom.raw(), false,
                        atom.annotated(), atom.unit(), atom.where()));
                search(s, index + 1, insertable, cost, current);
                current.remove(current.size() - 1);
            }
            case DIGITS -> split(s, index, 0, insertable, cost, current);
        }
    }

    /** Splits the digits of atom {@code index} from {@code offset} on (or reads them whole when not splittable). */
    private static void split(Search s, int index, int offset, int insertable, int cost, List<ReadCell> current) {
        LabelStream.Atom atom = s.atoms().get(index);
        String digits = atom.digits();
        int remainingMin = s.atoms().size() - index - 1;
        int firstEnd = s.splittable() ? offset + 1 : digits.length();
        if (!s.splittable() && digits.length() > 1 && digits.charAt(0) == '0') {
            return; // 02 is not a number
        }
        for (int end = firstEnd; end <= digits.length(); end++) {
            if (end - offset > 1 && digits.charAt(offset) == '0') {
                break; // a number never starts with 0
            }
            if (current.size() + 1 + remainingMin > s.cells()) {
                break;
            }
            boolean first = offset == 0;
            boolean last = end == digits.length();
            String sign = first ? atom.sign() : "";
            String fraction = last ? atom.fraction() : "";
            String part = digits.substring(offset, end);
            String raw = last && first ? atom.raw() : sign + part + fraction + (last && atom.unit() != null ? atom.unit() : "");
            current.add(new ReadCell(value(sign, part, fraction), raw, false, false, last ? atom.unit() : null,
                    atom.where()));
            if (last) {
                search(s, index + 1, insertable, cost, current);
            } else {
                split(s, index, end, insertable, cost, current);
            }
            current.remove(current.size() - 1);
        }
    }

    private static BigDecimal value(String sign, String digits, String fraction) {
        if (fraction.isEmpty() && digits.length() <= 18) {
            // the same number and scale (0) as parsing the text, without building it: the solver reads every split
            long v = Long.parseLong(digits);
            return BigDecimal.valueOf("-".equals(sign) ? -v : v);
        }
        return new BigDecimal(("-".equals(sign) ? "-" : "") + digits + fraction);
    }
}
