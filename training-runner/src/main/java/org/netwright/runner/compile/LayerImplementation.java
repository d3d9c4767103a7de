package org.netwright.runner.compile;

import ai.djl.nn.Block;
import java.util.List;
import java.util.Optional;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.shape.Shape;

/**
 * How the runner executes one layer type: the DJL block that owns its weights, if it has any,
 * and its forward operation. Shapes are per sample (no batch axis), as our shape inference gives them.
 */
public interface LayerImplementation {
    /** The block holding this layer's weights; empty for layers without weights. */
    default Optional<Block> weights(LayerParams params, List<Shape> inputShapes) {
        return Optional.empty();
    }

    /** The forward operation; {@code weights} is the block {@link #weights} gave, or null. */
    NodeOp op(LayerParams params, Block weights, List<Shape> inputShapes);

    /** A layer without weights whose op depends only on its parameters. */
    static LayerImplementation stateless(java.util.function.Function<LayerParams, NodeOp> op) {
        return (params, weights, inputShapes) -> op.apply(params);
    }

    /** A layer whose weights block is its whole op. */
    static LayerImplementation block(java.util.function.BiFunction<LayerParams, List<Shape>, Block> factory) {
        return new LayerImplementation() {
            @Override
            public Optional<Block> weights(LayerParams params, List<Shape> inputShapes) {
                return Optional.of(factory.apply(params, inputShapes));
            }

            @Override
            public NodeOp op(LayerParams params, Block weights, List<Shape> inputShapes) {
                return NodeOp.viaBlock(weights);
            }
        };
    }
}
