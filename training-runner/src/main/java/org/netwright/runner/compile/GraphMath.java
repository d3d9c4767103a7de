package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;

/** Adjacency arithmetic shared by the graph layers; arrays are batched, adjacency B×N×N. */
final class GraphMath {
    /** Added to masked attention scores so that softmax gives them weight 0 without producing NaN. */
    static final float MASKED = -1e9f;

    private GraphMath() {
    }

    /** A + I. */
    static NDArray withSelfLoops(NDArray adjacency) {
        long n = adjacency.getShape().get(1);
        return adjacency.add(adjacency.getManager().eye((int) n));
    }

    /** 1 where an entry is nonzero (an edge), else 0, as float32. */
    static NDArray edges(NDArray adjacency) {
        return adjacency.neq(0).toType(DataType.FLOAT32, false);
    }

    /** D^-1/2 A D^-1/2 with D the row sums of A; a node of degree 0 gets a zero row and column, not infinity. */
    static NDArray symmetricNormalized(NDArray a) {
        NDArray degree = a.sum(new int[] {2});
        NDArray zero = degree.zerosLike();
        NDArray inverseRoot = NDArrays.where(degree.gt(0), degree.pow(-0.5f), zero);
        return inverseRoot.expandDims(2).mul(a).mul(inverseRoot.expandDims(1));
    }
}
