package org.netwright.runner.compile;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

/** Turns a valid {@link Graph} into a {@link GraphBlock}, refusing graphs that shape inference rejects. */
public final class GraphCompiler {
    private GraphCompiler() {
    }

    /** Compiles the graph as drawn. */
    public static GraphBlock compile(Graph graph) {
        return compile(graph, false);
    }

    /**
     * Compiles the graph; with {@code skipFinalSoftmax} a softmax at the output is left out of the forward
     * pass (cross-entropy applies log-softmax itself) and only {@link GraphBlock#predict} applies it.
     */
    public static GraphBlock compile(Graph graph, boolean skipFinalSoftmax) {
        if (graph.isEmpty()) {
            throw new GraphCompileException("The graph is empty: add an input layer and at least one layer after it.");
        }
        GraphShapes shapes = ShapeInference.infer(graph);
        if (!shapes.isValid()) {
            List<String> problems = shapes.problems();
            throw new GraphCompileException("The graph cannot run: " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : ""));
        }
        List<String> sinks = graph.sinks();
        if (sinks.size() != 1) {
            throw new GraphCompileException("The graph has " + sinks.size() + " outputs (" + String.join(", ", sinks)
                    + "); connect them so that exactly one layer is the network's output.");
        }
        String outputId = sinks.get(0);
        LayerCatalog catalog = LayerCatalog.standard();
        List<GraphBlock.Step> steps = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        Map<String, Block> weighted = new LinkedHashMap<>();
        Map<String, Shape> outputShapes = new HashMap<>();
        boolean skipped = false;
        for (String id : shapes.order()) {
            Node node = graph.require(id);
            LayerSpec spec = catalog.require(node.type());
            LayerParams params = spec.resolve(node.params());
            outputShapes.put(id, shapes.report(id).outputs().get("out"));
            List<String> sources = new ArrayList<>();
            for (String port : spec.inputPorts(params)) {
                Edge edge = graph.incoming(new PortRef(id, port)).orElseThrow();
                sources.add(edge.from().nodeId());
            }
            if (spec.isInput()) {
                inputs.add(id);
                steps.add(new GraphBlock.Step(id, sources, NodeOps.identity()));
                continue;
            }
            Optional<Block> child = NodeOps.weightsFor(node.type(), params);
            child.ifPresent(b -> weighted.put(id, b));
            NodeOp op;
            if (skipFinalSoftmax && id.equals(outputId) && node.type().equals("softmax")) {
                op = NodeOps.identity();
                skipped = true;
            } else {
                op = NodeOps.opFor(node.type(), params, child.orElse(null));
            }
            steps.add(new GraphBlock.Step(id, sources, op));
        }
        if (inputs.isEmpty()) {
            throw new GraphCompileException("The graph has no input layer; add an image or vector input.");
        }
        return new GraphBlock(steps, inputs, outputId, weighted, outputShapes, skipped);
    }
}
