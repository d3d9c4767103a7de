package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.run.ActivationStats;
import org.netwright.runner.compile.GraphBlock;

/**
 * Looks inside one forward pass of a compiled graph, node by node: each layer's output statistics, the fraction of
 * zero outputs of chosen layers (dead ReLUs), and the first node whose output is not finite (where a NaN was born). Every array it makes lives
 * in the caller's {@code scope}.
 */
final class LayerProbe {
    private LayerProbe() {
    }

    /**
     * Each node's first output in an inference pass over {@code inputs}, summed up: mean, standard deviation and the
     * fraction of exactly zero values, in the order the network runs (outputs that are not floating point, such as
     * token ids, are left out).
     */
    static Map<String, ActivationStats> statistics(GraphBlock block, NDManager scope, NDList inputs) {
        Map<String, ActivationStats> out = new LinkedHashMap<>();
        block.forwardObserved(new ParameterStore(scope, false), inputs, false, (id, outputs) -> {
            NDArray a = outputs.isEmpty() ? null : outputs.get(0);
            if (a != null && a.size() > 0 && a.getDataType().isFloating()) {
                try (NDArray mean = a.mean(); NDArray centred = a.sub(mean); NDArray squares = centred.square();
                     NDArray variance = squares.mean(); NDArray zero = a.eq(0f); NDArray count = zero.countNonzero()) {
                    double m = mean.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
                    double v = variance.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
                    out.put(id, new ActivationStats(m, Math.sqrt(Math.max(0, v)), count.getLong() / (double) a.size()));
                }
            }
            return true;
        });
        return out;
    }

    /** The fraction of exactly zero values in each of {@code nodes}' first output, in an inference pass over {@code inputs}. */
    static Map<String, Double> zeroFractions(GraphBlock block, NDManager scope, NDList inputs, Set<String> nodes) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (nodes.isEmpty()) {
            return out;
        }
        block.forwardObserved(new ParameterStore(scope, false), inputs, false, (id, outputs) -> {
            if (nodes.contains(id)) {
                NDArray a = outputs.get(0);
                long size = a.size();
                if (size > 0) {
                    try (NDArray zero = a.eq(0f); NDArray count = zero.countNonzero()) {
                        out.put(id, count.getLong() / (double) size);
                    }
                }
            }
            return true;
        });
        return out;
    }

    /**
     * The first node, in the order the network runs, one of whose outputs holds a NaN or an infinity in a training
     * pass over {@code inputs}; empty when every output is finite (then the loss itself made the NaN).
     */
    static Optional<String> firstNonFinite(GraphBlock block, NDManager scope, NDList inputs) {
        String[] found = new String[1];
        block.forwardObserved(new ParameterStore(scope, false), inputs, true, (id, outputs) -> {
            for (NDArray a : outputs) {
                if (!finite(a)) {
                    found[0] = id;
                    return false;
                }
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    /** The input layer whose fed array holds a NaN or an infinity, if one does. */
    static Optional<String> nonFiniteInput(GraphBlock block, NDList inputs) {
        java.util.List<String> ports = block.inputPorts();
        for (int i = 0; i < inputs.size() && i < ports.size(); i++) {
            if (!finite(inputs.get(i))) {
                String port = ports.get(i);
                return Optional.of(port.substring(0, port.lastIndexOf('.')));
            }
        }
        return Optional.empty();
    }

    /** Whether every weight of a node is finite. */
    static boolean weightsFinite(GraphBlock block, String node) {
        Block b = block.weightedNodes().get(node);
        if (b == null) {
            return true;
        }
        for (Pair<String, Parameter> p : b.getParameters()) {
            if (p.getValue().isInitialized() && !finite(p.getValue().getArray())) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(NDArray a) {
        if (!a.getDataType().isFloating()) {
            return true;
        }
        try (NDArray nan = a.isNaN(); NDArray inf = a.isInfinite(); NDArray bad = nan.logicalOr(inf);
             NDArray any = bad.any()) {
            return !any.getBoolean();
        }
    }
}
