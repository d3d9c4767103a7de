package org.netwright.runner.bench;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Times each family's training step in our runner, in plain DJL and in our runner with the per-step listeners, in
 * interleaved rounds (the order rotates each round, so a machine that slows down or speeds up favours none), at each
 * thread count asked for. libtorch's intra-op thread count is set at run time between measurements.
 */
public final class Benchmark {
    private final int steps;
    private final int warmup;
    private final int rounds;
    private final Supplier<Listeners> listeners;
    private final Consumer<String> progress;
    private final StepClock clock;
    private boolean prefetch = true;

    /**
     * @param steps timed steps per run
     * @param warmup untimed steps before them
     * @param rounds interleaved rounds per family and thread count
     * @param listeners makes the per-step listeners of one run
     * @param progress told what is being timed, for a progress line
     */
    public Benchmark(int steps, int warmup, int rounds, Supplier<Listeners> listeners, Consumer<String> progress) {
        this(steps, warmup, rounds, listeners, progress, StepClock.WALL);
    }

    /** As above, with steps timed on {@code clock}. */
    public Benchmark(int steps, int warmup, int rounds, Supplier<Listeners> listeners, Consumer<String> progress,
                     StepClock clock) {
        this.clock = clock;
        if (steps < 1 || warmup < 0 || rounds < 1) {
            throw new IllegalArgumentException("steps and rounds must be at least 1, warm-up at least 0");
        }
        this.steps = steps;
        this.warmup = warmup;
        this.rounds = rounds;
        this.listeners = listeners;
        this.progress = progress;
    }

    /** Times our runner with its batches made by the training thread instead of the prefetch thread. */
    public Benchmark withoutPrefetch() {
        this.prefetch = false;
        return this;
    }

    /** The number of cores libtorch may use on this machine. */
    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Times {@code family} at each of {@code threadCounts}; one result per thread count. */
    public List<FamilyResult> run(Family family, List<Integer> threadCounts) {
        Engine.getInstance();
        int before = JniUtils.getNumThreads();
        try {
            TemplateRun ours = new TemplateRun(family, prefetch);
            List<FamilyResult> out = new ArrayList<>();
            for (int threads : threadCounts) {
                JniUtils.setNumThreads(threads);
                progress.accept(family.id() + " at " + threads + (threads == 1 ? " thread" : " threads"));
                double assembly = BatchAssembly.medianMillis(ours, 50);
                List<double[]> bare = new ArrayList<>();
                List<double[]> plain = new ArrayList<>();
                List<double[]> listened = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    for (int k = 0; k < 3; k++) {
                        switch ((r + k) % 3) {
                            case 0 -> bare.add(ours.time(warmup, steps, List.of(), clock));
                            case 1 -> plain.add(plain(family, ours, r));
                            default -> {
                                try (Listeners l = listeners.get()) {
                                    listened.add(ours.time(warmup, steps, l.listeners(), clock));
                                }
                            }
                        }
                    }
                }
                out.add(new FamilyResult(family, threads, timing(bare), timing(plain), timing(listened), assembly));
            }
            return out;
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    private double[] plain(Family family, TemplateRun ours, int round) {
        try (PlainStep p = PlainModels.create(family, ours.template(), ours.batch(), round)) {
            for (int i = 0; i < warmup; i++) {
                p.step();
            }
            double[] t = new double[steps];
            for (int i = 0; i < steps; i++) {
                long start = clock.nanos();
                float loss = p.step();
                t[i] = (clock.nanos() - start) / 1e6;
                if (!Float.isFinite(loss)) {
                    throw new IllegalStateException(family.id() + ": the plain DJL model's loss became " + loss);
                }
            }
            return t;
        }
    }

    private static FamilyResult.Timing timing(List<double[]> rounds) {
        double[] all = new double[0];
        double[] medians = new double[rounds.size()];
        for (int i = 0; i < rounds.size(); i++) {
            all = Stats.concat(all, rounds.get(i));
            medians[i] = Stats.median(rounds.get(i));
        }
        return new FamilyResult.Timing(Stats.median(all), Stats.min(medians), Stats.max(medians));
    }
}
