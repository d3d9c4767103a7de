package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.Map;

/** Pooling over C×L and C×H×W, global pooling to one value per channel, and upsampling. */
final class PoolingOps {
    /** PyTorch's interpolate modes as DJL's PyTorch engine numbers them. */
    private static final int NEAREST = 0;
    private static final int BILINEAR = 1;

    private PoolingOps() {
    }

    static void register(Map<String, LayerImplementation> into) {
        into.put("max_pool1d", LayerImplementation.stateless(p -> {
            Shape k = new Shape(p.getInt("kernel"));
            Shape s = new Shape(p.getInt("stride"));
            Shape pad = new Shape(p.getInt("pad"));
            return NodeOp.of(in -> Pool.maxPool1d(in.get(0), k, s, pad, false));
        }));
        // Padding counts as zeros in the average, PyTorch's default (count_include_pad).
        into.put("avg_pool1d", LayerImplementation.stateless(p -> {
            Shape k = new Shape(p.getInt("kernel"));
            Shape s = new Shape(p.getInt("stride"));
            Shape pad = new Shape(p.getInt("pad"));
            return NodeOp.of(in -> Pool.avgPool1d(in.get(0), k, s, pad, false, true));
        }));
        into.put("avg_pool2d", LayerImplementation.stateless(p -> {
            int k = p.getInt("kernel");
            int s = p.getInt("stride");
            int pad = p.getInt("pad");
            return NodeOp.of(in -> Pool.avgPool2d(in.get(0), new Shape(k, k), new Shape(s, s), new Shape(pad, pad),
                    false, true));
        }));
        // Over a sequence, the mean over its positions: one op, where DJL's global pooling is an adaptive pool and a
        // reshape (and a copy of a permuted input), which made a Transformer classifier's mean over its steps cost
        // more than plain DJL's. (The engine's mean takes one axis only, so images keep DJL's pooling.)
        into.put("global_avg_pool", (p, weights, in) -> in.get(0).rank() == 2
                ? NodeOp.of(x -> x.get(0).mean(new int[] {2}))
                : NodeOp.of(x -> Pool.globalAvgPool2d(x.get(0))));
        into.put("global_max_pool", (p, weights, in) -> in.get(0).rank() == 2
                ? NodeOp.of(x -> Pool.globalMaxPool1d(x.get(0)))
                : NodeOp.of(x -> Pool.globalMaxPool2d(x.get(0))));
        into.put("upsample", LayerImplementation.stateless(p -> {
            int scale = p.getInt("scale");
            int mode = p.getString("mode").equals("bilinear") ? BILINEAR : NEAREST;
            return NodeOp.of(in -> {
                NDArray x = in.get(0);
                long[] size = {x.getShape().get(2) * scale, x.getShape().get(3) * scale};
                return x.getNDArrayInternal().interpolation(size, mode, false);
            });
        }));
    }
}
