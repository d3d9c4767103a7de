package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.Map;

/** Layers that join branches. */
final class MergeOps {
    private MergeOps() {
    }

    static void register(Map<String, LayerImplementation> into) {
        into.put("add", LayerImplementation.stateless(p -> NodeOp.of(in -> {
            NDArray sum = in.get(0);
            for (int i = 1; i < in.size(); i++) {
                sum = sum.add(in.get(i));
            }
            return sum;
        })));
        into.put("concatenate", LayerImplementation.stateless(p -> {
            int axis = p.getInt("axis");
            return NodeOp.of(in -> {
                int rank = in.get(0).getShape().dimension() - 1;
                // Our axis counts without the batch axis; DJL's counts with it.
                int withBatch = (axis < 0 ? rank + axis : axis) + 1;
                return NDArrays.concat(new NDList(in), withBatch);
            });
        }));
    }
}
