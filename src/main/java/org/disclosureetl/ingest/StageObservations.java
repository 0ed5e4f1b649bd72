package org.disclosureetl.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Where a run's time goes, from Micrometer observations: Spring Batch's own ({@code spring.batch.step},
 * {@code spring.batch.item.process}, {@code spring.batch.chunk.write}, ...) and one per processing stage of a
 * document ({@value #STAGE_METRIC}, tag {@code stage}). After each run they are written to
 * {@code <output>/logs/run-<id>-stages.tsv}; the benchmark ({@code bench/README.md}) prints them.
 */
public final class StageObservations {

    public static final String STAGE_METRIC = "disclosure.stage";
    static final String STAGE_TAG = "stage";

    /** The stages of one document inside the processor. */
    enum Stage {
        PARSE, NORMALIZE, EXTRACT;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Code that may throw what the processor classifies. */
    interface StageWork<T, E extends Exception> {
        T run() throws E;
    }

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry observations = ObservationRegistry.create();

    public StageObservations() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    }

    /** The registry the job and its steps report to. */
    public ObservationRegistry registry() {
        return observations;
    }

    <T, E extends Exception> T observe(Stage stage, StageWork<T, E> work) throws E {
        Observation observation = Observation.createNotStarted(STAGE_METRIC, observations)
                .lowCardinalityKeyValue(STAGE_TAG, stage.tag()).start();
        try (Observation.Scope scope = observation.openScope()) {
            return work.run();
        } catch (Exception e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    /** Forgets the previous run's figures (a {@code schedule} process runs many). */
    void reset() {
        meters.clear();
    }

    /** One line per timer: name, its tags, count, total, mean and max in milliseconds. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("meter\ttags\tcount\ttotal_ms\tmean_ms\tmax_ms");
        meters.getMeters().stream()
                .filter(Timer.class::isInstance).map(Timer.class::cast)
                .sorted(Comparator.comparing((Timer t) -> t.getId().getName()).thenComparing(t -> tags(t)))
                .forEach(t -> lines.add(String.format(Locale.ROOT, "%s\t%s\t%d\t%.1f\t%.2f\t%.1f", t.getId().getName(),
                        tags(t), t.count(), t.totalTime(TimeUnit.MILLISECONDS), t.mean(TimeUnit.MILLISECONDS),
                        t.max(TimeUnit.MILLISECONDS))));
        return lines;
    }

    private static String tags(Timer timer) {
        return String.join(",", timer.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue()).toList());
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
