package org.disclosureetl.normalize;

import org.springframework.stereotype.Component;

/**
 * Folds full-width ASCII forms to half-width.
 *
 * <p>Maps U+FF01..U+FF5E (full-width {@code ！} to {@code ～}, including digits {@code ０-９},
 * {@code （）}, {@code ：}, {@code ，}) to U+0021..U+007E, and the ideographic space U+3000 to a
 * plain space. Nothing else changes: Chinese quotes {@code “”}, the enumeration comma {@code 、},
 * the full stop {@code 。}, book-title marks {@code 《》} and all other characters are kept.
 *
 * <p>Stateless and thread-safe. Returns the same instance when nothing changes.
 */
@Component
public final class WidthNormalizer {

    private static final char FULLWIDTH_FIRST = '\uFF01';
    private static final char FULLWIDTH_LAST = '\uFF5E';
    private static final int FULLWIDTH_OFFSET = 0xFEE0;
    private static final char IDEOGRAPHIC_SPACE = '\u3000';

    /**
     * @param text text to fold, not null
     * @return the folded text; {@code text} itself when it contains nothing to fold
     */
    public String normalize(String text) {
        int length = text.length();
        int i = 0;
        while (i < length && !needsFolding(text.charAt(i))) {
            i++;
        }
        if (i == length) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (; i < length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    private static boolean needsFolding(char c) {
        return (c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) || c == IDEOGRAPHIC_SPACE;
    }

    private static char fold(char c) {
        if (c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) {
            return (char) (c - FULLWIDTH_OFFSET);
        }
        return c == IDEOGRAPHIC_SPACE ? ' ' : c;
    }
}
