package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netwright.model.task.DataField;

/**
 * Running sums over an evaluation's batches for one objective, giving its metrics at the end: accuracy (class
 * ids), token accuracy and perplexity (token ids), and MAE, RMSE and R² (values, over every number).
 */
final class MetricSums {
    private final DataField target;
    /** Turns errors in the target's values into the data's own units (its standard deviation when standardized). */
    private final double scale;
    private double lossSum;
    private long lossCount;
    private long hits;
    private long predictions;
    private double absError;
    private double squaredError;
    private double sum;
    private double sumSquares;
    private long values;

    MetricSums(DataField target) {
        this(target, 1);
    }

    /** Sums for a target whose values are {@code scale} units of the data as given (MAE and RMSE are reported in those). */
    MetricSums(DataField target, double scale) {
        this.target = target;
        this.scale = scale;
    }

    /** Adds a batch: its mean loss over {@code items} items, the network's output and the target's values. */
    void add(double meanLoss, int items, NDArray output, float[] targetValues) {
        lossSum += meanLoss * items;
        lossCount += items;
        switch (target.kind()) {
            case CLASS_ID, TOKEN_IDS -> {
                long classes = output.getShape().get(output.getShape().dimension() - 1);
                long[] predicted = output.reshape(-1, classes).argMax(1).toLongArray();
                for (int i = 0; i < predicted.length; i++) {
                    hits += predicted[i] == (long) targetValues[i] ? 1 : 0;
                }
                predictions += predicted.length;
            }
            default -> {
                float[] out = output.toFloatArray();
                for (int i = 0; i < out.length; i++) {
                    double y = targetValues[i];
                    double e = out[i] - y;
                    absError += Math.abs(e);
                    squaredError += e * e;
                    sum += y;
                    sumSquares += y * y;
                }
                values += out.length;
            }
        }
    }

    double meanLoss() {
        return lossCount == 0 ? Double.NaN : lossSum / lossCount;
    }

    /** The metrics this objective reports, by unprefixed name, for its loss {@code lossName}. */
    Map<String, Double> metrics(String lossName) {
        Map<String, Double> out = new LinkedHashMap<>();
        switch (target.kind()) {
            case CLASS_ID -> out.put("accuracy", (double) hits / Math.max(1, predictions));
            case TOKEN_IDS -> {
                out.put("token_accuracy", (double) hits / Math.max(1, predictions));
                if (lossName.equals("cross_entropy")) {
                    out.put("perplexity", Math.exp(meanLoss()));
                }
            }
            default -> {
                if (values > 0) {
                    out.put("mae", scale * absError / values);
                    out.put("rmse", scale * Math.sqrt(squaredError / values));
                    double total = sumSquares - sum * sum / values;
                    out.put("r2", total > 0 ? 1 - squaredError / total : Double.NaN);
                }
            }
        }
        return out;
    }
}
