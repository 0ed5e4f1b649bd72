package org.disclosureetl.cli;

import java.io.PrintStream;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.ingest.PartitionWorker;
import org.disclosureetl.store.RunLock;
import org.springframework.stereotype.Component;

/**
 * {@code worker}: runs extract partitions of managers' runs until the process is stopped. It takes no
 * run lock (see {@link PartitionWorker}).
 */
@Component
class WorkerCommand {

    private final PartitionWorker partitionWorker;
    private final EtlProperties properties;
    private final RunLock runLock;
    private final PrintStream out = System.out;

    WorkerCommand(PartitionWorker partitionWorker, EtlProperties properties, RunLock runLock) {
        this.partitionWorker = partitionWorker;
        this.properties = properties;
        this.runLock = runLock;
    }

    int run() throws Exception {
        if (!RunCommands.postgresqlForRemote(runLock, true)) {
            return ExitCodes.USAGE;
        }
        out.printf("worker: taking extract partitions with %d thread(s); stop with SIGTERM (Ctrl-C)%n",
                properties.effectiveThreads());
        out.flush();
        PartitionWorker.Outcome outcome = partitionWorker.run();
        out.printf("worker: %s after %d partition(s)%n", outcome.stopped() ? "stopped" : "lost its database",
                outcome.partitions());
        return outcome.stopped() ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }
}
