package org.netwright.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's metrics in the words the training panel shows: accuracy as a percentage, other metrics and loss parts
 * with their names spelt out ("R² 0.988 · MAE 0.056"), for any task.
 */
final class MetricWords {
    private MetricWords() {
    }

    /**
     * E.g. "Validation accuracy 95.0 %", "Validation R² 0.988 · MAE 0.056 · RMSE 0.071", "Validation D loss 1.64 ·
     * G loss 3.11 · training D loss 1.58 · G loss 2.52".
     */
    static String epoch(Map<String, Double> metrics) {
        return words(metrics, "val_", "Validation ");
    }

    /** The test results of a finished run, e.g. "Test accuracy 97.5 %." or "Test R² 0.99 · MAE 0.05."; "" without. */
    static String test(Map<String, ?> finalValues) {
        Map<String, Double> numbers = new java.util.LinkedHashMap<>();
        finalValues.forEach((k, v) -> {
            if (v instanceof Number n) {
                numbers.put(k, n.doubleValue());
            }
        });
        String w = words(numbers, "test_", "Test ");
        return w.isEmpty() ? "" : " " + w + ".";
    }

    private static String words(Map<String, Double> metrics, String prefix, String lead) {
        List<String> parts = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                continue;
            }
            String key = e.getKey();
            if (key.startsWith(prefix) && !key.equals(prefix + "loss")) {
                parts.add(name(key.substring(prefix.length())) + " " + value(key.substring(prefix.length()), e.getValue()));
            } else if (!key.startsWith("val_") && !key.startsWith("test_") && !key.contains("loss") || key.equals("kl")
                    || key.equals("d_loss") || key.equals("g_loss") || key.equals("recon_loss")) {
                if (prefix.equals("val_")) {
                    plain.add(name(key) + " " + value(key, e.getValue()));
                }
            }
        }
        List<String> all = new ArrayList<>();
        if (!parts.isEmpty()) {
            all.add(lead + String.join(" · ", parts));
        }
        if (!plain.isEmpty()) {
            // Measured on the training batches: named so, or a GAN's D and G losses read twice with other values.
            all.add("training " + String.join(" · ", plain));
        }
        return String.join(" · ", all);
    }

    private static String name(String metric) {
        return org.netwright.model.task.MetricNames.name(metric);
    }

    private static String value(String metric, double v) {
        // A no-break space: a wrapped line never leaves the "%" alone at the start of the next ("35.5\n%").
        return metric.endsWith("accuracy") ? String.format(Locale.ROOT, "%.1f\u00a0%%", 100 * v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
