package org.disclosureetl.normalize;

import org.springframework.stereotype.Component;

/**
 * Traditional to Simplified conversion for disclosure reports, and script detection.
 *
 * <p>Conversion is character-level (OpenCC TSCharacters from opencc4j, no segmentation and no
 * phrase dictionary), followed by a small curated map of Taiwan wording
 * ({@value #PHRASES_RESOURCE}) applied on the Simplified side: 规范性档案 becomes 规范性文件 and
 * 网路 becomes 网络, while 档案馆, 执行, 建立 and 查询 are kept. The Taiwan-phrase modes of OpenCC
 * and opencc4j are not used because they over-convert (执行 to 运行, 建立 to 创建, ...).
 *
 * <p>Immutable after construction and thread-safe. Building an instance loads the dictionaries
 * (tens of milliseconds), so share one instance (it is a singleton bean).
 */
@Component
public final class ScriptNormalizer {

    /** Classpath resource with the Taiwan-wording phrase rules. */
    public static final String PHRASES_RESOURCE = "normalize/taiwan-phrases.tsv";

    /** Detection: at least this many Han characters must change under character-level t2s... */
    static final int DETECT_MIN_CHANGED = 20;
    /** ...and they must be more than this many percent of all Han characters. */
    static final int DETECT_MIN_PERCENT = 3;

    private final CharacterTable characters;
    private final PhraseTable phrases;

    public ScriptNormalizer() {
        this(CharacterTable.fromOpencc4j(), PhraseTable.load(PHRASES_RESOURCE));
    }

    ScriptNormalizer(CharacterTable characters, PhraseTable phrases) {
        this.characters = characters;
        this.phrases = phrases;
    }

    /**
     * Converts Traditional characters to Simplified, then replaces Taiwan wording. Simplified
     * input passes through (apart from the few phrase rules). Returns {@code text} itself when
     * nothing changes.
     *
     * @param text text, not null; full-width forms should already be folded
     */
    public String toSimplified(String text) {
        return phrases.apply(characters.convert(text));
    }

    /**
     * Decides the script of a whole report (or a large part of one): TRADITIONAL when at least
     * {@value #DETECT_MIN_CHANGED} Han characters change under character-level t2s and they are
     * more than {@value #DETECT_MIN_PERCENT}% of the Han characters. A Simplified report quoting a
     * Traditional name, or using the few characters that are valid in both scripts, stays
     * SIMPLIFIED; so does any text too short to tell.
     */
    public Script detect(String text) {
        int han = 0;
        int changed = 0;
        int length = text.length();
        for (int i = 0; i < length; ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
                han++;
                if (characters.changes(codePoint)) {
                    changed++;
                }
            }
        }
        boolean traditional = changed >= DETECT_MIN_CHANGED && (long) changed * 100 > (long) han * DETECT_MIN_PERCENT;
        return traditional ? Script.TRADITIONAL : Script.SIMPLIFIED;
    }

    /** Character-level step only (no phrase rules). */
    String convertCharacters(String text) {
        return characters.convert(text);
    }

    /** Phrase-rule step only. */
    String applyPhrases(String text) {
        return phrases.apply(text);
    }

    PhraseTable phraseTable() {
        return phrases;
    }
}
