package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.ShapeInference;
import org.netwright.templates.TemplateLibrary;

class TrainReadinessTest {
    private final TrainingSettings settings = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings();
    private final Node input = new Node("input", "vector_input", Map.of("features", 2), 0, 0);

    @Test
    void aTemplateNetworkMayTrain() {
        Graph g = TemplateLibrary.find("two-moons-mlp").orElseThrow().graph();
        assertEquals(Optional.empty(), TrainReadiness.whyNot(g, ShapeInference.infer(g), settings));
    }

    @Test
    void anEmptyCanvasSaysToStartWithAnInput() {
        assertTrue(why(Graph.empty(), settings).contains("drag an input layer"));
    }

    @Test
    void anInputAloneHasNothingToTrain() {
        Graph g = Graph.of(List.of(input), List.of());
        assertTrue(why(g, settings).startsWith("Nothing to train yet"));
    }

    @Test
    void anImageInputAloneSuggestsAConvolutionNotADenseLayer() {
        Graph g = Graph.of(List.of(new Node("image_input_1", "image_input", Map.of(), 0, 0)), List.of());
        assertEquals("Nothing to train yet: drag a Conv2d layer onto the canvas, then drag from image_input_1's port"
                + " to it.", why(g, settings));
        Graph tokens = Graph.of(List.of(new Node("token_input_1", "token_input", Map.of(), 0, 0)), List.of());
        assertTrue(why(tokens, settings).contains("drag an Embedding layer"), why(tokens, settings));
    }

    @Test
    void aShapeProblemNamesTheNode() {
        // A 2-D convolution cannot take a flat vector: the node is red and Train must say so.
        Graph g = Graph.of(List.of(input, new Node("conv2d_1", "conv2d", Map.of(), 200, 0)),
                List.of(Edge.of("input", "out", "conv2d_1", "in")));
        String why = why(g, settings);
        assertTrue(why.startsWith("Fix the red node first"), why);
        assertTrue(why.contains("conv2d_1"), why);
    }

    @Test
    void badSettingsAreNamed() {
        Graph g = TemplateLibrary.find("two-moons-mlp").orElseThrow().graph();
        assertTrue(why(g, settings.withBatchSize(0)).startsWith("Batch size"));
    }

    @Test
    void anUnwiredInputIsNamedAsTheAmberNodeTheCanvasShows() {
        Graph g = Graph.of(List.of(new Node("input", "vector_input", Map.of("features", 2), 0, 0),
                        new Node("dense_1", "dense", Map.of("units", 2), 200, 0),
                        new Node("dense_2", "dense", Map.of("units", 2), 400, 0)),
                List.of(Edge.of("input", "out", "dense_1", "in")));
        String why = why(g, TemplateLibrary.find("two-moons-mlp").orElseThrow().settings());
        assertTrue(why.startsWith("Connect the amber node first: dense_2"), why);
    }

    @Test
    void referenceArchitectureWithoutDataSaysWhatItExpects() {
        var alexnet = TemplateLibrary.find("alexnet").orElseThrow();
        String why = why(alexnet.graph(), alexnet.settings());
        assertTrue(why.startsWith("This network needs your own data"), why);
        assertTrue(why.contains("224"), why);
    }

    private static String why(Graph g, TrainingSettings s) {
        return TrainReadiness.whyNot(g, ShapeInference.infer(g), s).orElseThrow();
    }
}
