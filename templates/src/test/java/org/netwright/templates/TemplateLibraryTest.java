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
        assertEquals(List.of("two-moons-mlp", "shapes-cnn", "communities-gcn", "lenet5", "alexnet", "vgg16", "resnet18",
                        "regression-mlp", "gan-2d", "cgan"),
                TemplateLibrary.all().stream().map(Template::id).toList());
        assertTrue(TemplateLibrary.find("shapes-cnn").isPresent());
        assertTrue(TemplateLibrary.find("nope").isEmpty());
    }

    static List<Template> templatesWithSamples() {
        return TemplateLibrary.all().stream().filter(Template::hasOwnData)
                .filter(t -> !Generators.makesGraph(t.settings().data()))
                // templates on named fields (regression, GANs) have their own tasks, checked by their recipe tests
                .filter(t -> !Generators.makesFields(t.settings().data())).toList();
    }

    @ParameterizedTest
    @MethodSource("templatesWithSamples")
    void graphHasValidShapesAndOneOutputPerClass(Template t) {
        GraphShapes shapes = ShapeInference.infer(t.graph());
        assertTrue(shapes.isValid(), () -> t.id() + ": " + shapes.problems());
        List<String> sinks = t.graph().sinks();
        assertEquals(1, sinks.size());
        Dataset data = Generators.generate(t.settings().data(), t.settings().seed());
        assertEquals(Shape.of(data.numClasses()), shapes.report(sinks.get(0)).outputs().get("out"));
        assertEquals(data.sampleShape(), shapes.report("input").outputs().get("out"));
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
