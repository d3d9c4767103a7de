package org.netwright.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netwright.model.ResidualGraphs;
import org.netwright.model.command.GroupNodes;
import org.netwright.model.graph.Graph;

/** The JSON form keeps composites nested: a node's "body" holds its own nodes and edges. */
class CompositeJsonTest {
    @Test
    void aCompositeRoundTripsWithItsBodyNested() {
        Graph g = ResidualGraphs.grouped();
        String text = GraphJson.write(g);
        assertTrue(text.contains("\"body\": {"), text);
        assertTrue(text.contains("\"type\": \"composite_input\""), text);
        Graph back = GraphJson.read(text);
        assertEquals(g, back);
        assertEquals(g.require("block1").body(), back.require("block1").body());
        assertEquals(text, GraphJson.write(back));
    }

    @Test
    void nestedCompositesRoundTrip() {
        Graph once = ResidualGraphs.grouped();
        Graph twice = GroupNodes.of(once, List.of("block1", "act2"), "stage1", "stage").apply(once);
        assertEquals(twice, GraphJson.read(GraphJson.write(twice)));
    }

    @Test
    void aBadBodySaysWhichNodeHasIt() {
        String text = """
                {"format":"netwright-graph","version":1,"nodes":[
                  {"id":"c","type":"composite","params":{"name":"x"},"body":{"nodes":[{"id":"d"}],"edges":[]}}],
                 "edges":[]}
                """;
        GraphFormatException e = assertThrows(GraphFormatException.class, () -> GraphJson.read(text));
        assertEquals("Node 1 ('c') has a body that cannot be read: Node 1 ('d') needs \"type\" as non-empty text but "
                + "has missing.", e.getMessage());
    }
}
