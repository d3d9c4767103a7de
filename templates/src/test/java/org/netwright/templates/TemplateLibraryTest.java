package org.netwright.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;
import org.netwright.templates.data.Dataset;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.GraphDataset;

class TemplateLibraryTest {
    /** A node card's size on the canvas (graph-editor's NodeGeometry.WIDTH; two ports and three text lines). */
    private static final double NODE_WIDTH = 188;
    private static final double NODE_HEIGHT = 110;
    /** Where a card with two port rows has its second port (graph-editor's NodeGeometry.portY(1, true)). */
    private static final double ADJACENCY_PORT_Y = 109;

    static List<Template> templates() {
        return TemplateLibrary.all();
    }

    @Test
    void offersTheTemplatesById() {
        List<String> ids = TemplateLibrary.all().stream().map(Template::id).toList();
        assertEquals(List.of("two-moons-mlp", "shapes-cnn", "communities-gcn", "lenet5", "alexnet", "vgg16", "resnet18"),
                ids.subList(0, 7));
        assertEquals(ids.size(), ids.stream().distinct().count(), "template ids are unique: " + ids);
        assertTrue(TemplateLibrary.find("shapes-cnn").isPresent());
        assertTrue(TemplateLibrary.find("nope").isEmpty());
    }

    static List<Template> templatesWithSamples() {
        return TemplateLibrary.all().stream().filter(Template::hasOwnData)
                .filter(t -> !Generators.makesGraph(t.settings().data()) && !Generators.makesGraphSet(t.settings().data()))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("templatesWithSamples")
    void graphHasValidShapesAndATaskThatFitsItsData(Template t) {
        GraphShapes shapes = ShapeInference.infer(t.graph());
        assertTrue(shapes.isValid(), () -> t.id() + ": " + shapes.problems());
        var fields = Generators.generateSamples(t.settings().data(), t.settings().seed()).fields();
        var ends = org.netwright.model.task.NetworkEnds.of(t.graph());
        var task = org.netwright.model.task.TaskProposal.propose(t.graph(), ends, fields);
        if (!"auto".equals(t.settings().loss())) {
            task = task.withLoss(t.settings().loss());
        }
        assertEquals(List.of(), org.netwright.model.task.TaskProposal.problems(task, ends, fields), t.id());
    }

    @Test
    void noTemplateTellsItsUserACommandLineFlag() {
        // The gallery shows every description and what a template without data expects: the app has no flags.
        for (Template t : TemplateLibrary.all()) {
            assertFalse(t.description().contains("--"), t.id() + ": " + t.description());
            Object expects = t.settings().data() == null ? null : t.settings().data().options().get(Template.EXPECTS);
            assertFalse(String.valueOf(expects).contains("--"), t.id() + " expects " + expects);
        }
    }

    @Test
    void theCommunitiesGcnTakesItsGeneratedGraphAndScoresEveryNode() {
        Template t = TemplateLibrary.find("communities-gcn").orElseThrow();
        GraphShapes shapes = ShapeInference.infer(t.graph());
        assertTrue(shapes.isValid(), () -> shapes.problems().toString());
        GraphDataset data = Generators.generateGraph(t.settings().data(), t.settings().seed());
        assertEquals(data.featureShape(), shapes.report("input").outputs().get("features"));
        assertEquals(data.adjacencyShape(), shapes.report("input").outputs().get("adjacency"));
        assertEquals(List.of("gcn_2"), t.graph().sinks());
        assertEquals(Shape.of(data.nodes(), data.numClasses()), shapes.report("gcn_2").outputs().get("out"));
        // Both graph layers read the adjacency straight from the input.
        for (String layer : List.of("gcn_1", "gcn_2")) {
            assertEquals(Edge.of("input", "adjacency", layer, "adjacency"),
                    t.graph().incoming(new PortRef(layer, "adjacency")).orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcn-node", "gat-node"})
    void theNodeClassifiersTakeTheirNoisyGraphAndScoreEveryNode(String id) {
        Template t = TemplateLibrary.find(id).orElseThrow();
        GraphShapes shapes = ShapeInference.infer(t.graph());
        assertTrue(shapes.isValid(), () -> shapes.problems().toString());
        GraphDataset data = Generators.generateGraph(t.settings().data(), t.settings().seed());
        assertEquals(data.featureShape(), shapes.report("input").outputs().get("features"));
        String last = t.graph().sinks().get(0);
        assertEquals(Shape.of(data.nodes(), data.numClasses()), shapes.report(last).outputs().get("out"));
    }

    @Test
    void theGraphClassifierTakesItsLargestGraphAndScoresEachGraph() {
        Template t = TemplateLibrary.find("gnn-graph-classify").orElseThrow();
        GraphShapes shapes = ShapeInference.infer(t.graph());
        assertTrue(shapes.isValid(), () -> shapes.problems().toString());
        var graphs = Generators.generateGraphSet(t.settings().data(), t.settings().seed());
        Shape features = shapes.report("input").outputs().get("features");
        assertTrue(features.dim(0) >= graphs.maxNodes(), features + " for graphs of up to " + graphs.maxNodes());
        assertEquals(graphs.featureCount(), features.dim(1));
        assertEquals(Edge.of("input", "mask", "readout", "mask"),
                t.graph().incoming(new PortRef("readout", "mask")).orElseThrow());
        assertEquals(Shape.of(graphs.numClasses()), shapes.report(t.graph().sinks().get(0)).outputs().get("out"));
    }

    /** The adjacency bus from the graph input to the last GCN runs level, under every card it passes. */
    @Test
    void theCommunitiesGcnsAdjacencyBusCrossesNoCard() {
        Graph g = TemplateLibrary.find("communities-gcn").orElseThrow().graph();
        Node input = g.require("input");
        Node last = g.require("gcn_2");
        assertEquals(input.y(), last.y());
        double bus = input.y() + ADJACENCY_PORT_Y;
        for (Node n : g.nodes().values()) {
            if (n.x() > input.x() && n.x() < last.x()) {
                assertTrue(n.y() + NODE_HEIGHT < bus - 10, n.id() + " sits on the adjacency bus");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"lenet5, 61706", "alexnet, 61100840", "vgg16, 138357544", "resnet18, 11689512"})
    void referenceNetsHaveThePublishedParameterCounts(String id, long params) {
        GraphShapes shapes = ShapeInference.infer(TemplateLibrary.find(id).orElseThrow().graph());
        assertTrue(shapes.isValid(), () -> id + ": " + shapes.problems());
        assertEquals(params, shapes.totalParams());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alexnet", "vgg16", "resnet18"})
    void imageNetNetsSayWhatDataTheyNeedInsteadOfMakingSomeUp(String id) {
        Template t = TemplateLibrary.find(id).orElseThrow();
        assertFalse(t.hasOwnData());
        assertTrue(String.valueOf(t.settings().data().options().get(Template.EXPECTS)).contains("3×224×224"));
        GraphShapes shapes = ShapeInference.infer(t.graph());
        assertTrue(shapes.isValid(), () -> id + ": " + shapes.problems());
        assertEquals(Shape.of(3, 224, 224), shapes.report("input").outputs().get("out"));
        assertEquals(Shape.of(1000), shapes.report(t.graph().sinks().get(0)).outputs().get("out"));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void settingsHaveNoProblems(Template t) {
        assertEquals(List.of(), t.settings().problems());
    }

    /** Every edge runs left to right within a row, or from the end of one row to the start of a lower one. */
    @ParameterizedTest
    @MethodSource("templates")
    void edgesRunLeftToRightOrDownToTheNextRow(Template t) {
        for (Graph g : canvases(t.graph())) {
            for (Edge e : g.edges()) {
                Node from = g.require(e.from().nodeId());
                Node to = g.require(e.to().nodeId());
                assertTrue(to.x() > from.x() || to.y() > from.y() + NODE_HEIGHT, e + " runs backwards");
            }
        }
    }

    /** The graph and, nested, the body of every composite in it: each is a canvas of its own. */
    private static List<Graph> canvases(Graph g) {
        List<Graph> out = new ArrayList<>(List.of(g));
        for (Node n : g.nodes().values()) {
            if (n.body() != null) {
                out.addAll(canvases(n.body()));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("templates")
    void nodeCardsDoNotOverlap(Template t) {
        for (Graph g : canvases(t.graph())) {
            List<Node> nodes = List.copyOf(g.nodes().values());
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    Node a = nodes.get(i);
                    Node b = nodes.get(j);
                    boolean apart = Math.abs(a.x() - b.x()) >= NODE_WIDTH || Math.abs(a.y() - b.y()) >= NODE_HEIGHT;
                    assertTrue(apart, a.id() + " overlaps " + b.id());
                }
            }
        }
    }

    @Test
    void resnet18WrapsEachResidualBlockInACompositeNamedAsInTorchvision() {
        Graph g = TemplateLibrary.find("resnet18").orElseThrow().graph();
        assertEquals(List.of("layer1_0", "layer1_1", "layer2_0", "layer2_1", "layer3_0", "layer3_1", "layer4_0",
                "layer4_1"), g.topologicalOrder().stream().filter(id -> CompositePorts.isComposite(g.require(id))).toList());
        assertEquals(2, convolutions(g.require("layer1_1")), "identity shortcut");
        assertEquals(3, convolutions(g.require("layer2_0")), "1×1 projection shortcut");
        GraphShapes shapes = ShapeInference.infer(g);
        assertEquals(Shape.of(64, 56, 56), shapes.report("layer1_0").outputs().get("out"));
        assertEquals(Shape.of(128, 28, 28), shapes.report("layer2_0").outputs().get("out"));
        assertEquals(Shape.of(512, 7, 7), shapes.report("layer4_1").outputs().get("out"));
        assertEquals(2L * (3 * 3 * 64 * 64 + 2 * 64), shapes.report("layer1_0").params());
        assertEquals(3 * 3 * 64 * 128 + 3 * 3 * 128 * 128 + 64 * 128 + 3L * 2 * 128, shapes.report("layer2_0").params());
    }

    private static long convolutions(Node composite) {
        return composite.body().nodes().values().stream().filter(n -> n.type().equals("conv2d")).count();
    }

    @Test
    void bigNetsWrapIntoRowsThatStayViewable() {
        for (String id : List.of("alexnet", "vgg16", "resnet18")) {
            Graph g = TemplateLibrary.find(id).orElseThrow().graph();
            double width = g.nodes().values().stream().mapToDouble(Node::x).max().orElseThrow();
            // At most 14 cards a row: the canvas fits such a row at about 40% zoom.
            assertTrue(width <= 14 * GraphBuilder.STEP_X, id + " is " + width + " px wide");
        }
    }

    @Test
    void nodeIdsAreReadable() {
        assertEquals(List.of("input", "dense_1", "relu_1", "dense_2", "relu_2", "dense_3"),
                TemplateLibrary.find("two-moons-mlp").orElseThrow().graph().topologicalOrder());
    }
}
