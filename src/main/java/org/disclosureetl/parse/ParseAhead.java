package org.disclosureetl.parse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses, in a child JVM, the files one extract thread has read ahead of the one it works on: the chunk's
 * documents are all read before the first is processed, so while this thread normalizes, extracts and writes one
 * document the child can already parse the next. Without it the child waits for the thread and the thread for the
 * child, and one thread uses one core where bare Tika's thread keeps one core parsing (bench/README.md).
 * <p>
 * Only files that go to a child are parsed ahead (on one thread of this object's, one at a time, in read order);
 * those parsed in this JVM are parsed when taken, on the caller's thread, so {@code etl.threads} still bounds the
 * cores parsing here. A parse ahead fails or succeeds exactly as the same parse taken directly: its exception is
 * rethrown by {@link #parse}. One instance per extract thread; not for several threads at once.
 */
public final class ParseAhead implements AutoCloseable {

    private final ReportParser parser;
    private final ExecutorService executor;
    private final Map<Path, Future<ParsedDocument>> started = new ConcurrentHashMap<>();
    /** Where the files offered and parsed in this JVM go, decided once ({@link ReportParser#route}). */
    private final Map<Path, ReportParser.Route> routed = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ParseAhead(ReportParser parser) {
        this.parser = parser;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parse-ahead");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The file will be asked for soon: a file that goes to a child starts parsing now. */
    public void offer(Path file) {
        if (closed || started.containsKey(file) || routed.containsKey(file)) {
            return;
        }
        ReportParser.Route route;
        try {
            route = parser.route(file);
        } catch (IOException | RuntimeException e) {
            return; // the parse itself reports what is wrong with the file, when it is taken
        }
        if (route.inChild()) {
            started.put(file, executor.submit(() -> parser.parse(route)));
        } else {
            routed.put(file, route);
        }
    }

    /** The file's document: from the parse started ahead if there is one, else parsed now. */
    public ParsedDocument parse(Path file) throws IOException {
        Future<ParsedDocument> ahead = started.remove(file);
        if (ahead == null) {
            ReportParser.Route route = routed.remove(file);
            return route != null ? parser.parse(route) : parser.parse(file);
        }
        try {
            return ahead.get();
        } catch (CancellationException e) {
            return parser.parse(file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ahead.cancel(false);
            throw new InterruptedIOException("interrupted while waiting for a parser process");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }

    /**
     * Drops the parses not yet started; one under way finishes in its child (a child is never interrupted in the
     * middle of a document, which would leave it unusable).
     */
    @Override
    public void close() {
        closed = true;
        started.values().forEach(future -> future.cancel(false));
        started.clear();
        routed.clear();
        executor.shutdown();
    }
}
