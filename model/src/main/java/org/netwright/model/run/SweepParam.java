package org.netwright.model.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * One setting a random search varies, and how: {@code lr=log:1e-4..1e-1} (log-uniform), {@code dropout=0.1..0.5}
 * (uniform), {@code batch_size=16,32,64} (one of the values), {@code width=16,32,64} (the units of every hidden Dense
 * layer). Whole-number settings are rounded.
 *
 * @param name   the setting ({@link #NAMES})
 * @param kind   {@code log}, {@code range} or {@code choice}
 * @param low    the range's lower end (range and log)
 * @param high   the range's upper end (range and log)
 * @param values the choices (choice)
 */
public record SweepParam(String name, String kind, double low, double high, List<Double> values) {
    /** The settings a sweep can vary, with their allowed bounds {low, high} and whether they are whole numbers. */
    public static final Map<String, double[]> NAMES = Map.of(
            "lr", new double[] {1e-12, 10, 0},
            "batch_size", new double[] {1, 1_000_000, 1},
            "dropout", new double[] {0, 0.99, 0},
            "weight_decay", new double[] {0, 10, 0},
            "momentum", new double[] {0, 0.9999, 0},
            "epochs", new double[] {1, 100_000, 1},
            // The units of every hidden Dense layer (train --width).
            "width", new double[] {1, 100_000, 1});

    public SweepParam {
        values = List.copyOf(values);
    }

    /** Reads {@code NAME=SPEC}; throws IllegalArgumentException with a sentence saying what is wrong. */
    public static SweepParam parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("--param takes NAME=SPEC, e.g. lr=log:1e-4..1e-1, dropout=0.1..0.5 or"
                    + " batch_size=16,32,64; got '" + text + "'.");
        }
        String name = text.substring(0, eq).trim();
        String spec = text.substring(eq + 1).trim();
        double[] bounds = NAMES.get(name);
        if (bounds == null) {
            throw new IllegalArgumentException("--param " + name + " is not a setting a sweep can vary; choose from "
                    + String.join(", ", NAMES.keySet().stream().sorted().toList()) + ".");
        }
        SweepParam p;
        boolean log = spec.startsWith("log:");
        String body = log ? spec.substring(4) : spec;
        if (body.contains("..")) {
            String[] ends = body.split("\\.\\.", -1);
            if (ends.length != 2) {
                throw new IllegalArgumentException("--param " + name + ": a range is LOW..HIGH; got '" + spec + "'.");
            }
            double lo = number(name, ends[0]);
            double hi = number(name, ends[1]);
            if (!(lo < hi)) {
                throw new IllegalArgumentException("--param " + name + ": the range's low end must be below its high"
                        + " end; got " + spec + ".");
            }
            if (log && lo <= 0) {
                throw new IllegalArgumentException("--param " + name + ": a log range needs a low end above 0; got "
                        + spec + ".");
            }
            p = new SweepParam(name, log ? "log" : "range", lo, hi, List.of());
        } else {
            if (log) {
                throw new IllegalArgumentException("--param " + name + ": log: takes a range LOW..HIGH; got '" + spec
                        + "'.");
            }
            List<Double> vs = new ArrayList<>();
            for (String v : body.split(",", -1)) {
                vs.add(number(name, v));
            }
            p = new SweepParam(name, "choice", Double.NaN, Double.NaN, vs);
        }
        p.check(bounds);
        return p;
    }

    private void check(double[] bounds) {
        List<Double> ends = kind.equals("choice") ? values : List.of(low, high);
        for (double v : ends) {
            if (v < bounds[0] || v > bounds[1] || bounds[2] == 1 && kind.equals("choice") && v != Math.rint(v)) {
                throw new IllegalArgumentException("--param " + name + ": " + format(v) + " is outside what "
                        + name + " allows (" + format(bounds[0]) + " to " + format(bounds[1])
                        + (bounds[2] == 1 ? ", whole numbers" : "") + ").");
            }
        }
    }

    private static double number(String name, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException("--param " + name + ": '" + text.trim() + "' is not a number.");
    }

    /** Whether the setting is a whole number (batch size, epochs). */
    public boolean whole() {
        return NAMES.get(name)[2] == 1;
    }

    /** A value drawn from this parameter's distribution. */
    public Number draw(Random random) {
        double v = switch (kind) {
            case "log" -> Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
            case "range" -> low + random.nextDouble() * (high - low);
            default -> values.get(random.nextInt(values.size()));
        };
        return whole() ? (Number) Math.round(v) : (Number) v;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
