package org.netwright.model.shape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Shape inference for a whole graph: a pure function from graph to {@link GraphShapes}. Never throws for bad wiring. */
public final class ShapeInference {
    private final LayerCatalog catalog;
    /** Shapes bound to the input placeholders of the composite body being inferred, by node id; null at the top level. */
    private final Map<String, Shape> bound;

    public ShapeInference(LayerCatalog catalog) {
        this(catalog, null);
    }

    /** Inference of a composite's body, whose {@code composite_input} nodes carry the shapes arriving at the composite. */
    ShapeInference(LayerCatalog catalog, Map<String, Shape> bound) {
        this.catalog = catalog;
        this.bound = bound;
    }

    public static GraphShapes infer(Graph graph) {
        return new ShapeInference(LayerCatalog.standard()).run(graph);
    }

    /**
     * Shapes of {@code after}, an edit of {@code before} (whose shapes are {@code beforeShapes}): only nodes whose
     * type, parameters, body or incoming edges changed, and those downstream whose input changed as a result, are
     * inferred again; every other node keeps its report. Equal to {@link #infer(Graph) infer(after)}, faster on a
     * large graph after a small edit.
     */
    public static GraphShapes update(Graph before, GraphShapes beforeShapes, Graph after) {
        return new ShapeInference(LayerCatalog.standard()).rerun(before, beforeShapes, after);
    }

    /**
     * Shapes of the layers inside the block at {@code path} (see {@link org.netwright.model.graph.CompositePath}) as
     * the block sits in {@code top}: its input placeholders carry what arrives at the block's ports. A placeholder of
     * a port that nothing outside feeds (or feeds with an unknown shape) says so; an empty path infers {@code top}.
     */
    public static GraphShapes inside(Graph top, List<String> path) {
        LayerCatalog catalog = LayerCatalog.standard();
        Graph graph = top;
        GraphShapes shapes = new ShapeInference(catalog).run(top);
        for (String id : path) {
            Node block = graph.require(id);
            GraphShapes outer = shapes;
            Map<String, Shape> bound = new HashMap<>();
            Map<String, String> unbound = new LinkedHashMap<>();
            for (Node entry : org.netwright.model.graph.CompositePorts.inputNodes(block.body())) {
                String port = org.netwright.model.graph.CompositePorts.portOf(entry);
                Optional<Edge> feed = graph.incoming(new org.netwright.model.graph.PortRef(id, port));
                NodeReport from = feed.map(e -> outer.report(e.from().nodeId())).orElse(null);
                Shape shape = from == null ? null : from.outputs().get(feed.get().from().port());
                if (shape != null) {
                    bound.put(entry.id(), shape);
                } else {
                    unbound.put(entry.id(), feed.isEmpty()
                            ? "nothing outside " + id + " is connected to its input '" + port + "'"
                            : "the shape arriving at " + id + "'s input '" + port + "' is not known yet");
                }
            }
            graph = block.body();
            GraphShapes run = new ShapeInference(catalog, bound).run(graph);
            Map<String, NodeReport> reports = new HashMap<>(run.reports());
            unbound.forEach((entry, why) -> reports.put(entry, NodeReport.problem(entry, entry + ": " + why)));
            shapes = new GraphShapes(run.order(), reports);
        }
        return shapes;
    }

    private GraphShapes rerun(Graph before, GraphShapes beforeShapes, Graph after) {
        List<String> order = after.topologicalOrder();
        boolean sameEdges = before.edges() == after.edges();
        Map<String, NodeReport> reports = new HashMap<>();
        Set<String> changed = new HashSet<>();
        for (String id : order) {
            Node now = after.require(id);
            Node was = before.nodes().get(id);
            NodeReport old = beforeShapes.report(id);
            boolean again = old == null || was == null || !sameDefinition(was, now)
                    || (!sameEdges && !after.incomingEdges(id).equals(before.incomingEdges(id)));
            if (!again) {
                for (Edge e : after.incomingEdges(id)) {
                    if (changed.contains(e.from().nodeId())) {
                        again = true;
                        break;
                    }
                }
            }
            NodeReport report = again ? inferNode(after, now, reports) : old;
            if (!report.equals(old)) {
                changed.add(id);
            }
            reports.put(id, report);
        }
        return new GraphShapes(order, reports);
    }

    /** Whether two versions of a node give the same shapes from the same inputs: all but the position equal. */
    private static boolean sameDefinition(Node a, Node b) {
        return a.type().equals(b.type()) && a.params().equals(b.params()) && Objects.equals(a.body(), b.body());
    }

    public GraphShapes run(Graph graph) {
        List<String> order = graph.topologicalOrder();
        Map<String, NodeReport> reports = new HashMap<>();
        for (String id : order) {
            reports.put(id, inferNode(graph, graph.require(id), reports));
        }
        return new GraphShapes(order, reports);
    }

    private NodeReport inferNode(Graph graph, Node node, Map<String, NodeReport> done) {
        String who = node.id();
        if (CompositeInference.handles(node, bound != null)) {
            return CompositeInference.infer(catalog, graph, node, done, bound);
        }
        Optional<LayerSpec> found = catalog.find(node.type());
        if (found.isEmpty()) {
            return NodeReport.problem(who, who + ": unknown layer type '" + node.type() + "'");
        }
        LayerSpec spec = found.get();
        String label = who + " (" + spec.name() + ")";
        List<String> paramProblems = spec.problems(node.params());
        if (!paramProblems.isEmpty()) {
            return NodeReport.problem(who, label + ": " + String.join(" ", paramProblems));
        }
        LayerParams params = spec.resolve(node.params());
        List<Shape> inputs = new ArrayList<>();
        for (String port : spec.inputPorts(params)) {
            Arrival arrival = Arrival.at(graph, who, label, port, done);
            if (arrival.stop() != null) {
                return arrival.stop();
            }
            inputs.add(arrival.shape());
        }
        for (Edge e : graph.incomingEdges(who)) {
            if (!spec.inputPorts(params).contains(e.to().port())) {
                return NodeReport.problem(who, label + ": has no input port '" + e.to().port() + "' (edge from "
                        + e.from() + ")");
            }
        }
        try {
            LayerOutput out = spec.shapeRule().apply(params, inputs);
            List<String> outPorts = spec.outputPorts(params);
            Map<String, Shape> byPort = new LinkedHashMap<>();
            for (int i = 0; i < outPorts.size(); i++) {
                byPort.put(outPorts.get(i), out.outputs().get(i));
            }
            return NodeReport.ok(who, byPort, out.params(), out.macs());
        } catch (ShapeMismatch e) {
            return NodeReport.problem(who, label + " " + e.getMessage());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return NodeReport.problem(who, label + ": " + e.getMessage());
        }
    }
}
