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
import org.netwright.model.graph.CompositeFlattening;
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
        return compile(graph, skipFinalSoftmax, null);
    }

    /**
     * Compiles the graph with {@code outputPort} ("node.port") as the network's output instead of the
     * single sink; null means the sink. Lets tests and views read any port, e.g. attention weights.
     */
    public static GraphBlock compile(Graph graph, boolean skipFinalSoftmax, String outputPort) {
        if (outputPort != null) {
            return compile(graph, List.of(outputPort), skipFinalSoftmax ? List.of(outputPort.substring(0,
                    outputPort.lastIndexOf('.'))) : List.of());
        }
        return compile(graph, null, skipFinalSoftmax ? null : List.of());
    }

    /**
     * Compiles the graph returning the values of {@code outputPorts} ("node.port", null: every sink's first port,
     * in the graph's order) from its forward pass. A softmax output whose node is in {@code skipSoftmax} (null:
     * every output) is left out of the forward pass, for losses that apply log-softmax themselves.
     */
    public static GraphBlock compile(Graph graph, List<String> outputPorts, List<String> skipSoftmax) {
        if (graph.isEmpty()) {
            throw new GraphCompileException("The graph is empty: add an input layer and at least one layer after it.");
        }
        GraphShapes shapes = ShapeInference.infer(graph);
        if (!shapes.isValid()) {
            List<String> problems = shapes.problems();
            throw new GraphCompileException("The graph cannot run: " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : ""));
        }
        // Composites run as the layers inside them: inner ids become paths (block1/conv_2) and weights are keyed by them.
        Graph flat = CompositeFlattening.flatten(graph);
        LayerCatalog catalog = LayerCatalog.standard();
        if (outputPorts == null) {
            List<String> sinkPorts = new ArrayList<>();
            for (String sink : graph.sinks()) {
                Node n = graph.require(sink);
                LayerSpec s = catalog.require(n.type());
                List<String> ports = s.outputPorts(s.resolve(n.params()));
                if (!ports.isEmpty() && !s.isInput()) {
                    sinkPorts.add(sink + "." + ports.get(0));
                }
            }
            if (sinkPorts.isEmpty()) {
                throw new GraphCompileException("The graph has no output layer: connect a layer after the input.");
            }
            outputPorts = sinkPorts;
        }
        if (flat != graph) {
            List<String> flatPorts = new ArrayList<>();
            for (String p : outputPorts) {
                int dot = p.lastIndexOf('.');
                PortRef out = CompositeFlattening.flatPort(graph, new PortRef(p.substring(0, dot), p.substring(dot + 1)));
                flatPorts.add(out.nodeId() + "." + out.port());
            }
            outputPorts = flatPorts;
            graph = flat;
            shapes = ShapeInference.infer(graph);
        }
        java.util.Set<String> outputIds = new java.util.HashSet<>();
        for (String p : outputPorts) {
            outputIds.add(p.substring(0, p.lastIndexOf('.')));
        }
        java.util.Set<String> skip = skipSoftmax == null ? outputIds : new java.util.HashSet<>(skipSoftmax);
        List<GraphBlock.Step> steps = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        Map<String, Block> weighted = new LinkedHashMap<>();
        Map<String, Shape> outputShapes = new HashMap<>();
        java.util.Set<String> skipped = new java.util.HashSet<>();
        java.util.Set<String> frozen = new java.util.HashSet<>();
        for (String id : shapes.order()) {
            Node node = graph.require(id);
            LayerSpec spec = catalog.require(node.type());
            LayerParams params = spec.resolve(node.params());
            Map<String, Shape> outs = shapes.report(id).outputs();
            List<String> outPorts = new ArrayList<>();
            for (String port : spec.outputPorts(params)) {
                outPorts.add(id + "." + port);
                outputShapes.put(id + "." + port, outs.get(port));
            }
            List<String> sources = new ArrayList<>();
            List<Shape> inputShapes = new ArrayList<>();
            for (String port : spec.inputPorts(params)) {
                PortRef from = graph.incoming(new PortRef(id, port)).orElseThrow().from();
                sources.add(from.nodeId() + "." + from.port());
                inputShapes.add(shapes.report(from.nodeId()).outputs().get(from.port()));
            }
            if (spec.isInput()) {
                inputs.add(id);
                steps.add(new GraphBlock.Step(id, sources, outPorts, NodeOp.identity()));
                continue;
            }
            LayerImplementation impl = LayerImplementations.find(node.type()).orElseThrow(() ->
                    new GraphCompileException("The runner cannot run layers of type '" + node.type() + "' yet."));
            Optional<Block> child = impl.weights(params, inputShapes);
            child.ifPresent(b -> weighted.put(id, b));
            if (child.isPresent() && !node.trainable()) {
                frozen.add(id);
            }
            NodeOp op;
            if (outputIds.contains(id) && skip.contains(id) && node.type().equals("softmax")) {
                op = ActivationOps.softmaxScores(params);
                skipped.add(id);
            } else {
                op = impl.op(params, child.orElse(null), inputShapes);
            }
            steps.add(new GraphBlock.Step(id, sources, outPorts, op));
        }
        if (inputs.isEmpty()) {
            throw new GraphCompileException("The graph has no input layer; add an image or vector input.");
        }
        return new GraphBlock(steps, inputs, outputPorts, weighted, outputShapes, skipped, frozen);
    }
}
