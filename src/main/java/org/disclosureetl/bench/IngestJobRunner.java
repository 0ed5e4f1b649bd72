package org.disclosureetl.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.disclosureetl.DisclosureEtlApplication;
import org.disclosureetl.ingest.StageTimings;
import org.disclosureetl.parse.ParseProperties;
import org.disclosureetl.parse.ReportParser;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the real {@code ingestJob} once, in an application context of its own (same JVM, same
 * classes, so the JIT state carries over) with a fresh H2 file database in the run folder and
 * {@code etl.threads} set for this run. The command-line runners are left out of that context.
 */
final class IngestJobRunner {

    /**
     * What one job run did besides its timing.
     *
     * @param parserWarmUp the rounds that warmed the run's parser processes before it was timed; {@code null}
     *                     when parsing ran in-process or no warm-up files were given
     */
    record Outcome(PhaseResult result, long processed, long failed, long issues, long cells,
                   ParserWarmUp.Rounds parserWarmUp) {
    }

    private final boolean showProgress;

    IngestJobRunner(boolean showProgress) {
        this.showProgress = showProgress;
    }

    /**
     * @param parserWarmUp files to warm this run's fresh parser processes with before the job is timed
     *                     ({@code fork} isolation only); empty for none
     */
    Outcome run(Path input, Path runFolder, int threads, int documents, long bytes, List<CorpusFile> parserWarmUp)
            throws Exception {
        Folders.deleteRecursively(runFolder);
        String[] args = {
                "--spring.datasource.url=" + DisclosureEtlApplication.h2Url(runFolder.resolve("db").resolve("disclosure")),
                "--etl.threads=" + threads,
                "--etl.input=" + input,
                "--etl.output=" + runFolder.resolve("out"),
                "--spring.main.web-application-type=none",
                "--logging.level.org.disclosureetl.DisclosureEtlApplication=WARN",
                "--logging.level.org.flywaydb=ERROR",
                "--logging.level.progress=" + (showProgress ? "INFO" : "WARN"),
        };
        SpringApplication application = new SpringApplication(DisclosureEtlApplication.class);
        application.setRegisterShutdownHook(false);
        application.addInitializers(context -> context.addBeanFactoryPostProcessor(IngestJobRunner::withoutRunners));
        try (ConfigurableApplicationContext context = application.run(args)) {
            JobOperator operator = context.getBean(JobOperator.class);
            Job job = context.getBean("ingestJob", Job.class);
            JobParameters parameters = new JobParametersBuilder()
                    .addString("input", input.toAbsolutePath().normalize().toString())
                    .addString("output", runFolder.resolve("out").toAbsolutePath().normalize().toString())
                    .addLong("requested", System.currentTimeMillis())
                    .toJobParameters();
            ReportParser parser = context.getBean(ReportParser.class);
            ParserWarmUp.Rounds warmUp = parser.isolation() == ParseProperties.Isolation.FORK && !parserWarmUp.isEmpty()
                    ? ParserWarmUp.run(parser, parserWarmUp, threads) : null;
            CpuClock.awaitJitQuiet(TikaBaseline.JIT_QUIET_MAX_MILLIS);
            HeapProbe.reset();
            CpuClock clock = CpuClock.start();
            JobExecution execution = operator.start(job, parameters);
            CpuClock.Elapsed elapsed = clock.stop();
            HeapProbe.Usage heap = HeapProbe.read();
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("ingest job ended " + execution.getStatus() + ": "
                        + execution.getAllFailureExceptions());
            }
            StageTimings.Snapshot stages = context.getBean(StageTimings.class).snapshot();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long processed = count(jdbc, "SELECT COUNT(*) FROM document WHERE processed_run = ?", execution.getId());
            long failed = count(jdbc, "SELECT COUNT(*) FROM document WHERE status = 'failed'");
            long issues = count(jdbc, "SELECT COUNT(*) FROM validation_issue");
            long cells = count(jdbc, "SELECT COUNT(*) FROM observation");
            PhaseResult result = new PhaseResult("job", threads, documents, (int) failed, bytes, elapsed, heap, stages,
                    steps(execution));
            return new Outcome(result, processed, failed, issues, cells, warmUp);
        }
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    private static List<PhaseResult.StepTime> steps(JobExecution execution) {
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        steps.sort(Comparator.comparing(StepExecution::getStartTime, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(StepExecution::getStepName));
        List<PhaseResult.StepTime> times = new ArrayList<>();
        for (StepExecution step : steps) {
            long millis = step.getStartTime() == null || step.getEndTime() == null ? 0
                    : Duration.between(step.getStartTime(), step.getEndTime()).toMillis();
            times.add(new PhaseResult.StepTime(step.getStepName(), step.getWriteCount(), millis));
        }
        return times;
    }

    /** The bench context only runs the job: the command dispatcher (an ApplicationRunner) must not start. */
    private static void withoutRunners(ConfigurableListableBeanFactory beanFactory) {
        BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
        for (Class<?> type : List.of(ApplicationRunner.class, CommandLineRunner.class)) {
            for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                registry.removeBeanDefinition(name);
            }
        }
    }
}
