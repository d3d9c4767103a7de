package org.netwright.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

class FirstLayerTest {
    private final LayerCatalog catalog = LayerCatalog.standard();

    @Test
    void eachInputGetsTheLayerThatFitsWhatItGives() {
        assertEquals("conv2d", first("image_input"));
        assertEquals("embedding", first("token_input"));
        assertEquals("embedding", first("label_input"));
        assertEquals("lstm", first("sequence_input"));
        assertEquals("gcn", first("graph_input"));
        assertEquals("dense", first("vector_input"));
        assertEquals("dense", first("noise_input"));
    }

    @Test
    void theShapeDecidesForAnInputOfAnotherRank() {
        assertEquals("dense", FirstLayer.after(catalog, "image_input", Shape.of(12)).orElseThrow().id());
        assertEquals("conv2d", FirstLayer.after(catalog, "image_input", Shape.of(3, 32, 32)).orElseThrow().id());
    }

    @Test
    void noSuggestionAfterALayerThatIsNoInput() {
        assertTrue(FirstLayer.after(catalog, "dense", Shape.of(4)).isEmpty());
        assertTrue(FirstLayer.after(catalog, "no_such_layer", null).isEmpty());
    }

    /** Wired to every input's outputs with its defaults, the suggested layer takes them and has weights to train. */
    @Test
    void everySuggestionTakesTheInputAsItComesAndHasWeights() {
        for (LayerSpec input : catalog.all()) {
            if (!input.isInput()) {
                continue;
            }
            LayerSpec next = FirstLayer.after(catalog, input.id(), null).orElseThrow();
            Node in = new Node("in", input.id(), Map.of(), 0, 0);
            Node layer = new Node("next", next.id(), Map.of(), 300, 0);
            List<String> outs = input.outputPorts();
            List<String> ins = next.inputPorts(next.resolve(Map.of()));
            List<Edge> edges = new ArrayList<>();
            for (int i = 0; i < ins.size(); i++) {
                edges.add(Edge.of("in", outs.get(Math.min(i, outs.size() - 1)), "next", ins.get(i)));
            }
            GraphShapes shapes = ShapeInference.infer(Graph.of(List.of(in, layer), edges));
            assertTrue(shapes.isValid(), input.id() + " -> " + next.id() + ": " + shapes.problems());
            assertTrue(shapes.report("next").params() > 0, input.id() + " -> " + next.id() + " has no weights");
        }
    }

    private String first(String input) {
        return FirstLayer.after(catalog, input, null).orElseThrow().id();
    }
}
