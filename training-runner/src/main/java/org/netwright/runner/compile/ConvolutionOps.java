package org.netwright.runner.compile;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.Map;
import org.netwright.model.catalog.ConvolutionLayers;

/** Convolution and pooling on DJL. */
final class ConvolutionOps {
    private ConvolutionOps() {
    }

    static void register(Map<String, LayerImplementation> into) {
        into.put("conv2d", LayerImplementation.block((p, in) -> {
            int k = p.getInt("kernel");
            int s = p.getInt("stride");
            int d = p.getInt("dilation");
            // "same" and "valid" become explicit padding: DJL's PyTorch engine only takes explicit padding.
            int pad = ConvolutionLayers.padding(p);
            return Conv2d.builder().setFilters(p.getInt("filters")).setKernelShape(new Shape(k, k))
                    .optStride(new Shape(s, s)).optPadding(new Shape(pad, pad)).optDilation(new Shape(d, d))
                    .optBias(p.getBool("bias")).build();
        }));
        into.put("max_pool2d", LayerImplementation.stateless(p -> {
            int k = p.getInt("kernel");
            int s = p.getInt("stride");
            int pad = p.getInt("pad");
            return NodeOp.of(in -> Pool.maxPool2d(in.get(0), new Shape(k, k), new Shape(s, s), new Shape(pad, pad), false));
        }));
    }
}
