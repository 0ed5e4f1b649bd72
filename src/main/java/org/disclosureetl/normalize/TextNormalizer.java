package org.disclosureetl.normalize;

import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * The normalize stage: folds full-width forms, converts Traditional script to Simplified and
 * replaces Taiwan wording, so that table labels can be matched against the canonical
 * Simplified labels.
 *
 * <p>Stateless and thread-safe.
 */
@Component
public class TextNormalizer {

    private final WidthNormalizer widthNormalizer;
    private final ScriptNormalizer scriptNormalizer;

    public TextNormalizer(WidthNormalizer widthNormalizer, ScriptNormalizer scriptNormalizer) {
        this.widthNormalizer = Objects.requireNonNull(widthNormalizer, "widthNormalizer");
        this.scriptNormalizer = Objects.requireNonNull(scriptNormalizer, "scriptNormalizer");
    }

    /**
     * Width folding, then character-level Traditional to Simplified, then the Taiwan phrase map.
     * Safe on Simplified text and on any fragment (a cell, a line, a whole report).
     *
     * @param raw text, not null
     * @return normalized text; {@code raw} itself when nothing changes
     */
    public String normalize(String raw) {
        Objects.requireNonNull(raw, "raw");
        return scriptNormalizer.toSimplified(widthNormalizer.normalize(raw));
    }

    /**
     * Script of a whole report. Use the full text: short fragments always come back SIMPLIFIED.
     *
     * @param fullText the report text, not null
     */
    public Script detectScript(String fullText) {
        Objects.requireNonNull(fullText, "fullText");
        return scriptNormalizer.detect(fullText);
    }
}
