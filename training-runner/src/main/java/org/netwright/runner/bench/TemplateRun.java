package org.netwright.runner.bench;

import org.netwright.model.run.RunEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.NetworkEnds;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.run.RunListener;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.NodeSplit;
import org.netwright.templates.data.Samples;

/**
 * Times training steps of a family's template in our own runner: a {@link TrainingRun} on the template's generated
 * data, with a listener that notes the clock at every step event. A step's time is the gap between two step events
 * of one epoch, so the epoch's validation pass and checkpoint never count; the run is stopped once enough steps are
 * timed. The data are generated once and reused by every round.
 */
final class TemplateRun {
    private final Family family;
    private final Template template;
    private final TrainingSettings settings;
    private final Samples.Split samples;
    private final NodeSplit nodes;

    TemplateRun(Family family) {
        this(family, true);
    }

    /**
     * The family's run; with {@code prefetch} false its batches are made by the training thread itself (the data
     * recipe's {@code prefetch=false}), to time what the prefetch thread's hand-off costs when libtorch's threads
     * take every core.
     */
    TemplateRun(Family family, boolean prefetch) {
        this.family = family;
        this.template = TemplateLibrary.find(family.template()).orElseThrow(
                () -> new IllegalStateException("No template " + family.template()));
        TrainingSettings s = template.settings().withEpochs(100_000);
        if (!prefetch && s.data() != null) {
            s = TrainingRun.withPrefetch(s, false);
        }
        this.settings = family.batchOverride() > 0 ? s.withBatchSize(family.batchOverride()) : s;
        Path here = Path.of("");
        if (DataSources.isGraph(settings.data(), here)) {
            this.nodes = DataSources.loadGraph(settings.data(), here, settings.seed())
                    .split(settings.validationSplit(), settings.testSplit(), settings.seed());
            this.samples = null;
        } else {
            Samples data = DataSources.fitTo(DataSources.loadSamples(settings.data(), here, settings.seed()),
                    NetworkEnds.of(template.graph()));
            this.samples = data.split(settings.validationSplit(), settings.testSplit(), settings.seed());
            this.nodes = null;
        }
    }

    Family family() {
        return family;
    }

    Template template() {
        return template;
    }

    /** The batch size the steps are timed with. */
    int batch() {
        return settings.batchSize();
    }

    /** The template's training samples; null for node classification. */
    Samples.Split samples() {
        return samples;
    }

    /** The template's graph and node split; null unless the family classifies nodes. */
    NodeSplit nodes() {
        return nodes;
    }

    /**
     * Milliseconds of each of {@code steps} training steps after {@code warmup} untimed ones, in a fresh run with
     * {@code listeners} added after the clock (the event stream, the project recorder); throws IllegalStateException
     * when the run fails.
     */
    double[] time(int warmup, int steps, List<RunListener> listeners, StepClock clock) {
        TrainingRun run = nodes != null ? new TrainingRun(template.graph(), settings, nodes)
                : new TrainingRun(template.graph(), settings, samples);
        List<Double> gaps = new ArrayList<>();
        run.addListener(new RunListener() {
            private long last;
            private int lastEpoch = -1;
            private int seen;

            @Override
            public void step(RunEvent.Step e) {
                long now = clock.nanos(); // step events come on the training thread
                if (e.epoch() == lastEpoch) {
                    if (seen++ >= warmup && gaps.size() < steps) {
                        gaps.add((now - last) / 1e6);
                    }
                    if (gaps.size() >= steps) {
                        run.stop();
                    }
                }
                lastEpoch = e.epoch();
                last = now;
            }
        });
        listeners.forEach(run::addListener);
        RunResult result = run.run();
        if (RunResult.FAILED.equals(result.status())) {
            throw new IllegalStateException(family.id() + ": the run failed: " + result.message());
        }
        if (gaps.size() < steps) {
            throw new IllegalStateException(family.id() + ": the run ended after " + gaps.size() + " timed steps");
        }
        return gaps.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
