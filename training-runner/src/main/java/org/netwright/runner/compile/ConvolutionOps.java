package org.netwright.runner.compile;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.Map;
import org.netwright.model.catalog.ConvolutionLayers;

/** Convolutions and 2-D max pooling; the transposed convolution is our own block. */
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
                    .optBias(p.getBool("bias")).optGroups(p.getInt("groups")).build();
        }));
        into.put("conv1d", LayerImplementation.block((p, in) -> {
            int pad = ConvolutionLayers.padding(p);
            return Conv1d.builder().setFilters(p.getInt("filters")).setKernelShape(new Shape(p.getInt("kernel")))
                    .optStride(new Shape(p.getInt("stride"))).optPadding(new Shape(pad))
                    .optDilation(new Shape(p.getInt("dilation"))).optBias(p.getBool("bias"))
                    .optGroups(p.getInt("groups")).build();
        }));
        into.put("conv_transpose2d", LayerImplementation.block((p, in) -> new TransposedConv2dBlock(in.get(0).dim(0),
                p.getInt("filters"), p.getInt("kernel"), p.getInt("stride"), p.getInt("pad"),
                p.getInt("output_padding"), p.getBool("bias"))));
        into.put("max_pool2d", LayerImplementation.stateless(p -> {
            int k = p.getInt("kernel");
            int s = p.getInt("stride");
            int pad = p.getInt("pad");
            return NodeOp.of(in -> Pool.maxPool2d(in.get(0), new Shape(k, k), new Shape(s, s), new Shape(pad, pad), false));
        }));
    }
}
