package org.disclosureetl;

import java.nio.file.Path;

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
 */
@ConfigurationProperties("etl")
public record EtlProperties(@DefaultValue("data/inbox") Path input,
                            @DefaultValue("data/out") Path output,
                            @DefaultValue("20") int chunkSize,
                            @DefaultValue("0") int threads,
                            @DefaultValue("3") int maxAttempts,
                            @DefaultValue Schedule schedule) {

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
