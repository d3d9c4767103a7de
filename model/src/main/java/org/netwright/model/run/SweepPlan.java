package org.netwright.model.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** A random search: the settings it varies, and the trials it draws from them with a seed (same seed, same trials). */
public record SweepPlan(List<SweepParam> params) {
    public SweepPlan {
        params = List.copyOf(params);
        Set<String> seen = new HashSet<>();
        for (SweepParam p : params) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("--param " + p.name() + " is given twice.");
            }
        }
        if (params.isEmpty()) {
            throw new IllegalArgumentException("A sweep needs at least one --param NAME=SPEC to vary.");
        }
    }

    /** Reads each {@code NAME=SPEC}; throws IllegalArgumentException for the first that is wrong. */
    public static SweepPlan parse(List<String> specs) {
        return new SweepPlan(specs.stream().map(SweepParam::parse).toList());
    }

    /** {@code n} trials' values, setting name to number, in the order of the params; the same for the same seed. */
    public List<Map<String, Number>> trials(int n, long seed) {
        Random random = new Random(seed);
        List<Map<String, Number>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Number> trial = new LinkedHashMap<>();
            for (SweepParam p : params) {
                trial.put(p.name(), p.draw(random));
            }
            out.add(trial);
        }
        return out;
    }

    /** Whether a larger value of a metric is better (accuracies, R²); losses and errors are better smaller. */
    public static boolean higherIsBetter(String metric) {
        return metric.endsWith("accuracy") || metric.endsWith("r2");
    }
}
