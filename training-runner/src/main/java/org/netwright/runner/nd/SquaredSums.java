package org.netwright.runner.nd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Each array's sum of squares, computed in the engine and read back in one transfer: on small models a read-back per
 * array cost more than the sums themselves (gradient clipping and the per-layer gradient norms both need them).
 */
public final class SquaredSums {
    private SquaredSums() {
    }

    /**
     * The sums of squares of {@code arrays}, in their order. With {@code doublePrecision} each array is widened
     * first (the squares of a vanishing layer's gradients underflow a float); otherwise the sums are the engine's
     * float sums. Every array made here is closed before returning.
     */
    public static double[] of(List<NDArray> arrays, boolean doublePrecision) {
        if (arrays.isEmpty()) {
            return new double[0];
        }
        NDList sums = new NDList(arrays.size());
        List<NDArray> made = new ArrayList<>(3 * arrays.size() + 1);
        try {
            for (NDArray a : arrays) {
                NDArray source = a;
                if (doublePrecision) {
                    source = a.toType(DataType.FLOAT64, true);
                    made.add(source);
                }
                NDArray square = source.square();
                made.add(square);
                NDArray total = square.sum();
                made.add(total);
                sums.add(total);
            }
            NDArray all = sums.size() == 1 ? sums.get(0) : NDArrays.stack(sums);
            if (all != sums.get(0)) {
                made.add(all);
            }
            if (doublePrecision) {
                return all.toDoubleArray();
            }
            float[] values = all.toFloatArray();
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i];
            }
            return out;
        } finally {
            made.forEach(NDArray::close);
        }
    }
}
