package org.netwright.runner.checkpoint;

import java.util.Arrays;

/** One saved parameter: which node and parameter it belongs to, its shape and its float32 values. */
public record Tensor(String nodeId, String paramName, long[] shape, float[] values) {
    public Tensor {
        shape = shape.clone();
        values = values.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    boolean sameShape(long[] other) {
        return Arrays.equals(shape, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && nodeId.equals(t.nodeId) && paramName.equals(t.paramName)
                && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return (nodeId.hashCode() * 31 + paramName.hashCode()) * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return nodeId + "." + paramName + Arrays.toString(shape);
    }
}
