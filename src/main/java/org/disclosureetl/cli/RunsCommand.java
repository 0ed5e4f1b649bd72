package org.disclosureetl.cli;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.disclosureetl.ingest.IngestJobConfiguration;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.PartitionRequests;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** {@code runs}: the recent runs, one line each. */
@Component
class RunsCommand {

    /** Runs listed without --limit. */
    static final int DEFAULT_LIMIT = 20;

    private final JobRepository jobRepository;
    private final DocumentRepository documents;
    private final PartitionRequests partitionRequests;
    private final PrintStream out = System.out;

    RunsCommand(JobRepository jobRepository, DocumentRepository documents, PartitionRequests partitionRequests) {
        this.jobRepository = jobRepository;
        this.documents = documents;
        this.partitionRequests = partitionRequests;
    }

    int runs(int limit) {
        List<JobInstance> instances = jobRepository.getJobInstances(IngestJobConfiguration.JOB_NAME, 0, limit);
        Map<Long, Integer> resent = partitionRequests.resentByRun(); // extract partitions sent to a worker again
        out.printf("%-6s %-10s %-19s %-19s %8s %8s %8s %8s%n", "run", "status", "start", "end", "read", "written", "failed",
                "resent");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (JobInstance instance : instances) {
            for (JobExecution e : jobRepository.getJobExecutions(instance)) {
                long read = 0;
                long written = 0;
                for (var step : e.getStepExecutions()) {
                    if (step.getStepName().startsWith(IngestJobConfiguration.EXTRACT_PARTITION_STEP)) {
                        read += step.getReadCount();
                        written += step.getWriteCount();
                    }
                }
                DocumentRepository.RunCounts counts = documents.countsOfRun(e.getId());
                out.printf("%-6d %-10s %-19s %-19s %8d %8d %8d %8d%n", e.getId(), e.getStatus(),
                        format(e.getStartTime(), time), format(e.getEndTime(), time), read, written, counts.failed(),
                        resent.getOrDefault(e.getId(), 0));
            }
        }
        return ExitCodes.OK;
    }

    private static String format(LocalDateTime time, DateTimeFormatter formatter) {
        return time == null ? "" : time.format(formatter);
    }
}
