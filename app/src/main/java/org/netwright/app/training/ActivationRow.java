package org.netwright.app.training;

import java.util.Locale;
import org.netwright.model.run.ActivationStats;
import org.netwright.model.run.HealthRules;

/**
 * One layer's outputs on a training batch at the end of the latest epoch, as the training panel lists them: the
 * numbers in words and what looks wrong ("mostly zero", "constant"), or empty.
 */
public record ActivationRow(String layer, String mean, String std, String zeros, String problem) {

    /** The row of {@code layer} with statistics {@code s}. */
    public static ActivationRow of(String layer, ActivationStats s) {
        String problem = "";
        if (s.zeros() >= HealthRules.DEAD_FRACTION) {
            problem = String.format(Locale.ROOT, "mostly zero (%.0f %%)", 100 * s.zeros());
        } else if (s.std() == 0) {
            problem = "constant";
        }
        return new ActivationRow(layer, number(s.mean()), number(s.std()), percent(s.zeros()), problem);
    }

    /** True when the row says something looks wrong. */
    public boolean isProblem() {
        return !problem.isEmpty();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
