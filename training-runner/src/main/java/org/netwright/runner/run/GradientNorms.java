package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netwright.runner.compile.GraphBlock;

/**
 * Each layer's gradient norm after a backward pass: the L2 norm over all of the layer's trainable parameters'
 * gradients, by node id in the graph's order. Reads one number per parameter back from the engine, so the run
 * measures it once per epoch, not every step.
 */
final class GradientNorms {
    private GradientNorms() {
    }

    /** The norms of the layers of {@code trainer}'s model (a compiled graph); empty for any other block. */
    static Map<String, Double> of(Trainer trainer) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!(trainer.getModel().getBlock() instanceof GraphBlock block)) {
            return out;
        }
        for (Map.Entry<String, Block> node : block.weightedNodes().entrySet()) {
            double sum = 0;
            boolean any = false;
            for (Pair<String, Parameter> p : node.getValue().getParameters()) {
                Parameter param = p.getValue();
                if (!param.requiresGradient() || !param.isInitialized() || !param.getArray().hasGradient()) {
                    continue;
                }
                // In double precision: the squares of a vanishing layer's gradients underflow a float. Each
                // getGradient() is a new handle, closed here like every array made, so nothing piles up.
                try (NDArray g = param.getArray().getGradient();
                     NDArray wide = g.toType(ai.djl.ndarray.types.DataType.FLOAT64, true);
                     NDArray square = wide.square(); NDArray total = square.sum()) {
                    sum += total.getDouble();
                }
                any = true;
            }
            if (any) {
                out.put(node.getKey(), Math.sqrt(sum));
            }
        }
        return out;
    }
}
