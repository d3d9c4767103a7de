package org.netwright.model.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers a run ends with: the last epoch's train loss (NaN when none was measured), the validation and test
 * results by their JSON names ({@code val_loss}, {@code val_accuracy}, {@code test_r2}, ...; absent when not
 * measured, e.g. a stopped run's test), which weights they were computed with ({@code last} or {@code best epoch N})
 * and where it ran.
 */
public record FinalMetrics(double trainLoss, Map<String, Double> values, String weights, String device, int epochs,
                           long steps) {
    public FinalMetrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Double valLoss() {
        return values.get("val_loss");
    }

    public Double valAccuracy() {
        return values.get("val_accuracy");
    }

    public Double testLoss() {
        return values.get("test_loss");
    }

    public Double testAccuracy() {
        return values.get("test_accuracy");
    }

    /** A value by its JSON name, null when not measured. */
    public Double get(String name) {
        return values.get(name);
    }
}
