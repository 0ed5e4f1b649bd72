package org.disclosureetl.parse;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The parser child JVMs of this test JVM (found by their {@link ForkChildParser#CHILD_PROPERTY} argument) that
 * were not there when this object was made: those of other tests' parsers (a cached Spring context's, say) are
 * left out.
 */
final class ParserChildren {

    private static final String CHILD_ARGUMENT = "-D" + ForkChildParser.CHILD_PROPERTY + "=";

    private final Set<Long> before = all().stream().map(ProcessHandle::pid).collect(Collectors.toSet());

    /** The living children started since this object was made. */
    List<ProcessHandle> started() {
        return all().stream().filter(p -> !before.contains(p.pid())).toList();
    }

    /** Waits up to 30 s for a child to be started, then returns the children started. */
    List<ProcessHandle> awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (started().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return started();
    }

    private static List<ProcessHandle> all() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments()
                        .map(args -> List.of(args).stream().anyMatch(a -> a.startsWith(CHILD_ARGUMENT)))
                        .orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
    }
}
