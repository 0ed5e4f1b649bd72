package org.disclosureetl.parse;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.ObjectStreamException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.tika.exception.TikaException;
import org.apache.tika.fork.ForkParser;
import org.apache.tika.fork.ParserFactoryFactory;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.disclosureetl.vocabulary.ErrorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Child JVMs that run the parsers, one document at a time each. Every slot owns a Tika {@link ForkParser}
 * with a pool of one, so a slot is one child process that it can name (its command line carries a marker).
 * <ul>
 * <li>Timeout: the child's own watchdog (ForkServer) exits it once a parse runs past the timeout; should
 * that fail (a child stuck in its exit), the parent kills the slot's process after a grace period.</li>
 * <li>Crash or out of memory ({@code -XX:+ExitOnOutOfMemoryError}): the pipe breaks, ForkParser drops the
 * child and starts a new one for the next document.</li>
 * </ul>
 * Either way the parent sees a lost connection; the time taken tells a timeout from a crash.
 */
final class ForkParsePool implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(ForkParsePool.class);
    /** C1 only: a child of a short run stops paying for C2 compiles it never earns back. */
    static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    private final Parser childParser;
    private final ChildJvm childJvm;
    private final long timeoutMillis;
    private final long graceMillis;
    private final long heapMegabytes;
    private final BlockingQueue<Slot> idle;
    private final List<Slot> slots = new ArrayList<>();
    private final ScheduledExecutorService killer;
    private volatile boolean closed;
    /** Whether children started from now on get only the quick JIT compiler (C1). */
    private volatile boolean quickStart;
    /** How many slots the current run may use (see {@link #shortRun}); all of them until told otherwise. */
    private int usable;

    /**
     * @param childParser what runs in each child: a {@link ForkChildParser} (tests pass misbehaving ones)
     * @param childJvm where the children get their classes; a child from the application's folder runs a
     *                 {@link ForkChildParser} with the same character limit as {@code childParser}
     * @param graceMillis how long after the timeout the parent kills a child whose watchdog did not
     */
    ForkParsePool(Parser childParser, ChildJvm childJvm, int size, long timeoutMillis, long graceMillis,
                  long heapMegabytes) {
        if (childJvm.applicationFolder().isPresent() && !(childParser instanceof ForkChildParser)) {
            throw new IllegalArgumentException("a child started from the application's folder runs "
                    + ForkChildParser.class.getSimpleName() + ", not " + childParser.getClass().getName());
        }
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, not " + size);
        }
        this.childParser = childParser;
        this.childJvm = childJvm;
        this.timeoutMillis = timeoutMillis;
        this.graceMillis = graceMillis;
        this.heapMegabytes = heapMegabytes;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Slot slot = new Slot(i);
            slots.add(slot);
            idle.add(slot);
        }
        this.usable = size;
        this.killer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "parse-timeout-killer");
            thread.setDaemon(true);
            return thread;
        });
    }

    ParsedDocument parse(Path file, Metadata metadata) throws IOException {
        if (closed) {
            throw new IllegalStateException("the parser pool is closed");
        }
        Slot slot;
        try {
            slot = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a parser process");
        }
        try {
            return slot.parse(file, metadata);
        } finally {
            idle.add(slot);
        }
    }

    /**
     * Sizes the pool for the coming run. A short run uses one child, started with the quick JIT compiler only:
     * each child pays its own class loading and compiles, which a short run never earns back, and its documents
     * are mostly the text the parent parses itself. A long run uses every slot, with both compilers. Called
     * between runs, when no parse is in flight; a child already running keeps its compilers.
     */
    synchronized void shortRun(boolean shortRun) {
        if (idle.size() != usable) {
            return; // parses in flight (not between runs): leave the pool as it is
        }
        if (shortRun != quickStart) {
            quickStart = shortRun;
            for (Slot slot : slots) {
                slot.forkParser.setJavaCommand(javaCommand(slot.marker));
            }
        }
        usable = shortRun ? 1 : slots.size();
        idle.clear();
        idle.addAll(slots.subList(0, usable));
    }

    /**
     * Starts one child, and Tika in it, on a thread of its own, so that the first document sent to a child does
     * not wait for a JVM to start (about a second, measured in bench/README.md). Only for children that run
     * {@link ForkChildParser}; a slot already busy is left alone.
     */
    void warmUp() {
        if (closed || !(childParser instanceof ForkChildParser)) {
            return;
        }
        Thread thread = new Thread(() -> {
            Slot slot = idle.poll();
            if (slot == null) {
                return; // every usable child is at work already
            }
            try {
                slot.warmUp();
            } finally {
                idle.add(slot);
            }
        }, "parse-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        killer.shutdownNow();
        for (Slot slot : slots) {
            slot.close();
        }
    }

    /**
     * The command that starts a child JVM; ForkParser appends {@code -jar bootstrap.jar}, or {@code -cp folder/*}
     * and the server's class, and their arguments.
     */
    List<String> javaCommand(String marker) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMegabytes + "m",
                "-XX:+ExitOnOutOfMemoryError",
                // stdout is ForkParser's channel to the parent: JVM messages ("Terminating due to
                // java.lang.OutOfMemoryError") written there would be read as a reply
                "-XX:+DisplayVMOutputToStderr",
                // and on stderr, the console's, they would stand raw among the run's lines: the parent reports the
                // child's end itself (parser_crash, "out of memory beyond -Xmx…"), so the JVM's own messages are off
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:-DisplayVMOutput",
                // and so must JVM logging (class-data archive warnings, say): warnings to stderr, nothing else
                "-Xlog:disable",
                "-Xlog:all=warning:stderr",
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-Djava.awt.headless=true",
                // the child has no logging configuration: silence it (errors come back as exceptions)
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-Dslf4j.internal.verbosity=ERROR",
                "-D" + ForkChildParser.CHILD_PROPERTY + "=" + marker));
        command.addAll(childJvm.options());
        if (quickStart) {
            command.add(QUICK_START);
        }
        return List.copyOf(command);
    }

    private final class Slot {
        private final String marker;
        private ForkParser forkParser;

        Slot(int index) {
            this.marker = index + "-" + UUID.randomUUID();
            this.forkParser = newForkParser();
        }

        private ForkParser newForkParser() {
            ForkParser parser = childJvm.applicationFolder()
                    .map(folder -> new ForkParser(folder, new ParserFactoryFactory(ForkChildParserFactory.class.getName(),
                            Map.of(ForkChildParserFactory.MAX_CHARS, Long.toString(((ForkChildParser) childParser).maxChars()),
                                    ForkChildParserFactory.OCR_THREADS,
                                    Integer.toString(((ForkChildParser) childParser).ocrThreads())))))
                    .orElseGet(() -> new ForkParser(childParser.getClass().getClassLoader(), childParser));
            parser.setJavaCommand(javaCommand(marker));
            parser.setPoolSize(1);
            parser.setServerParseTimeoutMillis(timeoutMillis);
            parser.setServerPulseMillis(Math.max(50, Math.min(500, timeoutMillis / 20)));
            parser.setServerWaitTimeoutMillis(0); // an idle child waits; it exits with its parent
            return parser;
        }

        /** Has the child start and build its parser; a child that fails to is replaced, the next parse finds out why. */
        void warmUp() {
            ParseContext context = new ParseContext();
            context.set(ForkChildParser.Request.class, ForkChildParser.Request.WARM_UP);
            try {
                forkParser.parse(InputStream.nullInputStream(), new DefaultHandler(), new Metadata(), context);
            } catch (IOException | TikaException | SAXException | RuntimeException e) {
                if (!closed) {
                    log.debug("a parser process did not warm up: {}", e.toString());
                    recycle();
                }
            }
        }

        ParsedDocument parse(Path file, Metadata metadata) throws IOException {
            BlockCodec.Receiver receiver = new BlockCodec.Receiver();
            ParseContext context = new ParseContext();
            context.set(ForkChildParser.Request.class, new ForkChildParser.Request(file.toAbsolutePath().toUri().toString()));
            Backstop backstop = new Backstop();
            long start = System.nanoTime();
            try {
                forkParser.parse(InputStream.nullInputStream(), receiver, metadata, context);
            } catch (TikaException e) {
                throw failure(e, (System.nanoTime() - start) / 1_000_000, backstop.disarm());
            } catch (SAXException e) {
                // the child sends none (its handler is only the proxy): a defect of ours, keep the run going
                recycle();
                throw new DocumentParseException(ErrorType.PARSER_CRASH, TikaDocumentParser.describe(e));
            } finally {
                backstop.disarm();
            }
            ParsedDocument parsed;
            try {
                parsed = receiver.document();
            } catch (DocumentParseException e) {
                if (e.errorType() == ErrorType.PARSER_CRASH) {
                    recycle();
                }
                throw e;
            }
            if (parsed == null) {
                recycle();
                throw new DocumentParseException(ErrorType.PARSER_CRASH, "the parser process finished without sending a result");
            }
            return parsed;
        }

        private DocumentParseException failure(TikaException e, long elapsedMillis, boolean killed)
                throws IOException {
            if (e.getCause() instanceof IOException && !(e.getCause() instanceof ObjectStreamException)) {
                // ForkParser lost the pipe: the child exited, by its watchdog, by our kill, or by dying
                if (killed || elapsedMillis >= timeoutMillis) {
                    return new DocumentParseException(ErrorType.TIMEOUT, "parsing did not finish within "
                            + seconds(timeoutMillis) + "; the parser process was killed after "
                            + seconds(elapsedMillis));
                }
                return new DocumentParseException(ErrorType.PARSER_CRASH, "the parser process died after "
                        + seconds(elapsedMillis) + " (out of memory beyond -Xmx" + heapMegabytes
                        + "m, or a JVM crash)");
            }
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a parser process");
            }
            // anything else from the child (an exception that could not be serialized, say)
            recycle();
            return new DocumentParseException(ErrorType.PARSER_CRASH, TikaDocumentParser.describe(e));
        }

        /** Replaces the child after it reported a crash it survived: its state is not to be trusted. */
        private void recycle() {
            forkParser.close();
            forkParser = newForkParser();
        }

        /**
         * Kills the child if the parse is still on at timeout + grace. Disarming and killing exclude each
         * other, so a kill never lands on the next document's parse.
         */
        private final class Backstop {
            private final ScheduledFuture<?> task;
            private boolean finished;
            private boolean killed;

            Backstop() {
                task = killer.schedule(this::fire, timeoutMillis + graceMillis, TimeUnit.MILLISECONDS);
            }

            private synchronized void fire() {
                if (!finished) {
                    killed = true;
                    killChild();
                }
            }

            /** Ends the watch; true if it had to kill the child. */
            synchronized boolean disarm() {
                finished = true;
                task.cancel(false);
                return killed;
            }
        }

        /** Kills this slot's child process, found by the marker on its command line. */
        private void killChild() {
            String property = "-D" + ForkChildParser.CHILD_PROPERTY + "=" + marker;
            ProcessHandle.current().children()
                    .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(property)).orElse(false))
                    .forEach(p -> {
                        log.warn("parser process {} ignored its {} timeout: killing it", p.pid(), seconds(timeoutMillis));
                        p.destroyForcibly();
                    });
        }

        void close() {
            forkParser.close();
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
