package org.netwright.runner.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.netwright.model.graph.Graph;
import org.netwright.model.run.RunEvent;
import org.netwright.model.settings.TrainingOptions;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.Task;
import org.netwright.runner.run.RunListener;
import org.netwright.runner.run.TrainingRun;

/**
 * The learning-rate range test: trains a throw-away copy of the network on its training data while the rate grows
 * exponentially from {@code from} to {@code to} over {@code steps} steps (the {@code range} schedule), records each
 * step's loss at its rate, and stops early once the smoothed loss explodes ({@link RateCurve#diverged}). Nothing is
 * saved, so the project's weights are untouched.
 */
public final class RateRangeTest {
    public static final double DEFAULT_FROM = 1e-6;
    public static final double DEFAULT_TO = 1;
    public static final int DEFAULT_STEPS = 100;

    /** The curve, whether it stopped on divergence, and a sentence saying what to use. */
    public record Result(RateCurve curve, boolean diverged, OptionalDouble suggested, String sentence) {
    }

    private RateRangeTest() {
    }

    /**
     * Runs the test on the calling thread; {@code progress} hears each step's rate and loss. Throws
     * IllegalArgumentException with the reason for rates that are not {@code 0 < from < to} or fewer than
     * {@link RateCurve#SETTLE_STEPS} + 2 steps, and for a GAN.
     */
    public static Result run(Graph graph, TrainingSettings settings, CheckData data, double from, double to,
                             int steps, Consumer<double[]> progress) {
        Objects.requireNonNull(progress, "progress");
        if (!(from > 0) || !(to > from) || Double.isInfinite(to)) {
            throw new IllegalArgumentException("The rate range needs 0 < from < to; got from " + from + " to " + to
                    + ".");
        }
        if (steps < RateCurve.SETTLE_STEPS + 2) {
            throw new IllegalArgumentException("The rate range test needs at least " + (RateCurve.SETTLE_STEPS + 2)
                    + " steps, not " + steps + ".");
        }
        TrainingOptions o = settings.options().withEarlyStopping(0, settings.options().monitor())
                .withRestoreBest(false)
                .withSchedule(String.format(Locale.ROOT, "range:to=%s,steps=%d", Double.toString(to), steps));
        // Enough epochs for every step even with a single step per epoch; the listener stops the run at the last.
        TrainingSettings s = settings.withLearningRate(from).withEpochs(steps).withOptions(o);
        TrainingRun run = data.run(graph, s);
        Task task = run.task();
        if (task != null && Task.GAN.equals(task.recipe())) {
            throw new IllegalArgumentException("The rate range test does not apply to a GAN: its two losses pull"
                    + " against each other, so neither falls steadily with the rate.");
        }
        List<double[]> points = new ArrayList<>();
        boolean[] diverged = new boolean[1];
        double[] avg = {0};
        double[] lowest = {Double.POSITIVE_INFINITY};
        run.addListener(new RunListener() {
            @Override
            public void step(RunEvent.Step e) {
                int i = points.size();
                points.add(new double[] {e.lr(), e.trainLoss()});
                progress.accept(new double[] {e.lr(), e.trainLoss()});
                double smoothed;
                if (Double.isFinite(e.trainLoss()) && Double.isFinite(avg[0])) {
                    avg[0] = RateCurve.SMOOTHING * avg[0] + (1 - RateCurve.SMOOTHING) * e.trainLoss();
                    smoothed = avg[0] / (1 - Math.pow(RateCurve.SMOOTHING, i + 1));
                } else {
                    avg[0] = Double.POSITIVE_INFINITY;
                    smoothed = avg[0];
                }
                if (RateCurve.diverged(smoothed, lowest[0], i)) {
                    diverged[0] = true;
                    run.stop();
                }
                lowest[0] = Math.min(lowest[0], smoothed);
                if (points.size() >= steps) {
                    run.stop();
                }
            }

            @Override
            public void failed(RunEvent.Failed e) {
                // A loss that became NaN or infinite ends the run: the rate was too high from here on.
                diverged[0] = !points.isEmpty();
            }
        });
        run.run();
        double[] rates = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] losses = points.stream().mapToDouble(p -> p[1]).toArray();
        RateCurve curve = RateCurve.of(rates, losses);
        OptionalDouble suggested = curve.suggested();
        return new Result(curve, diverged[0], suggested, sentence(curve, diverged[0], suggested, from, to));
    }

    static String sentence(RateCurve curve, boolean diverged, OptionalDouble suggested, double from,
                                   double to) {
        int n = curve.losses().length;
        if (n == 0) {
            return "The rate range test did not train a single step.";
        }
        String ended = diverged ? "the loss exploded at a rate of " + num(curve.rates()[n - 1])
                : "the loss did not explode up to a rate of " + num(curve.rates()[n - 1]);
        if (suggested.isEmpty()) {
            return "The loss never fell between the rates " + num(from) + " and " + num(curve.rates()[n - 1]) + " ("
                    + ended + "); try a wider range or check the network with the overfit check.";
        }
        int low = curve.lowest().orElse(0);
        return "Suggested learning rate " + num(suggested.getAsDouble()) + ", where the loss fell fastest; the lowest"
                + " loss came at a rate of " + num(curve.rates()[low]) + ", and " + ended + ".";
    }

    static String num(double x) {
        return String.format(Locale.ROOT, "%.3g", x);
    }
}
