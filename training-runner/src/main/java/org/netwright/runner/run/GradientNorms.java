package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.nd.SquaredSums;

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
        // Each parameter's sum of squares, all read back at once; in double precision: the squares of a vanishing
        // layer's gradients underflow a float. Each getGradient() is a new handle, closed here, so nothing piles up.
        List<String> owners = new ArrayList<>();
        List<NDArray> gradients = new ArrayList<>();
        try {
            for (Map.Entry<String, Block> node : block.weightedNodes().entrySet()) {
                for (Pair<String, Parameter> p : node.getValue().getParameters()) {
                    Parameter param = p.getValue();
                    if (!param.requiresGradient() || !param.isInitialized() || !param.getArray().hasGradient()) {
                        continue;
                    }
                    gradients.add(param.getArray().getGradient());
                    owners.add(node.getKey());
                }
            }
            double[] values = SquaredSums.of(gradients, true);
            Map<String, Double> squares = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                squares.merge(owners.get(i), values[i], Double::sum);
            }
            squares.forEach((node, sum) -> out.put(node, Math.sqrt(sum)));
            return out;
        } finally {
            gradients.forEach(NDArray::close);
        }
    }
}
