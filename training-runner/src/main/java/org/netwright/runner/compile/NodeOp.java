package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * What one node does to the arrays arriving on its input ports (in port order), batch axis first.
 * It returns one array per output port, in the order of the layer spec's output ports.
 */
@FunctionalInterface
public interface NodeOp {
    NDList apply(ParameterStore store, List<NDArray> inputs, boolean training, PairList<String, Object> params);

    /** An op of a single-output layer written as a function of its inputs alone. */
    static NodeOp of(java.util.function.Function<List<NDArray>, NDArray> f) {
        return (store, in, training, params) -> new NDList(f.apply(in));
    }

    /** Runs the node's weights block on all its inputs. */
    static NodeOp viaBlock(ai.djl.nn.Block block) {
        return (store, in, training, params) -> block.forward(store, new NDList(in), training, params);
    }

    /** Passes the first input through. */
    static NodeOp identity() {
        return (store, in, training, params) -> new NDList(in.get(0));
    }
}
