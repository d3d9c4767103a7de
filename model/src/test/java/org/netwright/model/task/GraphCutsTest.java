package org.netwright.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

class GraphCutsTest {
    /** input -> enc -> (mu, log_var) -> sampling -> dec -> out, plus an optional skip from enc into out. */
    private static Graph vae(boolean skip) {
        List<Node> nodes = List.of(
                new Node("input", "vector_input", Map.of("features", 4), 0, 0),
                new Node("enc", "dense", Map.of("units", 8), 0, 0),
                new Node("mu", "dense", Map.of("units", 3), 0, 0),
                new Node("log_var", "dense", Map.of("units", 3), 0, 0),
                new Node("sampling", "sampling", Map.of(), 0, 0),
                new Node("dec", "dense", Map.of("units", 8), 0, 0),
                new Node("out", skip ? "add" : "dense", skip ? Map.of() : Map.of("units", 4), 0, 0));
        List<Edge> edges = new java.util.ArrayList<>(List.of(Edge.of("input", "out", "enc", "in"),
                Edge.of("enc", "out", "mu", "in"), Edge.of("enc", "out", "log_var", "in"),
                Edge.of("mu", "out", "sampling", "mu"), Edge.of("log_var", "out", "sampling", "log_var"),
                Edge.of("sampling", "out", "dec", "in")));
        if (skip) {
            edges.add(Edge.of("dec", "out", "out", "in1"));
            edges.add(Edge.of("enc", "out", "out", "in2"));
        } else {
            edges.add(Edge.of("dec", "out", "out", "in"));
        }
        return Graph.of(nodes, edges);
    }

    @Test
    void theDecoderIsFedByANoiseInputOfTheLatentSize() {
        Graph decoder = GraphCuts.after(vae(false), "sampling");
        assertEquals(Set.of("sampling", "dec", "out"), decoder.nodes().keySet());
        Node noise = decoder.require("sampling");
        assertEquals("noise_input", noise.type());
        assertEquals(3, noise.params().get("latent"));
        assertEquals(2, decoder.edges().size());
        var shapes = ShapeInference.infer(decoder);
        assertTrue(shapes.isValid(), shapes.problems().toString());
        assertEquals(Shape.of(4), shapes.report("out").outputs().get("out"));
        assertEquals(vae(false).require("dec"), decoder.require("dec"));
    }

    @Test
    void aLayerAfterTheCutThatReadsTheEncoderIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> GraphCuts.after(vae(true), "sampling"));
        assertTrue(e.getMessage().contains("'out'") && e.getMessage().contains("'enc'"), e.getMessage());
    }

    @Test
    void aMissingLayerOrOneWithNothingAfterItIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GraphCuts.after(vae(false), "nope"));
        assertThrows(IllegalArgumentException.class, () -> GraphCuts.after(vae(false), "out"));
    }

    @Test
    void anAutoencodersCodeIsItsNarrowestVectorLayerTheFirstOfTies() {
        Graph ae = Graph.of(List.of(
                        new Node("input", "vector_input", Map.of("features", 6), 0, 0),
                        new Node("enc", "dense", Map.of("units", 4), 0, 0),
                        new Node("code", "dense", Map.of("units", 2), 0, 0),
                        new Node("act", "relu", Map.of(), 0, 0),
                        new Node("dec", "dense", Map.of("units", 4), 0, 0),
                        new Node("out", "dense", Map.of("units", 6), 0, 0)),
                List.of(Edge.of("input", "out", "enc", "in"), Edge.of("enc", "out", "code", "in"),
                        Edge.of("code", "out", "act", "in"), Edge.of("act", "out", "dec", "in"),
                        Edge.of("dec", "out", "out", "in")));
        assertEquals(java.util.Optional.of("code"), GraphCuts.bottleneck(ae));
        assertEquals(Set.of("code", "act", "dec", "out"), GraphCuts.after(ae, "code").nodes().keySet());
        // A network whose output is not shaped like its input (a classifier, a VAE's two outputs) has none.
        Graph classifier = Graph.of(List.of(new Node("input", "vector_input", Map.of("features", 6), 0, 0),
                        new Node("fc", "dense", Map.of("units", 3), 0, 0)),
                List.of(Edge.of("input", "out", "fc", "in")));
        assertTrue(GraphCuts.bottleneck(classifier).isEmpty());
    }
}
