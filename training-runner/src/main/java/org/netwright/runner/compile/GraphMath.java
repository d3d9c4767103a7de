package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import org.netwright.runner.nd.StepConstants;

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

    /** Per thread, the last adjacency given to {@link #propagation} with its self-loop choice and result. */
    private static final ThreadLocal<Object[]> LAST_PROPAGATION = ThreadLocal.withInitial(() -> new Object[3]);

    /**
     * D^-1/2 (A [+ I]) D^-1/2 for {@code adjacency}, computed once for a given array: the GCN layers of one forward
     * pass read the same adjacency, and recomputing it in each layer made a GCN step slower than plain DJL, which
     * normalizes once. The array is the step's input (never changed in place); a new step brings a new array.
     */
    static NDArray propagation(NDArray adjacency, boolean selfLoops) {
        // One graph for the whole run (node classification): normalized once per run, not once per step.
        return StepConstants.derive(adjacency, selfLoops ? "propagation+I" : "propagation",
                a -> propagationOnce(a, selfLoops));
    }

    private static NDArray propagationOnce(NDArray adjacency, boolean selfLoops) {
        Object[] last = LAST_PROPAGATION.get();
        if (last[0] == adjacency && last[1].equals(selfLoops) && !((NDArray) last[2]).isReleased()) {
            return (NDArray) last[2];
        }
        NDArray result = symmetricNormalized(selfLoops ? withSelfLoops(adjacency) : adjacency);
        last[0] = adjacency;
        last[1] = selfLoops;
        last[2] = result;
        return result;
    }

    /**
     * The term graph attention adds to its B×1×N×N scores: 0 where (A+I) has an edge, {@link #MASKED} elsewhere;
     * made once per run when the adjacency is the run's own (see {@link StepConstants}).
     */
    static NDArray attentionMask(NDArray adjacency) {
        return StepConstants.derive(adjacency, "attention-mask",
                a -> edges(withSelfLoops(a)).expandDims(1).sub(1).mul(-MASKED));
    }

    /** D^-1/2 A D^-1/2 with D the row sums of A; a node of degree 0 gets a zero row and column, not infinity. */
    static NDArray symmetricNormalized(NDArray a) {
        NDArray degree = a.sum(new int[] {2});
        NDArray zero = degree.zerosLike();
        NDArray inverseRoot = NDArrays.where(degree.gt(0), degree.pow(-0.5f), zero);
        return inverseRoot.expandDims(2).mul(a).mul(inverseRoot.expandDims(1));
    }
}
