package org.netwright.runner.optim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a schedule spec into a {@link Schedule}. Grammar: one or more parts joined by {@code +},
 * each {@code name} or {@code name:key=value,key=value}; at most one part may be a warm-up and at
 * most one something else (a lone warm-up warms up to a constant rate). "Epoch" below means
 * {@code step / stepsPerEpoch} counted from 0, and {@code base} the base learning rate.
 * <ul>
 * <li>{@code constant}: {@code base}.</li>
 * <li>{@code step:every=E,gamma=G} (G defaults to 0.1): {@code base * G^floor(epoch / E)}.</li>
 * <li>{@code exponential:gamma=G}: {@code base * G^epoch}.</li>
 * <li>{@code cosine[:min=M,steps=T]} (M defaults to 0, T to the run's total steps):
 * {@code M + (base - M) * (1 + cos(pi * step / T)) / 2}, and M from step T on.</li>
 * <li>{@code warmup:steps=N}: multiplies the other part's rate by {@code (step + 1) / N} while
 * {@code step < N}, so the first step already moves and step N-1 reaches the full rate.</li>
 * <li>{@code onecycle[:max=X,pct=P,div=D,final_div=F,steps=T]} (X defaults to base, P 0.3, D 25,
 * F 1e4, T the total steps), PyTorch's {@code OneCycleLR} with cosine annealing: with
 * {@code a = P*T - 1}, {@code b = T - 1} and {@code cos(s, e, p) = e + (s - e) * (1 + cos(pi*p)) / 2}
 * the rate is {@code cos(X/D, X, step/a)} for {@code step <= a}, then
 * {@code cos(X, X/(D*F), (step - a)/(b - a))}, and {@code X/(D*F)} after step b.</li>
 * <li>{@code range:to=X,steps=N}: the learning-rate range test's ramp, growing by the same factor each step from
 * {@code base} at step 0 to {@code X} at step N-1: {@code base * (X / base)^(step / (N - 1))}, then X.</li>
 * <li>{@code plateau[:patience=P,factor=F,min=M,threshold=R]} (defaults 10, 0.1, 0, 1e-4):
 * starts at base; an epoch improves when its monitored value is below {@code best * (1 - R)}; after
 * more than P epochs without improvement the rate becomes {@code max(rate * F, M)} and the count
 * restarts (PyTorch's {@code ReduceLROnPlateau}, mode min, relative threshold, no cooldown).</li>
 * </ul>
 */
public final class Schedules {
    private static final String NAMES = "constant, step, exponential, cosine, warmup, onecycle, range or plateau";

    private Schedules() {
    }

    /**
     * The schedule for {@code spec}; throws IllegalArgumentException with a one-sentence message naming
     * the bad part.
     */
    public static Schedule parse(String spec, double baseRate, int stepsPerEpoch, long totalSteps) {
        if (!(baseRate > 0) || Double.isInfinite(baseRate)) {
            throw new IllegalArgumentException("The learning rate must be a positive number, not " + baseRate + ".");
        }
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("A schedule needs at least one step per epoch, not " + stepsPerEpoch + ".");
        }
        if (totalSteps < 1) {
            throw new IllegalArgumentException("A schedule needs at least one training step, not " + totalSteps + ".");
        }
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("The schedule is empty; name one of " + NAMES + ".");
        }
        Integer warmupSteps = null;
        Schedule main = null;
        for (String rawPart : spec.split("\\+", -1)) {
            Part part = Part.parse(rawPart.trim(), spec);
            if (part.name.equals("warmup")) {
                if (warmupSteps != null) {
                    throw new IllegalArgumentException("The schedule '" + spec + "' has two warm-up parts; keep one.");
                }
                part.allow("steps");
                warmupSteps = part.positiveInt("steps", null);
            } else {
                if (main != null) {
                    throw new IllegalArgumentException("The schedule '" + spec + "' combines '" + main.describe()
                            + "' with '" + part.text + "'; only a warmup can be added to another schedule.");
                }
                main = build(part, baseRate, stepsPerEpoch, totalSteps);
            }
        }
        if (main == null) {
            main = new Constant(baseRate);
        }
        return warmupSteps == null ? main : new Warmup(warmupSteps, main);
    }

    private static Schedule build(Part p, double base, int stepsPerEpoch, long totalSteps) {
        switch (p.name) {
            case "constant" -> {
                p.allow();
                return new Constant(base);
            }
            case "step" -> {
                p.allow("every", "gamma");
                int every = p.positiveInt("every", null);
                double gamma = p.number("gamma", 0.1, 0, false, Double.POSITIVE_INFINITY);
                return new StepDecay(base, stepsPerEpoch, every, gamma);
            }
            case "exponential" -> {
                p.allow("gamma");
                double gamma = p.number("gamma", null, 0, false, Double.POSITIVE_INFINITY);
                return new Exponential(base, stepsPerEpoch, gamma);
            }
            case "range" -> {
                p.allow("to", "steps");
                double to = p.number("to", null, base, false, Double.POSITIVE_INFINITY);
                int steps = p.positiveInt("steps", null);
                return new Range(base, to, steps);
            }
            case "cosine" -> {
                p.allow("min", "steps");
                double min = p.number("min", 0.0, 0, true, base);
                long steps = p.positiveInt("steps", totalSteps > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) totalSteps);
                return new Cosine(base, min, steps);
            }
            case "onecycle" -> {
                p.allow("max", "pct", "div", "final_div", "steps");
                double max = p.number("max", base, 0, false, Double.POSITIVE_INFINITY);
                double pct = p.number("pct", 0.3, 0, false, 1);
                if (pct >= 1) {
                    throw p.bad("pct", "must be below 1 (the share of steps spent warming up)");
                }
                double div = p.number("div", 25.0, 0, false, Double.POSITIVE_INFINITY);
                double finalDiv = p.number("final_div", 1e4, 0, false, Double.POSITIVE_INFINITY);
                long steps = p.positiveInt("steps", totalSteps > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) totalSteps);
                return new OneCycle(max, pct, div, finalDiv, steps);
            }
            case "plateau" -> {
                p.allow("patience", "factor", "min", "threshold");
                int patience = p.wholeNumber("patience", 10);
                double factor = p.number("factor", 0.1, 0, false, 1);
                if (factor >= 1) {
                    throw p.bad("factor", "must be below 1 (it multiplies the rate when progress stalls)");
                }
                double min = p.number("min", 0.0, 0, true, base);
                double threshold = p.number("threshold", 1e-4, 0, true, 1);
                return new Plateau(base, patience, factor, min, threshold);
            }
            default -> throw new IllegalArgumentException("Unknown schedule '" + p.name + "' in '" + p.spec
                    + "'; choose " + NAMES + ".");
        }
    }

    /** A number as the UI shows it: four significant digits, no trailing zeros. */
    static String num(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x == 0 ? "0" : Double.toString(x);
        }
        return new BigDecimal(x, new MathContext(4)).stripTrailingZeros().toString();
    }

    /** One {@code name:key=value,...} part of a spec. */
    private static final class Part {
        final String text;
        final String spec;
        final String name;
        final Map<String, String> params = new LinkedHashMap<>();

        private Part(String text, String spec, String name) {
            this.text = text;
            this.spec = spec;
            this.name = name;
        }

        static Part parse(String text, String spec) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("The schedule '" + spec + "' has an empty part around '+'.");
            }
            int colon = text.indexOf(':');
            String name = (colon < 0 ? text : text.substring(0, colon)).trim().toLowerCase(java.util.Locale.ROOT);
            Part part = new Part(text, spec, name);
            if (colon >= 0) {
                for (String kv : text.substring(colon + 1).split(",", -1)) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("The schedule part '" + text + "' has '" + kv.trim()
                                + "' where a key=value pair belongs.");
                    }
                    String key = kv.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
                    if (part.params.put(key, kv.substring(eq + 1).trim()) != null) {
                        throw new IllegalArgumentException("The schedule part '" + text + "' sets '" + key + "' twice.");
                    }
                }
            }
            return part;
        }

        void allow(String... keys) {
            Set<String> allowed = Set.of(keys);
            for (String key : params.keySet()) {
                if (!allowed.contains(key)) {
                    throw new IllegalArgumentException("The schedule '" + name + "' has no parameter '" + key + "'"
                            + (keys.length == 0 ? "; it takes none." : "; it takes " + String.join(", ", keys) + "."));
                }
            }
        }

        IllegalArgumentException bad(String key, String why) {
            return new IllegalArgumentException("In the schedule part '" + text + "', " + key + " " + why + ".");
        }

        double number(String key, Double fallback, double low, boolean lowIncluded, double high) {
            String raw = params.get(key);
            if (raw == null) {
                if (fallback == null) {
                    throw new IllegalArgumentException("The schedule '" + name + "' needs " + key + "=..., e.g. "
                            + example() + ".");
                }
                return fallback;
            }
            double v;
            try {
                v = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw bad(key, "must be a number, not '" + raw + "'");
            }
            if (!Double.isFinite(v) || v < low || (!lowIncluded && v == low) || v > high) {
                String range = (lowIncluded ? "at least " : "above ") + num(low)
                        + (Double.isInfinite(high) ? "" : " and at most " + num(high));
                throw bad(key, "must be " + range + ", not " + raw);
            }
            return v;
        }

        int wholeNumber(String key, Integer fallback) {
            String raw = params.get(key);
            if (raw == null) {
                if (fallback == null) {
                    throw new IllegalArgumentException("The schedule '" + name + "' needs " + key + "=..., e.g. "
                            + example() + ".");
                }
                return fallback;
            }
            try {
                int v = Integer.parseInt(raw);
                if (v < 0) {
                    throw bad(key, "must not be negative, not " + raw);
                }
                return v;
            } catch (NumberFormatException e) {
                throw bad(key, "must be a whole number, not '" + raw + "'");
            }
        }

        int positiveInt(String key, Integer fallback) {
            int v = wholeNumber(key, fallback);
            if (v < 1) {
                throw bad(key, "must be at least 1, not " + v);
            }
            return v;
        }

        private String example() {
            return switch (name) {
                case "step" -> "step:every=10,gamma=0.5";
                case "exponential" -> "exponential:gamma=0.95";
                case "range" -> "range:to=1,steps=100";
                case "warmup" -> "warmup:steps=100+cosine";
                default -> name;
            };
        }
    }

    /** The base rate at every step. */
    private record Constant(double base) implements Schedule {
        @Override
        public double rate(long step) {
            return base;
        }

        @Override
        public String describe() {
            return "constant " + num(base);
        }
    }

    /** The base rate times gamma every {@code every} epochs. */
    private record StepDecay(double base, int stepsPerEpoch, int every, double gamma) implements Schedule {
        @Override
        public double rate(long step) {
            long epoch = step / stepsPerEpoch;
            return base * Math.pow(gamma, epoch / every);
        }

        @Override
        public String describe() {
            return "step: " + num(base) + " times " + num(gamma) + " every " + every + (every == 1 ? " epoch" : " epochs");
        }
    }

    /** The base rate times gamma each epoch. */
    /** Grows exponentially from {@code base} to {@code to} over {@code steps} steps (the LR range test). */
    private record Range(double base, double to, int steps) implements Schedule {
        @Override
        public double rate(long step) {
            if (steps == 1 || step >= steps - 1) {
                return to;
            }
            return base * Math.pow(to / base, (double) step / (steps - 1));
        }

        @Override
        public String describe() {
            return "range test: " + num(base) + " to " + num(to) + " over " + steps + " steps";
        }
    }

    private record Exponential(double base, int stepsPerEpoch, double gamma) implements Schedule {
        @Override
        public double rate(long step) {
            return base * Math.pow(gamma, step / stepsPerEpoch);
        }

        @Override
        public String describe() {
            return "exponential: " + num(base) + " times " + num(gamma) + " each epoch";
        }
    }

    /** Half a cosine from the base rate down to {@code min} over {@code steps} steps. */
    private record Cosine(double base, double min, long steps) implements Schedule {
        @Override
        public double rate(long step) {
            if (step >= steps) {
                return min;
            }
            return min + (base - min) * (1 + Math.cos(Math.PI * step / steps)) / 2;
        }

        @Override
        public String describe() {
            return "cosine from " + num(base) + " to " + num(min) + " over " + steps + " steps";
        }
    }

    /** A linear ramp over the first {@code steps} steps, multiplying another schedule. */
    private record Warmup(int steps, Schedule inner) implements Schedule {
        @Override
        public double rate(long step) {
            double r = inner.rate(step);
            return step < steps ? r * (step + 1) / steps : r;
        }

        @Override
        public void epochEnded(int epoch, double monitoredValue) {
            inner.epochEnded(epoch, monitoredValue);
        }

        @Override
        public String describe() {
            return "linear warm-up over " + steps + " steps, then " + inner.describe();
        }

        @Override
        public double[] saveState() {
            return inner.saveState();
        }

        @Override
        public void loadState(double[] state) {
            inner.loadState(state);
        }
    }

    /** Leslie Smith's one-cycle policy in PyTorch's two-phase cosine form. */
    private record OneCycle(double max, double pct, double div, double finalDiv, long steps) implements Schedule {
        @Override
        public double rate(long step) {
            double initial = max / div;
            double last = initial / finalDiv;
            double peak = pct * steps - 1;
            double end = steps - 1;
            if (step >= end) {
                return last;
            }
            if (step <= peak) {
                return anneal(initial, max, peak <= 0 ? 1 : step / peak);
            }
            return anneal(max, last, (step - peak) / (end - peak));
        }

        private static double anneal(double start, double end, double progress) {
            return end + (start - end) / 2 * (1 + Math.cos(Math.PI * progress));
        }

        @Override
        public String describe() {
            return "one-cycle: " + num(max / div) + " up to " + num(max) + " over " + num(pct * 100)
                    + " % of " + steps + " steps, then down to " + num(max / div / finalDiv);
        }
    }

    /** Reduce-on-plateau: the rate drops by {@code factor} when the monitored value stops improving. */
    private static final class Plateau implements Schedule {
        private final double base;
        private final int patience;
        private final double factor;
        private final double min;
        private final double threshold;
        private double current;
        private double best = Double.POSITIVE_INFINITY;
        private int badEpochs;

        Plateau(double base, int patience, double factor, double min, double threshold) {
            this.base = base;
            this.patience = patience;
            this.factor = factor;
            this.min = min;
            this.threshold = threshold;
            this.current = base;
        }

        @Override
        public double rate(long step) {
            return current;
        }

        @Override
        public void epochEnded(int epoch, double monitoredValue) {
            // A NaN never improves (and never becomes the best), so a diverging run also reduces its rate.
            if (monitoredValue < best * (1 - threshold)) {
                best = monitoredValue;
                badEpochs = 0;
            } else {
                badEpochs++;
            }
            if (badEpochs > patience) {
                current = Math.max(current * factor, min);
                badEpochs = 0;
            }
        }

        @Override
        public String describe() {
            return "reduce on plateau: from " + num(base) + ", times " + num(factor) + " after " + patience
                    + " epochs without improvement, not below " + num(min) + " (now " + num(current) + ")";
        }

        @Override
        public double[] saveState() {
            return new double[] {current, best, badEpochs};
        }

        @Override
        public void loadState(double[] state) {
            if (state.length != 3) {
                throw new IllegalArgumentException("A plateau schedule's state has 3 values, not " + state.length + ".");
            }
            current = state[0];
            best = state[1];
            badEpochs = (int) state[2];
        }
    }

    /** The schedule names the spec grammar knows, for menus and help text. */
    public static List<String> names() {
        return List.of("constant", "step", "exponential", "cosine", "warmup", "onecycle", "plateau");
    }
}
