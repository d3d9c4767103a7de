package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.Optional;
import org.netwright.model.catalog.LayerParams;

/** Maps each catalog layer type to its DJL child block (layers with weights) or its operation. */
final class NodeOps {
    private NodeOps() {
    }

    /** The DJL block that owns the weights of a layer type, or nothing for layers without weights. */
    static Optional<Block> weightsFor(String type, LayerParams p) {
        return switch (type) {
            case "dense" -> Optional.of(Linear.builder().setUnits(p.getInt("units")).optBias(p.getBool("bias")).build());
            case "conv2d" -> {
                int k = p.getInt("kernel");
                int s = p.getInt("stride");
                int d = p.getInt("dilation");
                // Our "same" and "valid" become explicit padding: DJL's PyTorch engine only takes explicit padding.
                int pad = padding(p, k, d);
                yield Optional.of(Conv2d.builder().setFilters(p.getInt("filters")).setKernelShape(new Shape(k, k))
                        .optStride(new Shape(s, s)).optPadding(new Shape(pad, pad)).optDilation(new Shape(d, d))
                        .optBias(p.getBool("bias")).build());
            }
            default -> Optional.empty();
        };
    }

    /** The operation of a node; {@code child} is its weights block when it has one. */
    static NodeOp opFor(String type, LayerParams p, Block child) {
        return switch (type) {
            case "dense", "conv2d" -> (store, in, training, params) ->
                    child.forward(store, new NDList(in.get(0)), training, params).singletonOrThrow();
            case "flatten" -> (store, in, training, params) -> in.get(0).reshape(in.get(0).getShape().get(0), -1);
            case "dropout" -> {
                float rate = (float) p.getDouble("rate");
                yield (store, in, training, params) -> Dropout.dropout(in.get(0), rate, training).singletonOrThrow();
            }
            case "relu" -> (store, in, training, params) -> Activation.relu(in.get(0));
            case "sigmoid" -> (store, in, training, params) -> Activation.sigmoid(in.get(0));
            case "tanh" -> (store, in, training, params) -> Activation.tanh(in.get(0));
            case "softmax" -> (store, in, training, params) -> in.get(0).softmax(-1);
            case "max_pool2d" -> {
                int k = p.getInt("kernel");
                int s = p.getInt("stride");
                int pad = p.getInt("pad");
                yield (store, in, training, params) -> Pool.maxPool2d(in.get(0), new Shape(k, k), new Shape(s, s),
                        new Shape(pad, pad), false);
            }
            case "add" -> (store, in, training, params) -> {
                NDArray sum = in.get(0);
                for (int i = 1; i < in.size(); i++) {
                    sum = sum.add(in.get(i));
                }
                return sum;
            };
            case "concatenate" -> {
                int axis = p.getInt("axis");
                yield (store, in, training, params) -> {
                    int rank = in.get(0).getShape().dimension() - 1;
                    // Our axis counts without the batch axis; DJL's counts with it.
                    int withBatch = (axis < 0 ? rank + axis : axis) + 1;
                    return NDArrays.concat(new NDList(in), withBatch);
                };
            }
            default -> throw new GraphCompileException("The runner cannot run layers of type '" + type + "' yet.");
        };
    }

    /**
     * Padding per side for conv2d's padding choice. This repeats ConvolutionLayers.padding, which the
     * architecture calls public but which lives in a package-private class; shape inference has already
     * refused even "same" reaches, so the division is exact here.
     */
    private static int padding(LayerParams p, int kernel, int dilation) {
        return switch (p.getString("padding")) {
            case "valid" -> 0;
            case "same" -> dilation * (kernel - 1) / 2;
            default -> p.getInt("pad");
        };
    }

    /** The identity, used for a final softmax that the loss applies itself. */
    static NodeOp identity() {
        return (store, in, training, params) -> in.get(0);
    }
}
