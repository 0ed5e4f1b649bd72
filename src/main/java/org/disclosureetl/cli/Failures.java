package org.disclosureetl.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Turns exceptions into the one line the operator sees: the innermost cause, which names the fault. */
final class Failures {

    private Failures() {
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        List<Throwable> seen = new ArrayList<>();
        while (root.getCause() != null && !seen.contains(root.getCause())) {
            seen.add(root);
            root = root.getCause();
        }
        // a failed JDBC batch says only which entry failed; the driver's reason is its next exception
        if (root instanceof java.sql.SQLException batch && batch.getNextException() != null
                && batch.getNextException() != root) {
            return oneLine(batch.getNextException());
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int sql = message.indexOf("; SQL statement:");
        if (sql > 0) {
            message = message.substring(0, sql); // H2 appends the statement; not the operator's concern
        }
        message = message.replaceAll("\\s*\\R\\s*", " ");
        return message.isEmpty() ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + message;
    }

    /**
     * The failure that names the cause among a run's: the innermost cause of the first that is not
     * only a wrapper saying that a step or partition failed.
     */
    static String cause(Collection<Throwable> failures) {
        Throwable best = null;
        for (Throwable failure : failures) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            boolean wrapper = root.getClass().getName().startsWith("org.springframework.batch.core");
            if (best == null || !wrapper) {
                best = failure;
                if (!wrapper) {
                    break;
                }
            }
        }
        return best == null ? "unknown" : oneLine(best);
    }
}
