package org.netwright.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;
import org.netwright.templates.data.Dataset;
import org.netwright.templates.data.Generators;

class TemplateLibraryTest {

    static List<Template> templates() {
        return TemplateLibrary.all();
    }

    @Test
    void offersTheTwoTemplatesById() {
        assertEquals(List.of("two-moons-mlp", "shapes-cnn"), TemplateLibrary.all().stream().map(Template::id).toList());
        assertTrue(TemplateLibrary.find("shapes-cnn").isPresent());
        assertTrue(TemplateLibrary.find("nope").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("templates")
    void graphHasValidShapesAndOneOutputPerClass(Template t) {
        GraphShapes shapes = ShapeInference.infer(t.graph());
        assertTrue(shapes.isValid(), () -> t.id() + ": " + shapes.problems());
        List<String> sinks = t.graph().sinks();
        assertEquals(1, sinks.size());
        Dataset data = Generators.generate(t.settings().data(), t.settings().seed());
        assertEquals(Shape.of(data.numClasses()), shapes.report(sinks.get(0)).outputs().get("out"));
        assertEquals(data.sampleShape(), shapes.report("input").outputs().get("out"));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void settingsHaveNoProblems(Template t) {
        assertEquals(List.of(), t.settings().problems());
    }

    @ParameterizedTest
    @MethodSource("templates")
    void nodesRunLeftToRightWithoutOverlap(Template t) {
        Graph g = t.graph();
        List<String> order = g.topologicalOrder();
        Set<String> positions = new HashSet<>();
        for (int i = 1; i < order.size(); i++) {
            Node prev = g.require(order.get(i - 1));
            Node next = g.require(order.get(i));
            assertTrue(next.x() > prev.x(), next.id() + " should sit right of " + prev.id());
        }
        for (Node n : g.nodes().values()) {
            assertTrue(positions.add(n.x() + "," + n.y()), n.id() + " overlaps another node");
        }
    }

    @Test
    void nodeIdsAreReadable() {
        assertEquals(List.of("input", "dense_1", "relu_1", "dense_2", "relu_2", "dense_3"),
                TemplateLibrary.find("two-moons-mlp").orElseThrow().graph().topologicalOrder());
    }
}
