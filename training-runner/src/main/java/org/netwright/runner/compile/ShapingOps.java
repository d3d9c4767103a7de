package org.netwright.runner.compile;

import java.util.Map;
import org.netwright.model.catalog.ShapingLayers;
import org.netwright.model.shape.Shape;

/** Reshape and Permute, as views of the arrays with the batch axis kept in front. */
final class ShapingOps {
    private ShapingOps() {
    }

    static void register(Map<String, LayerImplementation> into) {
        into.put("reshape", (p, weights, in) -> {
            Shape target = ShapingLayers.reshaped(in.get(0), p.getString("target"));
            return NodeOp.of(x -> x.get(0).reshape(new ai.djl.ndarray.types.Shape(
                    target.withBatch(x.get(0).getShape().get(0)))));
        });
        into.put("permute", (p, weights, in) -> {
            int[] order = ShapingLayers.order(in.get(0), p.getString("order"));
            int[] axes = new int[order.length + 1];
            for (int i = 0; i < order.length; i++) {
                axes[i + 1] = order[i] + 1;
            }
            return NodeOp.of(x -> x.get(0).transpose(axes));
        });
    }
}
