package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        // Each parameter's sum of squares in the engine; all read back in one transfer at the end (a read-back per
        // parameter cost more than the sums on small models).
        List<String> owners = new ArrayList<>();
        NDList sums = new NDList();
        List<NDArray> made = new ArrayList<>();
        try {
            for (Map.Entry<String, Block> node : block.weightedNodes().entrySet()) {
                for (Pair<String, Parameter> p : node.getValue().getParameters()) {
                    Parameter param = p.getValue();
                    if (!param.requiresGradient() || !param.isInitialized() || !param.getArray().hasGradient()) {
                        continue;
                    }
                    // In double precision: the squares of a vanishing layer's gradients underflow a float. Each
                    // getGradient() is a new handle, closed here like every array made, so nothing piles up.
                    NDArray g = param.getArray().getGradient();
                    made.add(g);
                    NDArray wide = g.toType(ai.djl.ndarray.types.DataType.FLOAT64, true);
                    made.add(wide);
                    NDArray square = wide.square();
                    made.add(square);
                    NDArray total = square.sum();
                    made.add(total);
                    sums.add(total);
                    owners.add(node.getKey());
                }
            }
            if (sums.isEmpty()) {
                return out;
            }
            NDArray all = sums.size() == 1 ? sums.get(0) : NDArrays.stack(sums);
            if (all != sums.get(0)) {
                made.add(all);
            }
            double[] values = all.toDoubleArray();
            Map<String, Double> squares = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                squares.merge(owners.get(i), values[i], Double::sum);
            }
            squares.forEach((node, sum) -> out.put(node, Math.sqrt(sum)));
            return out;
        } finally {
            made.forEach(NDArray::close);
        }
    }
}
