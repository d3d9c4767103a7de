package org.netwright.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netwright.model.ResidualGraphs;
import org.netwright.model.command.GroupNodes;

/** Flattening replaces composites by their layers under path ids, joining the edges through the placeholders. */
class CompositeFlatteningTest {
    @Test
    void aGraphWithoutCompositesIsReturnedAsItIs() {
        Graph flat = ResidualGraphs.flat();
        assertSame(flat, CompositeFlattening.flatten(flat));
    }

    @Test
    void aGroupedGraphFlattensToTheFlatOneUnderPathIds() {
        Graph g = CompositeFlattening.flatten(ResidualGraphs.grouped());
        assertEquals(Set.of("input", "block1/a", "block1/act", "block1/b", "block1/sum", "act2", "out"),
                g.nodes().keySet());
        assertEquals(Set.of(Edge.of("input", "out", "block1/a", "in"), Edge.of("block1/a", "out", "block1/act", "in"),
                        Edge.of("block1/act", "out", "block1/b", "in"), Edge.of("block1/b", "out", "block1/sum", "in1"),
                        Edge.of("input", "out", "block1/sum", "in2"), Edge.of("block1/sum", "out", "act2", "in"),
                        Edge.of("act2", "out", "out", "in")),
                Set.copyOf(g.edges()));
        assertEquals(ResidualGraphs.flat().require("a").params(), g.require("block1/a").params());
    }

    @Test
    void nestedCompositesGetNestedPaths() {
        Graph once = ResidualGraphs.grouped();
        Graph twice = GroupNodes.of(once, List.of("block1", "act2"), "stage1", "stage").apply(once);
        Graph g = CompositeFlattening.flatten(twice);
        assertEquals(Set.of("input", "stage1/block1/a", "stage1/block1/act", "stage1/block1/b", "stage1/block1/sum",
                "stage1/act2", "out"), g.nodes().keySet());
        assertEquals(new PortRef("stage1/act2", "out"),
                CompositeFlattening.flatPort(twice, new PortRef("stage1", "out")));
    }

    @Test
    void aBlockThatPassesItsInputStraightOutJoinsTheOuterEdges() {
        Graph body = Graph.of(List.of(new Node("i", CompositePorts.INPUT, Map.of("port", "in"), 0, 0),
                        new Node("o", CompositePorts.OUTPUT, Map.of("port", "out"), 0, 0)),
                List.of(Edge.of("i", "out", "o", "in")));
        Graph g = Graph.of(List.of(new Node("x", "vector_input", Map.of("features", 2), 0, 0),
                        new Node("skip", CompositePorts.COMPOSITE, Map.of("name", "identity"), 0, 0, body),
                        new Node("d", "dense", Map.of("units", 1), 0, 0)),
                List.of(Edge.of("x", "out", "skip", "in"), Edge.of("skip", "out", "d", "in")));
        Graph flat = CompositeFlattening.flatten(g);
        assertEquals(Set.of("x", "d"), flat.nodes().keySet());
        assertEquals(List.of(Edge.of("x", "out", "d", "in")), flat.edges());
    }
}
