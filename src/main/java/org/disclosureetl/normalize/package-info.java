/**
 * The normalize stage: {@link org.disclosureetl.normalize.TextNormalizer} folds full-width
 * forms ({@link org.disclosureetl.normalize.WidthNormalizer}) and converts Traditional script and
 * Taiwan wording to Simplified ({@link org.disclosureetl.normalize.ScriptNormalizer}), so that
 * extracted table labels match the canonical Simplified labels.
 */
package org.disclosureetl.normalize;
