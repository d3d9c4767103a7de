package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.Map;

/** Layers that join branches, and Split, which cuts one into several. */
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
        into.put("multiply", LayerImplementation.stateless(p -> NodeOp.of(in -> {
            NDArray product = in.get(0);
            for (int i = 1; i < in.size(); i++) {
                product = product.mul(in.get(i));
            }
            return product;
        })));
        into.put("split", LayerImplementation.stateless(p -> {
            int axis = p.getInt("axis");
            int parts = p.getInt("parts");
            return (store, in, training, params) -> {
                int rank = in.get(0).getShape().dimension() - 1;
                return in.get(0).split(parts, (axis < 0 ? rank + axis : axis) + 1);
            };
        }));
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
