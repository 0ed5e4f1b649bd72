package org.disclosureetl.parse.ocr;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Decides a table cell's text from its two readings: the Chinese models' reading of the cell as text, and, for a
 * cell that reads like a number, a second reading of the same box with digits only. Characters that look like digits
 * ({@code o}, {@code 〇}, {@code l}, {@code |}...) are taken for digits only here, inside a cell whose every character
 * is a digit or looks like one: in a label they stay what they are. When the two readings of a number disagree the
 * cell is unsure: it is left empty (the extractor flags an empty grid cell, docs/OUTPUT.md) and its candidates go into
 * its provenance, never one of them as its value.
 */
final class NumericCell {

    private NumericCell() {
    }

    /** A cell's text as decided, and the candidates when it stays unsure (then {@code text} is empty). */
    record Decision(String text, Set<String> candidates) {
        boolean unsure() {
            return !candidates.isEmpty();
        }
    }

    /** The look-alike of each digit as the Chinese and Latin models print it; a dash stays a dash (a blank mark). */
    static char digitFor(char c) {
        return switch (c) {
            case 'o', 'O', '〇', 'D', 'Q', '○', '⃝', 'θ', '０' -> '0';
            case 'l', 'I', '|', 'i', '!', 'L', '１', ']', '[' -> '1';
            case 'Z', 'z', '２' -> '2';
            case '３' -> '3';
            case '４' -> '4';
            case 'S', 's', '５' -> '5';
            case 'b', '６' -> '6';
            case '７' -> '7';
            case 'B', '８' -> '8';
            case 'g', 'q', '９' -> '9';
            case '一', '—', '–', '－', '_', '~' -> '-';
            case '。', '，', ',', '．' -> '.';
            default -> (c >= '0' && c <= '9') || c == '-' || c == '.' ? c : 0;
        };
    }

    /** The text with look-alikes mapped, or null if a character is neither a digit nor looks like one. */
    static String asDigits(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            char d = digitFor(c);
            if (d == 0) {
                return null;
            }
            out.append(d);
        }
        return out.toString();
    }

    /** Whether the text, its look-alikes mapped, is a number or a blank mark: a cell to read again as digits. */
    static boolean looksNumeric(String text) {
        String digits = asDigits(text);
        return digits != null && !digits.isEmpty() && digits.length() <= 12;
    }

    /**
     * @param asText   the cell as the Chinese models read it
     * @param asDigits the cell read again with digits only; empty when nothing was read
     */
    static Decision decide(String asText, String asDigits) {
        String first = asDigits(asText);
        String second = asDigits.replaceAll("\\s", "");
        if (first == null) {
            return new Decision(asText.strip(), Set.of());
        }
        if (first.equals(second) && wellFormed(second)) {
            return new Decision(second, Set.of());
        }
        Set<String> candidates = new LinkedHashSet<>();
        if (!first.isEmpty()) {
            candidates.add(first);
        }
        if (!second.isEmpty()) {
            candidates.add(second);
        }
        if (candidates.isEmpty()) {
            candidates.add("?");
        }
        return new Decision("", java.util.Collections.unmodifiableSet(candidates));
    }

    /** A whole number, a decimal or a run of dashes (a blank mark): what a numeric cell can print. */
    static boolean wellFormed(String digits) {
        return digits.matches("\\d+(\\.\\d+)?") || digits.matches("-+");
    }
}
