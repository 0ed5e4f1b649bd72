package org.disclosureetl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import com.github.houbb.opencc4j.core.impl.ZhConvertBootstrap;
import com.github.houbb.opencc4j.support.segment.impl.Segments;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import org.disclosureetl.normalize.ScriptNormalizer;
import org.disclosureetl.normalize.TextNormalizer;
import org.disclosureetl.normalize.WidthNormalizer;

/**
 * Rough single-thread throughput of the text normalizer against bare opencc4j, run by hand from the repository
 * root (bench/README.md "Parser and normalizer checks"):
 * <pre>
 * java -cp bench/target/classes:target/disclosure-etl-app/disclosure-etl.jar org.disclosureetl.bench.NormalizeThroughput [seeds]
 * </pre>
 * on the Traditional seed 000 and the Simplified seed 002 of {@code data/inbox/txt} (or {@code seeds}). MB/s counts
 * UTF-8 bytes of the input.
 */
public final class NormalizeThroughput {

    private NormalizeThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path seeds = Path.of(args.length > 0 ? args[0] : "data/inbox/txt");
        TextNormalizer normalizer = new TextNormalizer(new WidthNormalizer(), new ScriptNormalizer());
        ScriptNormalizer script = new ScriptNormalizer();
        String traditional = Files.readString(seeds.resolve("000_e61bf2b8057539f0.txt"), StandardCharsets.UTF_8);
        String simplified = Files.readString(seeds.resolve("002_2bd72b0ede0a148a.txt"), StandardCharsets.UTF_8);
        List<String> traditionalLines = traditional.lines().toList();

        ZhConvertBootstrap opencc4jChars = ZhConvertBootstrap.newInstance(Segments.chars());

        run("TextNormalizer.normalize, Traditional seed 000, whole text", traditional, normalizer::normalize);
        run("TextNormalizer.normalize, Simplified seed 002, whole text", simplified, normalizer::normalize);
        runLines("TextNormalizer.normalize, seed 000 line by line", traditionalLines, normalizer::normalize);
        run("TextNormalizer.detectScript, seed 000", traditional, s -> normalizer.detectScript(s).name());
        run("ScriptNormalizer.toSimplified (no width step), seed 000", traditional, script::toSimplified);
        run("opencc4j ZhConvertBootstrap(Segments.chars()).toSimple, seed 000", traditional, opencc4jChars::toSimple);
        run("opencc4j ZhConverterUtil.toSimple (default segmentation), seed 000", traditional, ZhConverterUtil::toSimple);
    }

    private static void run(String name, String text, UnaryOperator<String> op) {
        runLines(name, List.of(text), op);
    }

    private static void runLines(String name, List<String> texts, UnaryOperator<String> op) {
        long bytes = 0;
        for (String t : texts) {
            bytes += t.getBytes(StandardCharsets.UTF_8).length;
        }
        int sink = 0;
        for (int i = 0; i < 2_000; i++) { // warm-up
            for (String t : texts) {
                sink += op.apply(t).length();
            }
        }
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            long processed = 0;
            while (System.nanoTime() - start < 1_000_000_000L) {
                for (String t : texts) {
                    sink += op.apply(t).length();
                }
                processed += bytes;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, processed / seconds / 1e6);
        }
        System.out.printf("%-72s %8.1f MB/s  (sink %d)%n", name, best, sink & 1);
    }
}
