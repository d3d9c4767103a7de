package org.netwright.runner.nd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Product, quotient, power, maximum and minimum of an array and a number, for arrays on the backward path. The
 * scalar is made by libtorch ({@code full}), so the backward pass holds a reference to memory libtorch owns; the Java
 * handle can be closed at once. Plain {@code x.mul(2f)} is only safe where no gradient flows through {@code x}.
 */
public final class Scalars {
    private Scalars() {
    }

    /** {@code x * value}. */
    public static NDArray mul(NDArray x, double value) {
        try (NDArray s = scalarLike(x, value)) {
            return x.mul(s);
        }
    }

    /** {@code x / value}. */
    public static NDArray div(NDArray x, double value) {
        try (NDArray s = scalarLike(x, value)) {
            return x.div(s);
        }
    }

    /** {@code x ^ value}. */
    public static NDArray pow(NDArray x, double value) {
        try (NDArray s = scalarLike(x, value)) {
            return x.pow(s);
        }
    }

    /** The larger of each element and {@code value}. */
    public static NDArray maximum(NDArray x, double value) {
        try (NDArray s = scalarLike(x, value)) {
            return x.maximum(s);
        }
    }

    /** The smaller of each element and {@code value}. */
    public static NDArray minimum(NDArray x, double value) {
        try (NDArray s = scalarLike(x, value)) {
            return x.minimum(s);
        }
    }

    /** A 0-dimensional array of {@code x}'s type on its device, in memory libtorch owns. */
    static NDArray scalarLike(NDArray x, double value) {
        return x.getManager().full(new Shape(), (float) value, x.getDataType());
    }
}
