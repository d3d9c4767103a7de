package org.netwright.runner.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.netwright.model.run.SweepPlan;

/**
 * A random search over a project's training settings: the plan's trials, each a {@code train} of the project in
 * its own process, {@code parallel} at a time with {@code cores / parallel} libtorch threads each (at least one),
 * so trials side by side share the machine instead of fighting over it. Every trial is recorded as a run of the
 * project by its own process.
 */
public final class Sweep {
    /** The flag of {@code train} that sets each sweep parameter. */
    private static final Map<String, String> FLAGS = Map.of("lr", "--lr", "batch_size", "--batch-size", "dropout",
            "--dropout", "weight_decay", "--weight-decay", "momentum", "--momentum", "epochs", "--epochs", "width", "--width");

    private final Path project;
    private final List<Map<String, Number>> trials;
    private final List<String> commonFlags;
    private final int parallel;
    private final int threads;

    /**
     * A sweep of {@code project} over {@code n} trials drawn from {@code plan} with {@code seed}; {@code commonFlags}
     * go to every trial (e.g. {@code --epochs 5}); {@code parallel} trials run at once on {@code cores} cores.
     */
    public Sweep(Path project, SweepPlan plan, int n, long seed, List<String> commonFlags, int parallel, int cores) {
        this.project = project;
        this.trials = plan.trials(n, seed);
        this.commonFlags = List.copyOf(commonFlags);
        this.parallel = Math.max(1, Math.min(parallel, n));
        this.threads = threadsPerTrial(cores, this.parallel);
    }

    /** Threads each trial's libtorch gets: the cores shared evenly, at least one. */
    public static int threadsPerTrial(int cores, int parallel) {
        return Math.max(1, cores / Math.max(1, parallel));
    }

    public int threadsPerTrial() {
        return threads;
    }

    public int parallel() {
        return parallel;
    }

    /** The values each trial tries, trial 1 first. */
    public List<Map<String, Number>> trials() {
        return trials;
    }

    /** The {@code train} flags that set a trial's values. */
    static List<String> flags(Map<String, Number> values) {
        List<String> out = new ArrayList<>();
        values.forEach((name, v) -> {
            out.add(FLAGS.get(name));
            out.add(v instanceof Long || v instanceof Integer ? Long.toString(v.longValue())
                    : Double.toString(v.doubleValue()));
        });
        return out;
    }

    /**
     * Runs every trial and returns their results in trial order; {@code done} hears each result as its trial ends
     * (from the trial's thread, one at a time).
     */
    public List<TrialResult> run(Consumer<TrialResult> done) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "sweep-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TrialResult>> futures = new ArrayList<>();
            for (int i = 0; i < trials.size(); i++) {
                int k = i + 1;
                Map<String, Number> values = trials.get(i);
                List<String> flags = new ArrayList<>(commonFlags);
                flags.addAll(flags(values));
                List<String> command = TrialProcess.command(project, threads, flags);
                futures.add(pool.submit(() -> {
                    TrialResult r = TrialProcess.run(k, values, command);
                    synchronized (done) {
                        done.accept(r);
                    }
                    return r;
                }));
            }
            List<TrialResult> out = new ArrayList<>();
            for (Future<TrialResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The sweep was interrupted.", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The best finished trial by {@code metric} (higher is better for accuracies and R², lower otherwise), among
     * those that measured it.
     */
    public static Optional<TrialResult> best(List<TrialResult> results, String metric) {
        boolean higher = SweepPlan.higherIsBetter(metric);
        TrialResult best = null;
        for (TrialResult r : results) {
            Double v = r.metric(metric);
            if (v == null || !Double.isFinite(v)) {
                continue;
            }
            if (best == null || (higher ? v > best.metric(metric) : v < best.metric(metric))) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }
}
