package org.netwright.model.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.SampleGraphs;
import org.netwright.model.graph.Graph;

class PlaceNodesTest {
    @Test
    void aLayoutMovesEachNodeToItsOwnPlaceAndUndoPutsThemBack() {
        Graph g = SampleGraphs.mlp();
        CommandStack stack = new CommandStack(g);
        assertTrue(stack.execute(PlaceNodes.of(g, Map.of("input", new double[] {10, 20}, "out", new double[] {300, 40}),
                "Lay out")).isEmpty());
        assertEquals(10, stack.graph().require("input").x());
        assertEquals(40, stack.graph().require("out").y());
        assertEquals(g.edges(), stack.graph().edges());
        stack.undo();
        assertEquals(g, stack.graph());
    }

    @Test
    void aLayoutThatMovesNothingIsRefused() {
        Graph g = SampleGraphs.mlp();
        assertTrue(PlaceNodes.of(g, Map.of("input", new double[] {0, 0}), "Lay out").whyNot(g).isPresent());
    }
}
