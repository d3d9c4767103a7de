package org.netwright.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {
    private static Node node(String id) {
        return new Node(id, "relu", Map.of(), 0, 0);
    }

    @Test
    void aBuiltGraphEqualsTheOneMadeEditByEdit() {
        Graph slow = Graph.empty().withNode(node("a")).withNode(node("b")).withNode(node("c"))
                .connect(Edge.of("a", "out", "b", "in")).connect(Edge.of("b", "out", "c", "in"));
        Graph built = Graph.builder().node(node("a")).node(node("b")).node(node("c"))
                .connect(Edge.of("a", "out", "b", "in")).connect(Edge.of("b", "out", "c", "in")).build();
        assertEquals(slow, built);
        assertEquals(List.of("a", "b", "c"), built.topologicalOrder());
    }

    @Test
    void theBuilderRefusesATakenInputAsConnectWould() {
        Graph.Builder b = Graph.builder().node(node("a")).node(node("b")).node(node("c"))
                .connect(Edge.of("a", "out", "c", "in"));
        GraphEditException e = assertThrows(GraphEditException.class, () -> b.connect(Edge.of("b", "out", "c", "in")));
        assertTrue(e.getMessage().contains("c.in is already fed by a.out"), e.getMessage());
    }

    @Test
    void buildNamesTheFirstEdgeThatClosesACycle() {
        Graph.Builder b = Graph.builder().node(node("a")).node(node("b")).node(node("c"))
                .connect(Edge.of("a", "out", "b", "in")).connect(Edge.of("b", "out", "c", "in"))
                .connect(Edge.of("c", "out", "a", "in"));
        GraphEditException e = assertThrows(GraphEditException.class, b::build);
        assertTrue(e.getMessage().contains("c.out -> a.in") || e.getMessage().contains("a already feeds c"),
                e.getMessage());
    }

    @Test
    void connectAllRestoresManyEdgesAndStillRefusesACycle() {
        Graph g = Graph.builder().node(node("a")).node(node("b")).node(node("c")).build();
        Graph wired = g.connectAll(List.of(Edge.of("a", "out", "b", "in"), Edge.of("b", "out", "c", "in")));
        assertEquals(2, wired.edges().size());
        assertThrows(GraphEditException.class, () -> wired.connectAll(List.of(Edge.of("c", "out", "a", "in2"))));
    }

    @Test
    void withNodesReplacesSeveralNodesAndKeepsEveryEdge() {
        Graph g = Graph.builder().node(node("a")).node(node("b")).connect(Edge.of("a", "out", "b", "in")).build();
        Graph moved = g.withNodes(List.of(node("a").at(5, 6), node("b").at(7, 8)));
        assertEquals(5, moved.require("a").x());
        assertSame(g.edges(), moved.edges());
        assertEquals(1, moved.outgoingEdges("a").size());
    }

    /**
     * Building a chain of 200,000 nodes and reading its order takes about a second when linear; the quadratic
     * version took 46 s for 10,000 nodes, so hours for this one. The 60 s bound is far from both, so the test
     * cannot fail on a slow or loaded machine, only when loading is quadratic again.
     */
    @Test
    void buildingAndOrderingAHugeChainIsLinear() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int n = 200_000;
            Graph.Builder b = Graph.builder();
            b.node(node("n0"));
            for (int i = 1; i < n; i++) {
                b.node(node("n" + i));
                b.connect(Edge.of("n" + (i - 1), "out", "n" + i, "in"));
            }
            Graph g = b.build();
            assertEquals(n, g.topologicalOrder().size());
            assertEquals(List.of("n" + (n - 1)), g.sinks());
        });
    }
}
