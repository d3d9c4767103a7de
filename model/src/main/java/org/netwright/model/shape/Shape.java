package org.netwright.model.shape;

import java.util.ArrayList;
import java.util.List;

/** The shape of one sample flowing along an edge, without the batch axis: (C,H,W) for images, (F) for vectors. */
public record Shape(List<Integer> dims) {
    public Shape {
        dims = List.copyOf(dims);
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("Every dimension of a shape must be positive: " + dims);
            }
        }
    }

    public static Shape of(int... dims) {
        List<Integer> list = new ArrayList<>();
        for (int d : dims) {
            list.add(d);
        }
        return new Shape(list);
    }

    public int rank() {
        return dims.size();
    }

    public int dim(int axis) {
        return dims.get(axis < 0 ? dims.size() + axis : axis);
    }

    /** Number of values in one sample. */
    public long size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    public int[] toArray() {
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The same shape with the batch axis in front, as DJL wants it. */
    public long[] withBatch(long batch) {
        long[] out = new long[dims.size() + 1];
        out[0] = batch;
        for (int i = 0; i < dims.size(); i++) {
            out[i + 1] = dims.get(i);
        }
        return out;
    }

    /** Words for a person: "an image 3×32×32", "a vector of 64". */
    public String describe() {
        return switch (rank()) {
            case 1 -> "a vector of " + dims.get(0);
            case 2 -> "a sequence " + this;
            case 3 -> "an image " + this;
            default -> "a tensor " + this;
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.size(); i++) {
            if (i > 0) {
                sb.append('×');
            }
            sb.append(dims.get(i));
        }
        return sb.toString();
    }
}
