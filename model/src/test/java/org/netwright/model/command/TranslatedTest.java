package org.netwright.model.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.ResidualGraphs;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** An edit made on a moved view lands where the view showed it, and undo is exact. */
class TranslatedTest {
    @Test
    void aLayerAddedAtAViewPointLandsThereInTheGraphAndUndoRestoresIt() {
        Graph g = ResidualGraphs.flat();
        Translated add = new Translated(new AddNode(new Node("extra", "relu", Map.of(), 300, 148)), 240, 48);
        Graph after = add.apply(g);
        assertEquals(60, after.require("extra").x());
        assertEquals(100, after.require("extra").y());
        assertEquals(g.require("a"), after.require("a"));
        assertEquals(g, add.undo(after));
        assertEquals("Add extra", add.description());
        assertEquals("A node named extra already exists.", add.whyNot(after).orElseThrow());
    }
}
