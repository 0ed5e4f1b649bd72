package org.disclosureetl.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every way the numeric material after a label can fill a given number of cells. A run of digits
 * ({@code 640020470}) may hold several cells, each without a leading zero; a space between two
 * runs may also stand for an empty cell (crawled HTML prints {@code &nbsp;} as a space), but only
 * when no reading with fewer empty cells exists; sealed numbers (table cells, annotated values)
 * and blank marks are one cell each.
 */
final class MaterialReadings {

    /** Past this many readings a material is too ambiguous to be worth solving. */
    static final int MAX_READINGS = 20_000;
    /** At most this many spaces are read as empty cells in one material. */
    static final int MAX_EMPTIES = 2;

    private MaterialReadings() {
    }

    /** One cell as read. {@code value} is null for an empty cell or a blank mark. */
    record ReadCell(BigDecimal value, String raw, boolean blankMark, boolean annotated, String unit, String where) {
        static ReadCell empty(String where) {
            return new ReadCell(null, "", false, false, null, where);
        }
    }

    /** The readings with exactly {@code empties} spaces read as empty cells; null when there are too many. */
    static List<List<ReadCell>> readings(List<LabelStream.Atom> atoms, boolean gapAfter, int cells, int empties) {
        List<List<ReadCell>> found = new ArrayList<>();
        int[] budget = {MAX_READINGS * 10};
        search(atoms, gapAfter, 0, cells, empties, new ArrayList<>(), found, budget);
        return budget[0] < 0 || found.size() > MAX_READINGS ? null : found;
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

    private static void search(List<LabelStream.Atom> atoms, boolean gapAfter, int index, int cells, int empties,
                               List<ReadCell> current, List<List<ReadCell>> found, int[] budget) {
        if (--budget[0] < 0 || found.size() > MAX_READINGS) {
            return;
        }
        if (index == atoms.size()) {
            if (empties == 1 && gapAfter && current.size() + 1 == cells) {
                current.add(ReadCell.empty(atoms.isEmpty() ? null : atoms.get(atoms.size() - 1).where()));
                found.add(List.copyOf(current));
                current.remove(current.size() - 1);
            } else if (empties == 0 && current.size() == cells) {
                found.add(List.copyOf(current));
            }
            return;
        }
        LabelStream.Atom atom = atoms.get(index);
        if (index > 0 && atom.gap() == LabelStream.Gap.SPACE && empties > 0) {
            current.add(ReadCell.empty(atom.where()));
            readAtom(atoms, gapAfter, index, cells, empties - 1, current, found, budget);
            current.remove(current.size() - 1);
        }
        readAtom(atoms, gapAfter, index, cells, empties, current, found, budget);
    }

    private static void readAtom(List<LabelStream.Atom> atoms, boolean gapAfter, int index, int cells, int empties,
                                 List<ReadCell> current, List<List<ReadCell>> found, int[] budget) {
        LabelStream.Atom atom = atoms.get(index);
        int remainingMin = atoms.size() - index - 1;
        if (current.size() + 1 + remainingMin + empties > cells) {
            return;
        }
        switch (atom.kind()) {
            case EMPTY -> {
                current.add(ReadCell.empty(atom.where()));
                search(atoms, gapAfter, index + 1, cells, empties, current, found, budget);
                current.remove(current.size() - 1);
            }
            case BLANK -> {
                current.add(new ReadCell(null, atom.raw(), true, false, null, atom.where()));
                search(atoms, gapAfter, index + 1, cells, empties, current, found, budget);
                current.remove(current.size() - 1);
            }
            case NUMBER -> {
                current.add(new ReadCell(value(atom.sign(), atom.digits(), atom.fraction()), atom.raw(), false,
                        atom.annotated(), atom.unit(), atom.where()));
                search(atoms, gapAfter, index + 1, cells, empties, current, found, budget);
                current.remove(current.size() - 1);
            }
            case DIGITS -> split(atoms, gapAfter, index, 0, cells, empties, current, found, budget);
        }
    }

    /** Splits the digits of atom {@code index} from {@code offset} on. */
    private static void split(List<LabelStream.Atom> atoms, boolean gapAfter, int index, int offset, int cells,
                              int empties, List<ReadCell> current, List<List<ReadCell>> found, int[] budget) {
        LabelStream.Atom atom = atoms.get(index);
        String digits = atom.digits();
        int remainingMin = atoms.size() - index - 1;
        for (int end = offset + 1; end <= digits.length(); end++) {
            if (end - offset > 1 && digits.charAt(offset) == '0') {
                break; // a number never starts with 0
            }
            if (current.size() + 1 + remainingMin + empties > cells) {
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
                search(atoms, gapAfter, index + 1, cells, empties, current, found, budget);
            } else {
                split(atoms, gapAfter, index, end, cells, empties, current, found, budget);
            }
            current.remove(current.size() - 1);
        }
    }

    private static BigDecimal value(String sign, String digits, String fraction) {
        return new BigDecimal(("-".equals(sign) ? "-" : "") + digits + fraction);
    }
}
