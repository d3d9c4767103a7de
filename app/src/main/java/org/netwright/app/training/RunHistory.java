package org.netwright.app.training;

import org.netwright.model.run.ActivationRecords;
import org.netwright.model.run.ActivationStats;
import org.netwright.model.run.RunEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.RunRecord;

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

    /**
     * Every step's training loss of a stored run, in the order stored: what {@link #replay} thins for the events,
     * kept whole so the loss chart's CSV holds every step of a reopened run too.
     */
    public record Losses(long[] steps, double[] values) {
        /** How many steps. */
        public int size() {
            return steps.length;
        }
    }

    /** A stored run read back: its events ({@link #replay}) and every step's loss ({@link #losses}). */
    public record Replay(List<RunEvent> events, Losses losses) {
    }

    /** The run read back whole: {@link #replay} and {@link #losses} of the same metrics. */
    public static Replay read(RunRecord run, List<MetricPoint> metrics) {
        return new Replay(replay(run, metrics), losses(metrics));
    }

    /** The longest chain of resumed runs followed back (a guard: ids are not expected to loop). */
    static final int MAX_EARLIER_RUNS = 1000;

    /**
     * A run's metrics preceded, when it resumed another run, by that run's epochs before its own first one (and so on
     * up the chain of resumed runs), its own steps moved so its first epoch begins where the earlier run's left off
     * (a stop inside an epoch trains that epoch again): a reopened resumed run is drawn as the live one was.
     * {@code runs} finds a stored run by id, {@code metrics} reads a run's points; a run no longer stored ends the chain.
     */
    public static List<MetricPoint> withEarlierRuns(RunRecord run, List<MetricPoint> own,
                                                    java.util.function.LongFunction<java.util.Optional<RunRecord>> runs,
                                                    java.util.function.LongFunction<List<MetricPoint>> metrics) {
        return withEarlierRuns(run, own, runs, metrics, new java.util.HashSet<>());
    }

    private static List<MetricPoint> withEarlierRuns(RunRecord run, List<MetricPoint> own,
                                                     java.util.function.LongFunction<java.util.Optional<RunRecord>> runs,
                                                     java.util.function.LongFunction<List<MetricPoint>> metrics,
                                                     java.util.Set<Long> seen) {
        seen.add(run.id());
        long parentId = org.netwright.model.run.RunSummary.of(run, java.time.Instant.now()).settings()
                .path("resumed_from").asLong(0);
        java.util.Optional<RunRecord> parent = parentId <= 0 || seen.contains(parentId)
                || seen.size() > MAX_EARLIER_RUNS ? java.util.Optional.empty() : runs.apply(parentId);
        if (parent.isEmpty() || own.isEmpty()) {
            return own;
        }
        int firstEpoch = own.stream().mapToInt(MetricPoint::epoch).min().orElse(1);
        List<MetricPoint> earlier = withEarlierRuns(parent.get(), metrics.apply(parentId), runs, metrics, seen)
                .stream().filter(m -> m.epoch() < firstEpoch).toList();
        // Steps per epoch from the complete epochs on either side (a run stopped inside its first epoch has none).
        Map<String, Integer> stepsPerEpoch = new java.util.HashMap<>();
        for (List<MetricPoint> side : List.of(earlier, own)) {
            for (MetricPoint m : side) {
                if (m.key().equals("train/loss")) {
                    stepsPerEpoch.merge((side == own ? "own " : "earlier ") + m.epoch(), 1, Integer::sum);
                }
            }
        }
        int perEpoch = stepsPerEpoch.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long firstStep = own.stream().filter(m -> m.key().equals("train/loss")).mapToLong(MetricPoint::step).min()
                .orElse(1);
        // As the live chart does: the first new step sits at the start of the first new epoch.
        long shift = perEpoch == 0 ? 0 : Math.max(0, (firstStep - 1) - (long) (firstEpoch - 1) * perEpoch);
        List<MetricPoint> out = new ArrayList<>(earlier.size() + own.size());
        out.addAll(earlier);
        for (MetricPoint m : own) {
            out.add(shift == 0 ? m : new MetricPoint(m.step() - shift, m.epoch(), m.key(), m.value(), m.seconds()));
        }
        return out;
    }

    /** The {@code train/loss} points among {@code metrics}, every one. */
    public static Losses losses(List<MetricPoint> metrics) {
        int n = 0;
        for (MetricPoint m : metrics) {
            if (m.key().equals("train/loss")) {
                n++;
            }
        }
        long[] steps = new long[n];
        double[] values = new double[n];
        int i = 0;
        for (MetricPoint m : metrics) {
            if (m.key().equals("train/loss")) {
                steps[i] = m.step();
                values[i++] = m.value();
            }
        }
        return new Losses(steps, values);
    }

    /** Started, then per epoch its steps and the epoch's summary, then how the run ended. */
    public static List<RunEvent> replay(RunRecord run, List<MetricPoint> metrics) {
        Map<Integer, List<RunEvent.Step>> steps = new TreeMap<>();
        Map<Integer, double[]> epochValues = new TreeMap<>();
        Map<Integer, Map<String, Double>> epochMetrics = new TreeMap<>();
        Map<Integer, Map<String, Double>> epochNorms = new TreeMap<>();
        for (MetricPoint m : metrics) {
            switch (m.key()) {
                case "train/loss" -> steps.computeIfAbsent(m.epoch(), e -> new ArrayList<>())
                        .add(new RunEvent.Step(m.step(), m.epoch(), m.value(), Double.NaN, m.seconds()));
                case "validate/loss" -> epochValues(epochValues, m.epoch())[0] = m.value();
                default -> {
                    // validate/accuracy -> val_accuracy, train/kl -> kl; learning rate and test values are not drawn.
                    if (ActivationRecords.isActivationKey(m.key())) {
                        // Read below, all at once; an epoch with only these still gets its event.
                        epochValues(epochValues, m.epoch());
                    } else if (m.key().startsWith(GRAD_NORM)) {
                        epochValues(epochValues, m.epoch());
                        epochNorms.computeIfAbsent(m.epoch(), e -> new java.util.LinkedHashMap<>())
                                .put(m.key().substring(GRAD_NORM.length()), m.value());
                    } else if (m.key().startsWith("validate/")) {
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
            }
        }
        Map<Integer, Map<String, ActivationStats>> epochActivations = ActivationRecords.byEpoch(metrics);
        int stepsPerEpoch = steps.values().stream().mapToInt(List::size).max().orElse(1);
        int total = steps.values().stream().mapToInt(List::size).sum();
        if (total > MAX_STEPS) {
            // Each epoch keeps its share of the points.
            steps.replaceAll((epoch, list) -> thin(list, Math.max(2, (int) ((long) MAX_STEPS * list.size() / total))));
        }
        int epochs = Math.max(steps.keySet().stream().mapToInt(Integer::intValue).max().orElse(0),
                epochValues.keySet().stream().mapToInt(Integer::intValue).max().orElse(0));
        List<RunEvent> out = new ArrayList<>();
        out.add(new RunEvent.Started(run.id(), run.device(), epochs, stepsPerEpoch));
        for (int e = 1; e <= epochs; e++) {
            out.addAll(steps.getOrDefault(e, List.of()));
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
     * At most about {@code max} of {@code steps}, in order: per stretch of equal length its lowest and highest loss
     * (so spikes stay visible), and always the last step.
     */
    static List<RunEvent.Step> thin(List<RunEvent.Step> steps, int max) {
        if (steps.size() <= max) {
            return steps;
        }
        int buckets = Math.max(1, max / 2);
        List<RunEvent.Step> out = new ArrayList<>(max + 1);
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * steps.size() / buckets);
            int to = (int) ((long) (b + 1) * steps.size() / buckets);
            RunEvent.Step low = null;
            RunEvent.Step high = null;
            for (int i = from; i < to; i++) {
                RunEvent.Step s = steps.get(i);
                if (low == null || s.trainLoss() < low.trainLoss()) {
                    low = s;
                }
                if (high == null || s.trainLoss() > high.trainLoss()) {
                    high = s;
                }
            }
            if (low == null) {
                continue;
            }
            if (low == high) {
                out.add(low);
            } else if (low.step() < high.step()) {
                out.add(low);
                out.add(high);
            } else {
                out.add(high);
                out.add(low);
            }
        }
        RunEvent.Step last = steps.get(steps.size() - 1);
        if (out.get(out.size() - 1) != last) {
            out.add(last);
        }
        return out;
    }

    private static double[] epochValues(Map<Integer, double[]> byEpoch, int epoch) {
        return byEpoch.computeIfAbsent(epoch, e -> new double[] {Double.NaN, Double.NaN});
    }
}
