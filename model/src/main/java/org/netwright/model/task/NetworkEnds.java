package org.netwright.model.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

/**
 * A network's input layers and output layers with the per-sample shapes they take and give, computed once
 * from the graph and its shape inference, in the graph's topological order. The runner binds data to these,
 * the app's data check compares data with them, and grouping names a block's ports after them.
 *
 * @param inputs  every input layer (image, vector, sequence, token, noise, label or graph input)
 * @param outputs every layer whose output feeds nothing (the network's results), by its first output port
 */
public record NetworkEnds(List<End> inputs, List<End> outputs) {

    /** One end of the network: a layer, its type, the port data enters or leaves by, and the shape there. */
    public record End(String nodeId, String type, String port, Shape shape) {
        /** {@code node.port}, as compiled networks name their values. */
        public String ref() {
            return nodeId + "." + port;
        }
    }

    public NetworkEnds {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The ends of {@code graph}; a layer whose shape cannot be inferred appears with a null shape. */
    public static NetworkEnds of(Graph graph) {
        return of(graph, ShapeInference.infer(graph));
    }

    /** The ends of {@code graph} read from shapes already inferred for it. */
    public static NetworkEnds of(Graph graph, GraphShapes shapes) {
        LayerCatalog catalog = LayerCatalog.standard();
        List<End> inputs = new ArrayList<>();
        List<End> outputs = new ArrayList<>();
        List<String> order = shapes.order().isEmpty() ? graph.topologicalOrder() : shapes.order();
        List<String> sinks = graph.sinks();
        for (String id : order) {
            Node node = graph.require(id);
            Optional<LayerSpec> spec = catalog.find(node.type());
            if (spec.isEmpty()) {
                continue;
            }
            List<String> ports = spec.get().outputPorts(spec.get().resolve(node.params()));
            NodeReport report = shapes.report(id);
            if (spec.get().isInput()) {
                for (String port : ports) {
                    inputs.add(new End(id, node.type(), port, shapeOf(report, port)));
                }
            } else if (sinks.contains(id) && !ports.isEmpty()) {
                outputs.add(new End(id, node.type(), ports.get(0), shapeOf(report, ports.get(0))));
            }
        }
        return new NetworkEnds(inputs, outputs);
    }

    private static Shape shapeOf(NodeReport report, String port) {
        return report == null || !report.isOk() ? null : report.outputs().get(port);
    }

    /** The input ends that belong to one layer, in port order. */
    public List<End> inputsOf(String nodeId) {
        return inputs.stream().filter(e -> e.nodeId().equals(nodeId)).toList();
    }

    /** The distinct input layer ids, in order. */
    public List<String> inputNodes() {
        return inputs.stream().map(End::nodeId).distinct().toList();
    }

    /** The output end of a layer, if that layer is one of the network's outputs. */
    public Optional<End> output(String nodeId) {
        return outputs.stream().filter(e -> e.nodeId().equals(nodeId)).findFirst();
    }

    /** True when some input layer is a graph input (node features and adjacency). */
    public boolean hasGraphInput() {
        return inputs.stream().anyMatch(e -> e.type().equals("graph_input"));
    }
}
