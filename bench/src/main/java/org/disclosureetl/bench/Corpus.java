package org.disclosureetl.bench;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The generated reports, all in one folder. */
public record Corpus(Path folder, List<CorpusFile> files) {

    public Corpus {
        files = List.copyOf(files);
    }

    public long totalBytes() {
        return files.stream().mapToLong(CorpusFile::bytes).sum();
    }

    public Map<SourceFormat, Long> countByFormat() {
        Map<SourceFormat, Long> counts = new EnumMap<>(SourceFormat.class);
        files.forEach(f -> counts.merge(f.format(), 1L, Long::sum));
        return counts;
    }

    public Map<TextEncoding, Long> countByEncoding() {
        Map<TextEncoding, Long> counts = new EnumMap<>(TextEncoding.class);
        files.stream().filter(f -> f.encoding() != null).forEach(f -> counts.merge(f.encoding(), 1L, Long::sum));
        return counts;
    }

    /** The first {@code n} files (the warm-up set). */
    public List<CorpusFile> head(int n) {
        return files.subList(0, Math.min(n, files.size()));
    }
}
