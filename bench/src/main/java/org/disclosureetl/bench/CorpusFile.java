package org.disclosureetl.bench;

import java.nio.file.Path;

/**
 * One generated report.
 *
 * @param encoding the TXT encoding, {@code null} for the other formats
 * @param seed     the real report it was copied from
 */
public record CorpusFile(Path path, SourceFormat format, TextEncoding encoding, String seed, long bytes) {
}
