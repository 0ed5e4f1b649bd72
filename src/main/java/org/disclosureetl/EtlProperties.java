package org.disclosureetl;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a run. {@code --input}, {@code --output} and {@code --db} on the command line map here
 * through {@code application.yml}.
 *
 * @param input       folder of raw report files
 * @param output      folder the CSV files are written to
 * @param chunkSize   documents per transaction in the extract step
 * @param threads     extract partitions and export workers run side by side; 0 means one per core
 * @param maxAttempts how often a failed document is tried before retry-failed leaves it alone
 * @param schedule    when the {@code schedule} command runs ingest
 * @param workers     who runs the extract partitions of a run this process starts: its own threads, or
 *                    {@code worker} processes (PostgreSQL only)
 * @param remote      the partitions and polling of {@code workers=remote}
 */
@ConfigurationProperties("etl")
public record EtlProperties(@DefaultValue("data/inbox") Path input,
                            @DefaultValue("data/out") Path output,
                            @DefaultValue("20") int chunkSize,
                            @DefaultValue("0") int threads,
                            @DefaultValue("3") int maxAttempts,
                            @DefaultValue Schedule schedule,
                            @DefaultValue("local") Workers workers,
                            @DefaultValue Remote remote) {

    /** Where the extract step's partitions run. */
    public enum Workers {
        /** on threads of the process that runs the job (etl.threads of them) */
        LOCAL,
        /** in {@code worker} processes that take them from the database; this process waits for them */
        REMOTE
    }

    /**
     * @param partitions   partitions a remote extract step is cut into: more than the workers' threads, so a
     *                     faster worker takes more of them and a worker that dies leaves a small part unfinished
     * @param pollInterval how often the manager reads its partitions' state and an idle worker looks for a
     *                     request
     * @param maxPartitionAttempts how often a partition is sent to a worker within one run: a partition whose
     *                     worker died is sent again to the others until this many attempts were lost
     * @param heartbeat    how often a worker records that it is alive; a worker silent for {@link #lease()}
     *                     (six heartbeats) counts as dead and its partitions are sent again
     */
    public record Remote(@DefaultValue("8") int partitions, @DefaultValue("1s") Duration pollInterval,
                         @DefaultValue("3") int maxPartitionAttempts, @DefaultValue("5s") Duration heartbeat) {

        /** Heartbeats a worker may miss (a long GC pause, a busy database) before it counts as dead. */
        static final int MISSED_HEARTBEATS = 6;

        /** The attempts a partition gets; a setting below 1 counts as 1 (the first send). */
        public int partitionAttempts() {
            return Math.max(1, maxPartitionAttempts);
        }

        /** How long a worker's heartbeat stays valid: its lease on the partitions it runs. */
        public Duration lease() {
            return heartbeat.multipliedBy(MISSED_HEARTBEATS);
        }
    }

    /**
     * @param cron Spring cron expression (second minute hour day month weekday); nightly by default
     * @param zone time zone of the cron expression; empty means the machine's
     */
    public record Schedule(@DefaultValue("0 30 2 * * *") String cron, @DefaultValue("") String zone) {
    }

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
