package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.netwright.templates.data.Dataset;

/** Copies chosen samples of a dataset into NDArrays of one batch, in the manager of that batch's step. */
final class Batches {
    private final Dataset data;
    private final boolean oneHotTargets;

    /** With {@code oneHotTargets} the labels become one-hot float rows (for MSE); otherwise class ids (for cross-entropy). */
    Batches(Dataset data, boolean oneHotTargets) {
        this.data = data;
        this.oneHotTargets = oneHotTargets;
    }

    /** Features of samples {@code order[from..to)}, shaped batch × sample shape. */
    NDList features(NDManager manager, int[] order, int from, int to) {
        int width = data.sampleSize();
        float[] values = new float[(to - from) * width];
        for (int i = from; i < to; i++) {
            System.arraycopy(data.features(), order[i] * width, values, (i - from) * width, width);
        }
        return new NDList(manager.create(values, new Shape(data.sampleShape().withBatch(to - from))));
    }

    /** Targets of samples {@code order[from..to)}. */
    NDList labels(NDManager manager, int[] order, int from, int to) {
        int n = to - from;
        if (oneHotTargets) {
            int k = data.numClasses();
            float[] rows = new float[n * k];
            for (int i = 0; i < n; i++) {
                rows[i * k + data.labels()[order[from + i]]] = 1f;
            }
            return new NDList(manager.create(rows, new Shape(n, k)));
        }
        // Class ids as int64: PyTorch's gather, behind DJL's sparse softmax cross-entropy, wants long indices.
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = data.labels()[order[from + i]];
        }
        return new NDList(manager.create(ids, new Shape(n)));
    }

    /** Class ids of samples {@code order[from..to)}, as plain ints for counting hits. */
    int[] classIds(int[] order, int from, int to) {
        int[] ids = new int[to - from];
        for (int i = from; i < to; i++) {
            ids[i - from] = data.labels()[order[i]];
        }
        return ids;
    }

    /** How many rows of {@code scores} have their largest value at the true class. */
    static int hits(NDArray scores, int[] classIds) {
        long[] predicted = scores.argMax(1).toLongArray();
        int hits = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == classIds[i]) {
                hits++;
            }
        }
        return hits;
    }
}
