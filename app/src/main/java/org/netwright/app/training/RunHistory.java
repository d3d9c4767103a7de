package org.netwright.app.training;

import org.netwright.model.run.ActivationRecords;
import org.netwright.model.run.ActivationStats;
import org.netwright.model.run.RunEvent;
import org.netwright.model.run.RunReached;
import org.netwright.model.run.RunSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.RunRecord;
import org.netwright.model.store.StepSeries;

/**
 * Turns a run stored in the project back into the events it once sent, so a reopened project
 * shows its last run's curves, gradient norms and activation statistics through the same code that draws a live run.
 */
public final class RunHistory {
    private RunHistory() {
    }

    private static final String GRAD_NORM = "grad_norm/";
    /** The metric keys {@link #replay} uses: what to read of a stored run (its learning rates are not). */
    public static final List<String> KEYS_DRAWN = List.of("train/", "validate/", GRAD_NORM,
            ActivationRecords.MEAN, ActivationRecords.STD, ActivationRecords.ZEROS);
    /**
     * The most training-loss steps a replay hands on: a long run's hundreds of thousands of steps are thinned to the
     * lowest and highest loss of each stretch, which draws the same curve on a chart a few thousand pixels wide.
     */
    static final int MAX_STEPS = 4000;

    private static final String LOSS = "train/loss";

    /**
     * A stored run's points as the window reads them: every step's training loss as columns ({@link StepSeries}) and
     * the rest (epoch values, gradient norms, activation statistics: a few per epoch) as points. A run of a million
     * steps is read this way in a fraction of a second where a million {@link MetricPoint}s took over one.
     */
    public record Stored(StepSeries losses, List<MetricPoint> others) {
        /** {@code points} split into their training losses and the rest. */
        public static Stored of(List<MetricPoint> points) {
            return new Stored(StepSeries.of(LOSS, points), points.stream().filter(m -> !m.key().equals(LOSS)).toList());
        }

        /** Run {@code runId}'s points the window draws ({@link #KEYS_DRAWN}), read from {@code store}. */
        public static Stored read(org.netwright.model.store.ProjectStore store, long runId) {
            return new Stored(store.curve(runId, LOSS), store.metrics(runId, KEYS_DRAWN, LOSS));
        }

        /** The points of epochs up to {@code epoch}. */
        public Stored upTo(int epoch) {
            return new Stored(losses.whereEpoch(e -> e <= epoch), others.stream().filter(m -> m.epoch() <= epoch)
                    .toList());
        }

        /** Every point, by step (a step's loss before the values written at its epoch's end), as the store holds them. */
        public List<MetricPoint> points() {
            List<MetricPoint> out = new ArrayList<>(losses.size() + others.size());
            int o = 0;
            for (int i = 0; i < losses.size(); i++) {
                while (o < others.size() && others.get(o).step() < losses.step(i)) {
                    out.add(others.get(o++));
                }
                out.add(losses.point(i));
            }
            out.addAll(others.subList(o, others.size()));
            return out;
        }

        /** The first epoch of any point, {@link Integer#MAX_VALUE} when there is none. */
        private int firstEpoch() {
            int first = Integer.MAX_VALUE;
            for (int i = 0; i < losses.size(); i++) {
                first = Math.min(first, losses.epoch(i));
            }
            for (MetricPoint m : others) {
                first = Math.min(first, m.epoch());
            }
            return first;
        }

        /** The most training-loss steps any one epoch holds. */
        private int mostStepsInAnEpoch() {
            return stepsByEpoch(losses).values().stream().mapToInt(a -> a.length).max().orElse(0);
        }
    }

    /**
     * A stored run read back: its events ({@link #replay}), every step's loss, and those losses as the training curve's
     * points ({@code curveX} in epochs, {@code curveY}; steps without a finite loss left out). The points are worked out
     * where the run is read, off the UI thread: for a million steps that loop was a tenth of a second of the window's
     * thread the first time a JVM showed such a run.
     */
    public record Replay(List<RunEvent> events, StepSeries losses, double[] curveX, double[] curveY) {
    }

    /** The run read back whole: {@link #replay} and every step's training loss, which the chart's CSV keeps. */
    public static Replay read(RunRecord run, Stored stored) {
        List<RunEvent> events = replay(run, stored);
        StepSeries losses = stored.losses();
        int stepsPerEpoch = events.get(0) instanceof RunEvent.Started s ? s.stepsPerEpoch() : 1;
        int finite = 0;
        for (int i = 0; i < losses.size(); i++) {
            if (Double.isFinite(losses.value(i))) {
                finite++;
            }
        }
        double[] xs = new double[finite];
        double[] ys = new double[finite];
        for (int i = 0, at = 0; i < losses.size(); i++) {
            if (Double.isFinite(losses.value(i))) {
                xs[at] = TrainingViewModel.stepX(losses.step(i), stepsPerEpoch);
                ys[at++] = losses.value(i);
            }
        }
        return new Replay(events, losses, xs, ys);
    }

    /** As {@link #read(RunRecord, Stored)} of points held in a list. */
    public static Replay read(RunRecord run, List<MetricPoint> metrics) {
        return read(run, Stored.of(metrics));
    }

    /**
     * A run's points preceded, when it resumed another run, by that run's epochs before its own first one (and so on
     * up the chain of resumed runs), its own steps moved so its first epoch begins where the earlier run's left off
     * (a stop inside an epoch trains that epoch again): a reopened resumed run is drawn as the live one was.
     * {@code runs} finds a stored run by id, {@code metrics} reads a run's points; a run no longer stored ends the chain.
     * Which earlier epochs come first is {@link RunReached#withEarlierRuns}'s reading, the one the runs list's figures
     * use too; only the moving of steps is the chart's.
     */
    public static Stored withEarlierRuns(RunRecord run, Stored own,
                                         java.util.function.LongFunction<java.util.Optional<RunRecord>> runs,
                                         java.util.function.LongFunction<Stored> metrics) {
        java.time.Instant now = java.time.Instant.now();
        return RunReached.withEarlierRuns(RunSummary.of(run, now), own,
                id -> runs.apply(id).map(r -> RunSummary.of(r, now)), metrics, DRAWN);
    }

    /** As {@link #withEarlierRuns(RunRecord, Stored, java.util.function.LongFunction, java.util.function.LongFunction)}
     * for points held in lists (the Runs window's epoch means). */
    public static List<MetricPoint> withEarlierRuns(RunRecord run, List<MetricPoint> own,
                                                    java.util.function.LongFunction<java.util.Optional<RunRecord>> runs,
                                                    java.util.function.LongFunction<List<MetricPoint>> metrics) {
        return withEarlierRuns(run, Stored.of(own), runs, id -> Stored.of(metrics.apply(id))).points();
    }

    /** A run's points as the chart holds them: an earlier run's epochs, then the later run's steps moved on to them. */
    private static final RunReached.Points<Stored> DRAWN = new RunReached.Points<>() {
        @Override
        public int firstEpoch(Stored points) {
            return points.firstEpoch();
        }

        @Override
        public Stored earlierThen(Stored whole, int firstEpoch, Stored own) {
            Stored earlier = new Stored(whole.losses().whereEpoch(e -> e < firstEpoch),
                    whole.others().stream().filter(m -> m.epoch() < firstEpoch).toList());
            // Steps per epoch from the complete epochs on either side (a run stopped inside its first epoch has none).
            int perEpoch = Math.max(earlier.mostStepsInAnEpoch(), own.mostStepsInAnEpoch());
            long firstStep = Long.MAX_VALUE;
            for (int i = 0; i < own.losses().size(); i++) {
                firstStep = Math.min(firstStep, own.losses().step(i));
            }
            // As the live chart does: the first new step sits at the start of the first new epoch (none: no shift).
            long shift = perEpoch == 0 || firstStep == Long.MAX_VALUE ? 0
                    : Math.max(0, (firstStep - 1) - (long) (firstEpoch - 1) * perEpoch);
            List<MetricPoint> others = new ArrayList<>(earlier.others().size() + own.others().size());
            others.addAll(earlier.others());
            for (MetricPoint m : own.others()) {
                others.add(shift == 0 ? m : new MetricPoint(m.step() - shift, m.epoch(), m.key(), m.value(), m.seconds()));
            }
            return new Stored(earlier.losses().then(own.losses().stepsLowered(shift)), others);
        }
    };

    /** As {@link #replay(RunRecord, Stored)} of points held in a list. */
    public static List<RunEvent> replay(RunRecord run, List<MetricPoint> metrics) {
        return replay(run, Stored.of(metrics));
    }

    /** Started, then per epoch its steps and the epoch's summary, then how the run ended. */
    public static List<RunEvent> replay(RunRecord run, Stored stored) {
        Map<Integer, double[]> epochValues = new TreeMap<>();
        Map<Integer, Map<String, Double>> epochMetrics = new TreeMap<>();
        Map<Integer, Map<String, Double>> epochNorms = new TreeMap<>();
        for (MetricPoint m : stored.others()) {
            if (m.key().equals("validate/loss")) {
                epochValues(epochValues, m.epoch())[0] = m.value();
            } else if (ActivationRecords.isActivationKey(m.key())) {
                // Read below, all at once; an epoch with only these still gets its event.
                epochValues(epochValues, m.epoch());
            } else if (m.key().startsWith(GRAD_NORM)) {
                epochValues(epochValues, m.epoch());
                epochNorms.computeIfAbsent(m.epoch(), e -> new java.util.LinkedHashMap<>())
                        .put(m.key().substring(GRAD_NORM.length()), m.value());
            } else if (m.key().startsWith("validate/")) {
                // validate/accuracy -> val_accuracy, train/kl -> kl; learning rate and test values are not drawn.
                epochValues(epochValues, m.epoch());
                epochMetrics.computeIfAbsent(m.epoch(), e -> new java.util.LinkedHashMap<>())
                        .put("val_" + m.key().substring("validate/".length()), m.value());
            } else if (m.key().startsWith("train/")) {
                // A GAN's epoch may have no validation at all: its D and G losses still make the epoch.
                epochValues(epochValues, m.epoch());
                epochMetrics.computeIfAbsent(m.epoch(), e -> new java.util.LinkedHashMap<>())
                        .put(m.key().substring("train/".length()), m.value());
            }
        }
        Map<Integer, Map<String, ActivationStats>> epochActivations = ActivationRecords.byEpoch(stored.others());
        StepSeries losses = stored.losses();
        Map<Integer, int[]> steps = stepsByEpoch(losses);
        int stepsPerEpoch = steps.values().stream().mapToInt(a -> a.length).max().orElse(1);
        int total = losses.size();
        if (total > MAX_STEPS) {
            // Each epoch keeps its share of the points.
            steps.replaceAll((epoch, at) -> thin(losses, at, Math.max(2, (int) ((long) MAX_STEPS * at.length / total))));
        }
        int epochs = Math.max(steps.keySet().stream().mapToInt(Integer::intValue).max().orElse(0),
                epochValues.keySet().stream().mapToInt(Integer::intValue).max().orElse(0));
        List<RunEvent> out = new ArrayList<>();
        out.add(new RunEvent.Started(run.id(), run.device(), epochs, stepsPerEpoch));
        for (int e = 1; e <= epochs; e++) {
            for (int i : steps.getOrDefault(e, new int[0])) {
                out.add(new RunEvent.Step(losses.step(i), e, losses.value(i), Double.NaN, losses.seconds(i)));
            }
            double[] v = epochValues.get(e);
            if (v != null) {
                out.add(new RunEvent.Epoch(e, Double.NaN, Double.isNaN(v[0]) ? null : v[0],
                        epochMetrics.getOrDefault(e, Map.of()), Double.NaN, Double.NaN, Double.NaN)
                        .withHealth(epochNorms.getOrDefault(e, Map.of()), Map.of(), List.of())
                        .withActivations(epochActivations.getOrDefault(e, Map.of())));
            }
        }
        return out;
    }

    /**
     * Per epoch, the indices of its points in {@code losses}, in order. Taken a run of equal epochs at a time (a run's
     * steps come epoch by epoch), so a million steps cost a few map lookups instead of a million boxed counts.
     */
    private static Map<Integer, int[]> stepsByEpoch(StepSeries losses) {
        Map<Integer, int[]> out = new TreeMap<>();
        int n = losses.size();
        int i = 0;
        while (i < n) {
            int epoch = losses.epoch(i);
            int end = i + 1;
            while (end < n && losses.epoch(end) == epoch) {
                end++;
            }
            int[] before = out.getOrDefault(epoch, new int[0]);
            int[] all = java.util.Arrays.copyOf(before, before.length + end - i);
            for (int k = i; k < end; k++) {
                all[before.length + k - i] = k;
            }
            out.put(epoch, all);
            i = end;
        }
        return out;
    }

    /**
     * At most about {@code max} of the points at {@code at} (indices into {@code losses}, in order): per stretch of
     * equal length its lowest and highest loss (so spikes stay visible), and always the last one.
     */
    static int[] thin(StepSeries losses, int[] at, int max) {
        if (at.length <= max) {
            return at;
        }
        int buckets = Math.max(1, max / 2);
        int[] out = new int[2 * buckets + 1];
        int n = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * at.length / buckets);
            int to = (int) ((long) (b + 1) * at.length / buckets);
            int low = -1;
            int high = -1;
            for (int k = from; k < to; k++) {
                double v = losses.value(at[k]);
                if (low < 0 || v < losses.value(low)) {
                    low = at[k];
                }
                if (high < 0 || v > losses.value(high)) {
                    high = at[k];
                }
            }
            if (low < 0) {
                continue;
            }
            if (low == high) {
                out[n++] = low;
            } else {
                out[n++] = Math.min(low, high);
                out[n++] = Math.max(low, high);
            }
        }
        int last = at[at.length - 1];
        if (out[n - 1] != last) {
            out[n++] = last;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static double[] epochValues(Map<Integer, double[]> byEpoch, int epoch) {
        return byEpoch.computeIfAbsent(epoch, e -> new double[] {Double.NaN, Double.NaN});
    }
}
