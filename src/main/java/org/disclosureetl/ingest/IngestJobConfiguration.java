package org.disclosureetl.ingest;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.disclosureetl.EtlProperties;
import org.disclosureetl.discover.Discovery;
import org.disclosureetl.discover.InboxScanner;
import org.disclosureetl.export.CsvExporter;
import org.disclosureetl.export.Exports;
import org.disclosureetl.extract.ReportExtractor;
import org.disclosureetl.normalize.DocumentNormalizer;
import org.disclosureetl.parse.CrawlerExportReader;
import org.disclosureetl.parse.ReportParser;
import org.disclosureetl.region.RegionPlacer;
import org.disclosureetl.store.CorrectionRepository;
import org.disclosureetl.store.DatabaseFault;
import org.disclosureetl.store.DocumentRepository;
import org.disclosureetl.store.FailureLog;
import org.disclosureetl.vocabulary.FailureStep;
import org.disclosureetl.store.PartitionRequests;
import org.disclosureetl.store.SeriesRepository;
import org.disclosureetl.store.StoredDocument;
import org.disclosureetl.validate.ReportValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code ingest} job: discover (register new and changed files) → extract (partitioned,
 * chunk-oriented: parse, normalize, extract, validate, store) → link (every stored report into its agency's series:
 * duplicates and cross-year checks, {@link SeriesLinkTasklet}) → export (the CSV files and the codebook).
 * Job parameters: {@code input}, {@code output} (folders) and {@code requested} (a timestamp that
 * makes every launch its own job instance).
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

    private static final Logger log = LoggerFactory.getLogger("progress");

    public static final String JOB_NAME = "ingest";
    /** Job parameters: the folders of the run and the time it was asked for (every launch its own instance). */
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String REQUESTED = "requested";
    public static final String DISCOVER_STEP = "discover";
    public static final String EXTRACT_STEP = "extract";
    /** The worker step of {@link #EXTRACT_STEP}; its executions are named {@code extractPartition:partitionN}. */
    public static final String EXTRACT_PARTITION_STEP = "extractPartition";
    public static final String LINK_STEP = "link";
    public static final String EXPORT_STEP = "export";
    public static final String DISCOVERY_KEY = "discovery";

    /** The parameters of one run over {@code input} into {@code output}, asked for at {@code requested}. */
    public static JobParameters runParameters(Path input, Path output, long requested) {
        return new JobParametersBuilder()
                .addString(INPUT, input.toAbsolutePath().normalize().toString())
                .addString(OUTPUT, output.toAbsolutePath().normalize().toString())
                .addLong(REQUESTED, requested)
                .toJobParameters();
    }

    /** Micrometer observations of the job, its steps and each document's stages (see the class). */
    @Bean
    StageObservations stageObservations() {
        return new StageObservations();
    }

    @Bean
    Job ingestJob(JobRepository jobRepository, Step discoverStep, Step extractStep, Step linkStep, Step exportStep,
                  ExtractProgress progress, StageObservations stages) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .observationRegistry(stages.registry())
                .listener(progress)
                .start(discoverStep)
                .next(extractStep)
                .next(linkStep)
                .next(exportStep)
                .build();
    }

    @Bean
    Step discoverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                      Tasklet discoverTasklet, DatabaseFault databaseFault, StageObservations stages) {
        return new StepBuilder(DISCOVER_STEP, jobRepository)
                .observationRegistry(stages.registry())
                .tasklet(reportingFaults(discoverTasklet, databaseFault), transactionManager).build();
    }

    /** A tasklet whose failures are shown to {@link DatabaseFault} (it may never get to report them otherwise). */
    private static Tasklet reportingFaults(Tasklet tasklet, DatabaseFault databaseFault) {
        return (contribution, chunkContext) -> {
            try {
                return tasklet.execute(contribution, chunkContext);
            } catch (RuntimeException e) {
                databaseFault.report(e);
                throw e;
            }
        };
    }

    @Bean
    @StepScope
    Tasklet discoverTasklet(InboxScanner scanner, FailureRecorder failures, ReportParser parser, EtlProperties properties,
                            @Value("#{jobParameters['" + INPUT + "']}") String input,
                            @Value("#{jobParameters['" + OUTPUT + "']}") String output) {
        return (contribution, chunkContext) -> {
            long runId = contribution.getStepExecution().getJobExecutionId();
            // the parsers get ready while the files are hashed; with remote workers this process parses nothing
            Discovery discovery = properties.workers() == EtlProperties.Workers.LOCAL
                    ? scanner.scan(Path.of(input), runId, parser::prepareFor)
                    : scanner.scan(Path.of(input), runId);
            // in the step's transaction, with the files registered: a discover step that fails logs nothing
            failures.record(Path.of(output), discovery.unreadable().stream()
                    .map(u -> new FailureLog.FailureEntry(runId, u.path(), null, null, FailureStep.DISCOVER,
                            u.errorType(), u.message()))
                    .toList());
            ExecutionContext jobContext = contribution.getStepExecution().getJobExecution().getExecutionContext();
            Map<String, Integer> counts = new HashMap<>();
            counts.put("files", discovery.files());
            counts.put("added", discovery.added());
            counts.put("changed", discovery.changed());
            counts.put("unchanged", discovery.unchanged());
            counts.put("deleted", discovery.deleted());
            counts.put("unreadable", discovery.unreadable().size());
            jobContext.put(DISCOVERY_KEY, counts);
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * The extract step: its partitions run on this process's threads ({@code etl.workers=local}, the
     * default) or in {@code worker} processes ({@code remote}, see {@link RemotePartitionHandler}).
     */
    @Bean
    Step extractStep(JobRepository jobRepository, Step extractPartitionStep, EtlProperties properties,
                     ExtractProgress progress, StageObservations stages, ReportParser parser,
                     DocumentRepository documents, PartitionRequests requests) throws Exception {
        if (properties.workers() == EtlProperties.Workers.REMOTE) {
            return new StepBuilder(EXTRACT_STEP, jobRepository)
                    .observationRegistry(stages.registry())
                    .partitioner(EXTRACT_PARTITION_STEP, documentPartitioner())
                    .partitionHandler(new RemotePartitionHandler(jobRepository, requests, documents,
                            properties.remote()))
                    .listener(progress)
                    .build();
        }
        int partitions = properties.effectiveThreads();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("extract-");
        executor.setConcurrencyLimit(partitions);
        return new StepBuilder(EXTRACT_STEP, jobRepository)
                .observationRegistry(stages.registry())
                .partitioner(EXTRACT_PARTITION_STEP, documentPartitioner())
                .step(extractPartitionStep)
                .gridSize(partitions)
                .taskExecutor(executor)
                .listener(progress)
                .listener(parserSizing(parser, documents))
                .build();
    }

    /** Tells the parser how long the run is before its children start (see {@code etl.parse.quick-start-below}). */
    private static StepExecutionListener parserSizing(ReportParser parser, DocumentRepository documents) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                parser.expectDocuments(documents.countPending());
            }
        };
    }

    /** Splits the pending documents by a stable key so each partition has its own disjoint share. */
    static Partitioner documentPartitioner() {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new HashMap<>();
            for (int k = 0; k < gridSize; k++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt("partition", k);
                context.putInt("partitions", gridSize);
                partitions.put("partition" + k, context);
            }
            return partitions;
        };
    }

    @Bean
    Step extractPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              EtlProperties properties, JdbcPagingItemReader<StoredDocument> pendingDocumentReader,
                              DocumentProcessor documentProcessor, DocumentWriter documentWriter,
                              ExtractProgress progress, StageObservations stages) {
        return new StepBuilder(EXTRACT_PARTITION_STEP, jobRepository)
                .observationRegistry(stages.registry())
                .<StoredDocument, ProcessedDocument>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(pendingDocumentReader)
                .processor(documentProcessor)
                .writer(documentWriter)
                .listener(progress)
                .build();
    }

    /** Pending documents of one partition in id order ({@link DocumentRepository#pendingReader}). */
    @Bean
    @StepScope
    JdbcPagingItemReader<StoredDocument> pendingDocumentReader(DataSource dataSource, EtlProperties properties,
            @Value("#{stepExecutionContext['partition']}") Integer partition,
            @Value("#{stepExecutionContext['partitions']}") Integer partitions) throws Exception {
        return DocumentRepository.pendingReader(dataSource, partition, partitions, properties.chunkSize());
    }

    @Bean
    @StepScope
    DocumentProcessor documentProcessor(@Value("#{jobParameters['" + INPUT + "']}") String input,
                                        ReportParser parser, DocumentNormalizer normalizer, ReportExtractor extractor,
                                        ReportValidator validator, StageObservations stages, RegionPlacer regions,
                                        CrawlerExportReader exports) {
        return new DocumentProcessor(Path.of(input), parser, normalizer, extractor, validator, stages, regions, exports);
    }

    @Bean
    @StepScope
    DocumentWriter documentWriter(DocumentRepository documents, FailureRecorder failures,
                                  @Value("#{jobParameters['" + OUTPUT + "']}") String output,
                                  @Value("#{stepExecution.jobExecutionId}") Long runId,
                                  PlatformTransactionManager transactionManager, DatabaseFault databaseFault,
                                  CsvExporter exporter) {
        return new DocumentWriter(documents, failures, Path.of(output), runId, transactionManager,
                databaseFault, exporter);
    }

    /** The link step: one transaction over all stored documents, so a failure leaves the previous links whole. */
    @Bean
    Step linkStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, SeriesRepository series,
                  CorrectionRepository corrections, DatabaseFault databaseFault, StageObservations stages) {
        return new StepBuilder(LINK_STEP, jobRepository)
                .observationRegistry(stages.registry())
                .tasklet(reportingFaults(new SeriesLinkTasklet(series, corrections), databaseFault), transactionManager)
                .build();
    }

    @Bean
    Step exportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet exportTasklet,
                    DatabaseFault databaseFault, StageObservations stages) {
        return new StepBuilder(EXPORT_STEP, jobRepository)
                .observationRegistry(stages.registry())
                .tasklet(reportingFaults(exportTasklet, databaseFault), transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet exportTasklet(Exports exports, @Value("#{jobParameters['" + OUTPUT + "']}") String output) {
        return (contribution, chunkContext) -> {
            Exports.Result result = exports.exportIfChanged(Path.of(output));
            if (!result.written()) {
                log.info("export: nothing changed since the last export to {}", output);
            }
            return RepeatStatus.FINISHED;
        };
    }
}
