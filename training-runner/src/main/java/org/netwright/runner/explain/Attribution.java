package org.netwright.runner.explain;

import org.netwright.model.shape.Shape;

/**
 * How much each input value counted for one output, shaped like the input (one number per token for token inputs):
 * the method that measured it, the output (class) it explains, and the values, row-major.
 */
public record Attribution(String method, int target, Shape shape, float[] values) {
    public Attribution {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("An attribution shaped " + shape.describe() + " needs " + shape.size()
                    + " values; got " + values.length + ".");
        }
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** The share of the attribution's absolute mass that falls where {@code inside} is true (by flat index). */
    public double massShare(java.util.function.IntPredicate inside) {
        double all = 0;
        double in = 0;
        for (int i = 0; i < values.length; i++) {
            double a = Math.abs(values[i]);
            all += a;
            if (inside.test(i)) {
                in += a;
            }
        }
        return all == 0 ? 0 : in / all;
    }

    /** The sum of the values (for integrated gradients, close to the score's change from the baseline). */
    public double sum() {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
