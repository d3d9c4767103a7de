package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/** What one node does to the arrays arriving on its input ports (in port order), batch axis first. */
@FunctionalInterface
interface NodeOp {
    NDArray apply(ParameterStore store, List<NDArray> inputs, boolean training, PairList<String, Object> params);
}
