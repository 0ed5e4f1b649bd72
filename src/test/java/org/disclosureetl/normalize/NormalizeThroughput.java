package org.disclosureetl.normalize;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import com.github.houbb.opencc4j.core.impl.ZhConvertBootstrap;
import com.github.houbb.opencc4j.support.segment.impl.Segments;
import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Rough single-thread throughput check, run by hand (not a test):
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.disclosureetl.normalize.NormalizeThroughput
 * </pre>
 * MB/s counts UTF-8 bytes of the input.
 */
public final class NormalizeThroughput {

    private NormalizeThroughput() {
    }

    public static void main(String[] args) {
        TextNormalizer normalizer = new TextNormalizer(new WidthNormalizer(), new ScriptNormalizer());
        ScriptNormalizer script = new ScriptNormalizer();
        String traditional = TestResources.seed(TestResources.SEED_TRADITIONAL);
        String simplified = TestResources.seed(TestResources.SEED_SIMPLIFIED);
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
