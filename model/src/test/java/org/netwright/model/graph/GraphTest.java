package org.netwright.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphTest {
    private static Node node(String id) {
        return new Node(id, "relu", Map.of(), 0, 0);
    }

    private static Graph nodes(String... ids) {
        Graph g = Graph.empty();
        for (String id : ids) {
            g = g.withNode(node(id));
        }
        return g;
    }

    @Test
    void connectAddsTheEdgeAndLeavesTheOriginalGraphUnchanged() {
        Graph before = nodes("a", "b");
        Edge e = Edge.of("a", "out", "b", "in");
        Graph after = before.connect(e);
        assertEquals(List.of(e), after.edges());
        assertEquals(e, after.incoming(new PortRef("b", "in")).orElseThrow());
        assertTrue(before.edges().isEmpty());
    }

    @Test
    void aTakenInputIsRefusedNamingTheEdgeThatFeedsIt() {
        Graph g = nodes("a", "b", "c").connect(Edge.of("a", "out", "c", "in"));
        GraphEditException e = assertThrows(GraphEditException.class, () -> g.connect(Edge.of("b", "out", "c", "in")));
        assertTrue(e.getMessage().contains("c.in is already fed by a.out"), e.getMessage());
    }

    @Test
    void anOutputMayFeedManyInputs() {
        Graph g = nodes("a", "b", "c").connect(Edge.of("a", "out", "b", "in")).connect(Edge.of("a", "out", "c", "in"));
        assertEquals(2, g.outgoingEdges("a").size());
    }

    @Test
    void aCycleIsRefusedWithAMessageNamingTheNodes() {
        Graph g = nodes("a", "b", "c").connect(Edge.of("a", "out", "b", "in")).connect(Edge.of("b", "out", "c", "in"));
        GraphEditException e = assertThrows(GraphEditException.class, () -> g.connect(Edge.of("c", "out", "a", "in")));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertTrue(e.getMessage().contains("a already feeds c"), e.getMessage());
    }

    @Test
    void aSelfLoopIsRefused() {
        GraphEditException e = assertThrows(GraphEditException.class,
                () -> nodes("a").connect(Edge.of("a", "out", "a", "in")));
        assertTrue(e.getMessage().contains("cannot feed itself"), e.getMessage());
    }

    @Test
    void anEdgeToAnUnknownNodeIsRefused() {
        GraphEditException e = assertThrows(GraphEditException.class,
                () -> nodes("a").connect(Edge.of("a", "out", "ghost", "in")));
        assertTrue(e.getMessage().contains("'ghost'"), e.getMessage());
    }

    @Test
    void topologicalOrderPutsEveryNodeAfterItsFeedersAcrossBranches() {
        // Inserted out of order on purpose: sink first, branches before their source.
        Graph g = nodes("out", "add", "right", "left", "in")
                .connect(Edge.of("in", "out", "left", "in"))
                .connect(Edge.of("in", "out", "right", "in"))
                .connect(Edge.of("left", "out", "add", "in1"))
                .connect(Edge.of("right", "out", "add", "in2"))
                .connect(Edge.of("add", "out", "out", "in"));
        List<String> order = g.topologicalOrder();
        assertEquals(5, order.size());
        for (Edge e : g.edges()) {
            assertTrue(order.indexOf(e.from().nodeId()) < order.indexOf(e.to().nodeId()), e + " in " + order);
        }
        assertEquals("in", order.get(0));
        assertEquals(List.of("add", "out"), order.subList(3, 5));
    }

    @Test
    void topologicalOrderKeepsInsertionOrderForUnrelatedNodes() {
        assertEquals(List.of("c", "a", "b"), nodes("c", "a", "b").topologicalOrder());
    }

    @Test
    void withoutNodesRemovesTheNodesAndEveryEdgeTouchingThem() {
        Graph g = nodes("a", "b", "c", "d")
                .connect(Edge.of("a", "out", "b", "in"))
                .connect(Edge.of("b", "out", "c", "in"))
                .connect(Edge.of("a", "out", "d", "in"));
        Graph cut = g.withoutNodes(List.of("b"));
        assertEquals(List.of("a", "c", "d"), List.copyOf(cut.nodes().keySet()));
        assertEquals(List.of(Edge.of("a", "out", "d", "in")), cut.edges());
    }

    @Test
    void disconnectRemovesTheEdgeAndRefusesOneThatIsNotThere() {
        Edge e = Edge.of("a", "out", "b", "in");
        Graph g = nodes("a", "b").connect(e);
        assertTrue(g.disconnect(e).edges().isEmpty());
        assertThrows(GraphEditException.class, () -> g.disconnect(Edge.of("b", "out", "a", "in")));
    }

    @Test
    void sinksAreTheNodesThatFeedNothing() {
        Graph g = nodes("a", "b", "c").connect(Edge.of("a", "out", "b", "in"));
        assertEquals(List.of("b", "c"), g.sinks());
    }

    @Test
    void freshIdSkipsIdsInUse() {
        Graph g = nodes("dense_1", "dense_2");
        assertEquals("dense_3", g.freshId("dense"));
        assertFalse(g.nodes().containsKey(g.freshId("conv")));
    }

    @Test
    void graphsWithTheSameNodesAndEdgesAreEqualWhateverTheEdgeOrder() {
        Graph one = nodes("a", "b", "c").connect(Edge.of("a", "out", "b", "in")).connect(Edge.of("a", "out", "c", "in"));
        Graph two = nodes("a", "b", "c").connect(Edge.of("a", "out", "c", "in")).connect(Edge.of("a", "out", "b", "in"));
        assertEquals(one, two);
        assertEquals(one.hashCode(), two.hashCode());
    }
}
