package org.disclosureetl.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.ToXMLContentHandler;

/**
 * The floor the job is measured against, run in a fresh JVM as the job is: Tika's {@link AutoDetectParser} over
 * every file of a folder on a pool of threads, each file's XHTML written to the output folder. It is what a
 * user would write who only wants Tika's output of the same files.
 *
 * <pre>java -cp ... org.disclosureetl.bench.TikaBatch INPUT_DIR OUTPUT_DIR THREADS</pre>
 * Prints {@code tika-batch files=N failed=F}; exit code 0.
 */
public final class TikaBatch {

    private TikaBatch() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: TikaBatch INPUT_DIR OUTPUT_DIR THREADS");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path output = Files.createDirectories(Path.of(args[1]));
        int threads = Integer.parseInt(args[2]);
        List<Path> files;
        try (Stream<Path> listing = Files.list(input)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        AutoDetectParser parser = new AutoDetectParser();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> tasks = files.stream().<Future<?>>map(file -> pool.submit(() -> {
                if (!parse(parser, file, output.resolve(file.getFileName() + ".xhtml"))) {
                    failed.incrementAndGet();
                }
            })).toList();
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        System.out.println("tika-batch files=" + files.size() + " failed=" + failed.get());
    }

    private static boolean parse(AutoDetectParser parser, Path file, Path xhtml) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        ToXMLContentHandler handler = new ToXMLContentHandler();
        try (InputStream in = TikaInputStream.get(file)) {
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (Exception e) {
            return false;
        }
        try (OutputStream out = Files.newOutputStream(xhtml)) {
            out.write(handler.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }
}
