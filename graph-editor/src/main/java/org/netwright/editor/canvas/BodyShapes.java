package org.netwright.editor.canvas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netwright.model.graph.CompositeFlattening;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

/**
 * The shapes inside a composite block as they are where the block sits, for the read-only view of
 * its body. A body inferred on its own would know nothing of what arrives at its inputs, so this
 * infers the flattened top-level graph once and reads each inner layer's report by its path id
 * ("block1/conv_2"); placeholders and nested blocks are filled in from their neighbours.
 */
final class BodyShapes {
    private static final String SEP = CompositeFlattening.SEPARATOR;
    private final GraphShapes flat;

    private BodyShapes(GraphShapes flat) {
        this.flat = flat;
    }

    static BodyShapes of(Graph top) {
        try {
            return new BodyShapes(ShapeInference.infer(CompositeFlattening.flatten(top)));
        } catch (RuntimeException unflattenable) {
            // A block whose output is fed from nowhere cannot be flattened; its cards then show "shape: ?".
            return new BodyShapes(new GraphShapes(List.of(), Map.of()));
        }
    }

    /**
     * Reports for the nodes of {@code composite}'s body.
     *
     * @param path     the composite's path id ("block1", or "block1/inner" for a nested one)
     * @param arriving the shapes arriving at the composite's input ports
     */
    GraphShapes inside(String path, Node composite, Map<String, Shape> arriving) {
        Graph body = composite.body();
        Map<String, NodeReport> reports = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (String id : body.topologicalOrder()) {
            NodeReport r = report(path + SEP, body, body.require(id), arriving);
            if (r != null) {
                reports.put(id, r);
                order.add(id);
            }
        }
        return new GraphShapes(order, reports);
    }

    private NodeReport report(String prefix, Graph graph, Node n, Map<String, Shape> arriving) {
        if (CompositePorts.INPUT.equals(n.type())) {
            Shape s = arriving.get(CompositePorts.portOf(n));
            return s == null ? null : NodeReport.ok(n.id(), Map.of("out", s), 0, 0);
        }
        if (CompositePorts.OUTPUT.equals(n.type())) {
            return NodeReport.ok(n.id(), Map.of(), 0, 0);
        }
        if (CompositePorts.isComposite(n)) {
            String inner = prefix + n.id() + SEP;
            long params = 0;
            long macs = 0;
            for (Map.Entry<String, NodeReport> e : flat.reports().entrySet()) {
                if (e.getKey().startsWith(inner)) {
                    if (!e.getValue().isOk()) {
                        return null;
                    }
                    params += e.getValue().params();
                    macs += e.getValue().macs();
                }
            }
            Map<String, Shape> outputs = new LinkedHashMap<>();
            for (String port : CompositePorts.outputs(n)) {
                Shape s = outputShape(prefix, graph, new PortRef(n.id(), port));
                if (s != null) {
                    outputs.put(port, s);
                }
            }
            return NodeReport.ok(n.id(), outputs, params, macs);
        }
        NodeReport r = flat.report(prefix + n.id());
        return r == null ? null : new NodeReport(n.id(), r.outputs(), r.params(), r.macs(), r.problem(), r.blocked());
    }

    /** The shape leaving an output port of {@code graph}, following a nested block's output inward. */
    private Shape outputShape(String prefix, Graph graph, PortRef ref) {
        Node node = graph.node(ref.nodeId()).orElse(null);
        if (node == null || CompositePorts.isPlaceholder(node)) {
            return null;
        }
        if (CompositePorts.isComposite(node)) {
            Node exit = CompositePorts.placeholder(node.body(), CompositePorts.OUTPUT, ref.port());
            if (exit == null) {
                return null;
            }
            return node.body().incoming(new PortRef(exit.id(), "in"))
                    .map(e -> outputShape(prefix + node.id() + SEP, node.body(), e.from())).orElse(null);
        }
        NodeReport r = flat.report(prefix + node.id());
        return r == null ? null : r.outputs().get(ref.port());
    }
}
