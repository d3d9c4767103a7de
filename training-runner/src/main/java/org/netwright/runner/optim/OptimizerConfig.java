package org.netwright.runner.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which optimizer to train with and its parameters; a parameter left out takes PyTorch's default
 * (see {@link #defaults}). Names: {@code sgd}, {@code momentum}, {@code nesterov}, {@code adagrad},
 * {@code rmsprop}, {@code adam}, {@code adamw}. Parameter keys: {@code momentum}, {@code beta1},
 * {@code beta2}, {@code epsilon}, {@code alpha} ({@code rho} is accepted as its other name),
 * {@code weight_decay} (decoupled for adamw, an L2 term added to the gradient for the others) and
 * {@code l1} (adds {@code l1 * sign(w)} to the gradient).
 *
 * @param name the optimizer, lower case
 * @param params the parameters the user set, without defaults
 */
public record OptimizerConfig(String name, Map<String, Double> params) {
    private static final Map<String, Map<String, Double>> DEFAULTS = defaultsTable();

    /** Normalizes the name and keys to lower case and {@code rho} to {@code alpha}; copies the map. */
    public OptimizerConfig {
        name = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Map<String, Double> copy = new LinkedHashMap<>();
        if (params != null) {
            params.forEach((k, v) -> {
                String key = k.trim().toLowerCase(Locale.ROOT).replace('-', '_');
                if (v == null) {
                    throw new IllegalArgumentException("The optimizer parameter '" + key + "' has no value.");
                }
                copy.put(key.equals("rho") ? "alpha" : key, v);
            });
        }
        params = Map.copyOf(copy);
    }

    /** The optimizer {@code name} with every parameter at its default. */
    public static OptimizerConfig of(String name) {
        return new OptimizerConfig(name, Map.of());
    }

    /** This config with {@code key} set to {@code value}. */
    public OptimizerConfig with(String key, double value) {
        Map<String, Double> copy = new LinkedHashMap<>(params);
        copy.put(key, value);
        return new OptimizerConfig(name, copy);
    }

    /** The optimizer names, in the order menus show them. */
    public static List<String> names() {
        return List.copyOf(DEFAULTS.keySet());
    }

    /** Every parameter {@code name} takes, with its default; empty for an unknown name. */
    public static Map<String, Double> defaults(String name) {
        return DEFAULTS.getOrDefault(name == null ? "" : name.trim().toLowerCase(Locale.ROOT), Map.of());
    }

    /** The value of {@code key}: as set, else its default; throws for a key this optimizer does not take. */
    public double get(String key) {
        Map<String, Double> defaults = defaults(name);
        if (!defaults.containsKey(key)) {
            throw new IllegalArgumentException("The optimizer '" + name + "' has no parameter '" + key + "'.");
        }
        return params.getOrDefault(key, defaults.get(key));
    }

    /** What is wrong with this config, one sentence each; empty when it can build an optimizer. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Map<String, Double> defaults = defaults(name);
        if (defaults.isEmpty()) {
            problems.add("Unknown optimizer '" + name + "'; choose " + String.join(", ", names()) + ".");
            return problems;
        }
        for (Map.Entry<String, Double> p : new TreeMap<>(params).entrySet()) {
            String key = p.getKey();
            Double v = p.getValue();
            if (!defaults.containsKey(key)) {
                problems.add("The optimizer '" + name + "' has no parameter '" + key + "'; it takes "
                        + String.join(", ", defaults.keySet()) + ".");
            } else if (!Double.isFinite(v)) {
                problems.add("The " + key + " of " + name + " must be a finite number, not " + v + ".");
            } else {
                String range = switch (key) {
                    case "momentum", "beta1", "beta2", "alpha" -> v >= 0 && v < 1 ? null : "at least 0 and below 1";
                    case "epsilon" -> v > 0 ? null : "above 0";
                    default -> v >= 0 ? null : "at least 0";
                };
                if (range != null) {
                    problems.add("The " + key + " of " + name + " must be " + range + ", not " + Schedules.num(v) + ".");
                }
            }
        }
        return problems;
    }

    private static Map<String, Map<String, Double>> defaultsTable() {
        Map<String, Map<String, Double>> t = new LinkedHashMap<>();
        t.put("sgd", table("weight_decay", 0.0, "l1", 0.0));
        t.put("momentum", table("momentum", 0.9, "weight_decay", 0.0, "l1", 0.0));
        t.put("nesterov", table("momentum", 0.9, "weight_decay", 0.0, "l1", 0.0));
        t.put("adagrad", table("epsilon", 1e-10, "weight_decay", 0.0, "l1", 0.0));
        t.put("rmsprop", table("alpha", 0.99, "epsilon", 1e-8, "weight_decay", 0.0, "l1", 0.0));
        t.put("adam", table("beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8, "weight_decay", 0.0, "l1", 0.0));
        t.put("adamw", table("beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8, "weight_decay", 0.01, "l1", 0.0));
        return t;
    }

    private static Map<String, Double> table(Object... keyValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], (Double) keyValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
