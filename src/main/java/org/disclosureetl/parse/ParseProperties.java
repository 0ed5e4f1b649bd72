package org.disclosureetl.parse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits for parsing one document.
 *
 * @param maxChars the most text one report may yield; more means a hostile or wrong file
 */
@ConfigurationProperties("etl.parse")
public record ParseProperties(@DefaultValue("5000000") long maxChars) {
}
