package org.netwright.model.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.netwright.model.store.MetricPoint;

/**
 * What a stored run reached, as the runs list shows it (the app's Runs window and {@code netwright runs}, one reading
 * for both): the epochs it finished ({@code null} while it runs, since they still change), the validation figures of
 * the last of them, and a note (empty when the figures are the run's final ones) saying where figures that are not its
 * final ones come from.
 *
 * <p>A run with final figures keeps them. One that ended without any (it failed, or its process died) reached the last
 * epoch it finished, read from its per-epoch points ({@code lr} is written once per finished epoch). A run that went on
 * from another and stopped before it measured an epoch of its own has final epochs but no validation figures of its
 * own; the figures of that epoch are the earlier run's, the same point its curve draws there.
 */
public record RunReached(Integer epochs, Double valLoss, Double valAccuracy, Optional<String> note) {
    /**
     * The per-epoch metric keys {@link #of} and {@link #withEarlierRuns} read (a store's {@code epochMeans} of them is
     * enough): the figures, {@code lr} for finished epochs, and {@code train/loss} for where a resumed run's own epochs begin.
     */
    public static final List<String> KEYS = List.of("validate/loss", "validate/accuracy", "lr", "train/loss");
    /** How many runs back a chain of resumed runs is followed (a damaged file could make a loop or a long chain). */
    private static final int MAX_EARLIER_RUNS = 1000;

    /** A running run's reach: unknown until it ends, so no figures. */
    private static final RunReached RUNNING = new RunReached(null, null, null, Optional.empty());

    /** True when {@link #of} needs the run's points; false when its stored final figures say everything. */
    public static boolean needsPoints(RunSummary run) {
        if ("running".equals(run.status())) {
            return false;
        }
        JsonNode epochs = run.finalValues().get("epochs");
        return epochs == null || !epochs.canConvertToInt()
                || epochs.asInt() > 0 && run.metric("val_loss") == null && run.metric("val_accuracy") == null;
    }

    /**
     * What {@code run} reached, given its per-epoch {@code points} (see {@link #withEarlierRuns}: a resumed run's
     * points after those of the runs it went on from); the points are read only when {@link #needsPoints} says so.
     */
    public static RunReached of(RunSummary run, List<MetricPoint> points) {
        if ("running".equals(run.status())) {
            return RUNNING;
        }
        JsonNode finalEpochs = run.finalValues().get("epochs");
        Double loss = run.metric("val_loss");
        Double accuracy = run.metric("val_accuracy");
        if (finalEpochs != null && finalEpochs.canConvertToInt()) {
            int epochs = finalEpochs.asInt();
            if (!needsPoints(run)) {
                return new RunReached(epochs, loss, accuracy, Optional.empty());
            }
            Double l = figure(points, epochs, "validate/loss");
            Double a = figure(points, epochs, "validate/accuracy");
            if (l == null && a == null) {
                return new RunReached(epochs, null, null, Optional.empty()); // a run without validation data
            }
            long from = run.settings().path("resumed_from").asLong(0);
            return new RunReached(epochs, l, a, Optional.of("Run " + run.id() + (from > 0 ? " went on from run " + from
                    + " and" : "") + " " + ended(run) + " before it measured an epoch of its own: these are the figures"
                    + " of epoch " + epochs + (from > 0 ? ", which run " + from + " finished." : ", the last finished.")));
        }
        int last = 0;
        for (MetricPoint p : points) {
            if (p.key().equals("lr") && p.epoch() > last) {
                last = p.epoch();
            }
        }
        if (last == 0) {
            return new RunReached(0, null, null, Optional.of("Run " + run.id() + " " + ended(run)
                    + " before it finished its first epoch."));
        }
        return new RunReached(last, figure(points, last, "validate/loss"), figure(points, last, "validate/accuracy"),
                Optional.of("Run " + run.id() + " " + ended(run) + " in epoch " + (last + 1)
                        + ": these are the figures of epoch " + last + ", the last it finished."));
    }

    private static String ended(RunSummary run) {
        return "interrupted".equals(run.status()) ? "was interrupted" : run.status();
    }

    /** The last finite value of {@code key} at {@code epoch}, null when there is none. */
    private static Double figure(List<MetricPoint> points, int epoch, String key) {
        Double out = null;
        for (MetricPoint p : points) {
            if (p.epoch() == epoch && p.key().equals(key) && Double.isFinite(p.value())) {
                out = p.value();
            }
        }
        return out;
    }

    /**
     * What {@code run} reached, reading points only when its final figures do not say ({@link #needsPoints}): its own
     * per-epoch points after those of the runs it went on from ({@link #withEarlierRuns}). {@code runs} finds a run by
     * id, {@code points} reads a run's per-epoch points ({@link #KEYS}). The Runs window and {@code netwright runs}
     * both read a run this way.
     */
    public static RunReached read(RunSummary run, LongFunction<Optional<RunSummary>> runs,
                                  LongFunction<List<MetricPoint>> points) {
        return of(run, needsPoints(run) ? withEarlierRuns(run, points.apply(run.id()), runs, points) : List.of());
    }

    /**
     * {@code own} (run's per-epoch points) after the points of the runs it went on from ({@code resumed_from} in its
     * settings, followed back) for the epochs before its own first one: the epochs its curve draws. {@code runs} finds
     * a run by id, {@code points} reads a run's per-epoch points.
     */
    public static List<MetricPoint> withEarlierRuns(RunSummary run, List<MetricPoint> own,
                                                    LongFunction<Optional<RunSummary>> runs,
                                                    LongFunction<List<MetricPoint>> points) {
        return withEarlierRuns(run, own, runs, points, LIST);
    }

    /**
     * A run's points held some way (a list here; the app's charts hold a million steps as columns and move a resumed
     * run's steps on): what {@link #withEarlierRuns(RunSummary, Object, LongFunction, LongFunction, Points)} needs of
     * them, so which earlier epochs a resumed run takes on is decided in one place whatever holds the points.
     */
    public interface Points<P> {
        /** The first epoch {@code points} hold, {@link Integer#MAX_VALUE} when they hold none. */
        int firstEpoch(P points);

        /** {@code earlier}'s points of the epochs before {@code before}, then {@code own}. */
        P earlierThen(P earlier, int before, P own);
    }

    /** Points held in a list, as the runs list reads them. */
    private static final Points<List<MetricPoint>> LIST = new Points<>() {
        @Override
        public int firstEpoch(List<MetricPoint> points) {
            return points.stream().mapToInt(MetricPoint::epoch).min().orElse(Integer.MAX_VALUE);
        }

        @Override
        public List<MetricPoint> earlierThen(List<MetricPoint> earlier, int before, List<MetricPoint> own) {
            List<MetricPoint> out = new ArrayList<>();
            for (MetricPoint p : earlier) {
                if (p.epoch() < before) {
                    out.add(p);
                }
            }
            out.addAll(own);
            return out;
        }
    };

    /**
     * As {@link #withEarlierRuns(RunSummary, List, LongFunction, LongFunction)} for points held as {@code as} says:
     * the chain of runs followed back (a run no longer stored ends it, a loop or an overlong chain in a damaged file
     * too) and each earlier run's epochs before the later run's own first one. A run with no point of its own (stopped
     * inside its first epoch of its own, or before its first step) takes on all of the earlier run's epochs.
     */
    public static <P> P withEarlierRuns(RunSummary run, P own, LongFunction<Optional<RunSummary>> runs,
                                        LongFunction<P> points, Points<P> as) {
        return withEarlierRuns(run, own, runs, points, as, new HashSet<>());
    }

    private static <P> P withEarlierRuns(RunSummary run, P own, LongFunction<Optional<RunSummary>> runs,
                                         LongFunction<P> points, Points<P> as, Set<Long> seen) {
        seen.add(run.id());
        long from = run.settings().path("resumed_from").asLong(0);
        if (from <= 0 || seen.contains(from) || seen.size() > MAX_EARLIER_RUNS) {
            return own;
        }
        Optional<RunSummary> earlier = runs.apply(from);
        if (earlier.isEmpty()) {
            return own;
        }
        P whole = withEarlierRuns(earlier.get(), points.apply(from), runs, points, as, seen);
        return as.earlierThen(whole, as.firstEpoch(own), own);
    }
}
