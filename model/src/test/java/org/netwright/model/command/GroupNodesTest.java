package org.netwright.model.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netwright.model.ResidualGraphs;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Grouping a selection into a composite and ungrouping it again, with undo and redo. */
class GroupNodesTest {
    @Test
    void groupingExposesOnePortPerCrossingSourceAndKeepsTheBodyWired() {
        Graph g = ResidualGraphs.grouped();
        Node block = g.require("block1");
        assertEquals(Set.of("input", "block1", "act2", "out"), g.nodes().keySet());
        assertEquals(Map.of("name", "residual"), block.params());
        // input feeds both a and the skip into sum: one exposed input, fanned out inside.
        assertEquals(List.of("in"), CompositePorts.inputs(block));
        assertEquals(List.of("out"), CompositePorts.outputs(block));
        assertTrue(g.edges().containsAll(List.of(Edge.of("input", "out", "block1", "in"),
                Edge.of("block1", "out", "act2", "in"))));
        Graph body = block.body();
        assertTrue(body.edges().containsAll(List.of(Edge.of("input_1", "out", "a", "in"),
                Edge.of("input_1", "out", "sum", "in2"), Edge.of("sum", "out", "output_1", "in"),
                Edge.of("b", "out", "sum", "in1"))));
    }

    @Test
    void undoAndRedoOfGroupAndUngroupRestoreEachGraphExactly() {
        Graph flat = ResidualGraphs.flat();
        CommandStack stack = new CommandStack(flat);
        assertTrue(stack.execute(GroupNodes.of(flat, ResidualGraphs.BLOCK, "block1", "residual")).isEmpty());
        Graph grouped = stack.graph();
        assertEquals(ResidualGraphs.grouped(), grouped);
        stack.undo();
        assertEquals(flat, stack.graph());
        stack.redo();
        assertEquals(grouped, stack.graph());
        assertTrue(stack.execute(UngroupNode.of(grouped, "block1")).isEmpty());
        assertEquals(flat, stack.graph());
        stack.undo();
        assertEquals(grouped, stack.graph());
    }

    @Test
    void ungroupGivesInnerNodesFreshIdsWhenTheOuterGraphUsesThem() {
        Graph grouped = ResidualGraphs.grouped().withNode(new Node("a", "relu", Map.of(), 0, 0));
        UngroupNode ungroup = UngroupNode.of(grouped, "block1");
        Graph g = ungroup.apply(grouped);
        assertEquals("dense", g.require("a_2").type());
        assertEquals("relu", g.require("a").type());
        assertTrue(g.edges().contains(Edge.of("input", "out", "a_2", "in")));
        assertEquals(grouped, ungroup.undo(g));
    }

    @Test
    void aSelectionWhosePathLeavesAndReturnsIsRefused() {
        Graph flat = ResidualGraphs.flat();
        // a → act → b → sum: taking a and sum without act and b would loop through the composite.
        String why = GroupNodes.of(flat, List.of("a", "sum"), "block1", "residual").whyNot(flat).orElseThrow();
        assertTrue(why.startsWith("Grouping would make a cycle"), why);
    }

    @Test
    void badNamesTakenIdsAndEmptySelectionsAreRefused() {
        Graph flat = ResidualGraphs.flat();
        assertEquals("Nothing is selected to group.", GroupNodes.of(flat, List.of(), "c", "x").whyNot(flat).orElseThrow());
        assertEquals("A node named out already exists.",
                GroupNodes.of(flat, List.of("a"), "out", "x").whyNot(flat).orElseThrow());
        assertTrue(GroupNodes.of(flat, List.of("a"), "c", "no spaces").whyNot(flat).isPresent());
        assertEquals("input is not a composite block.", UngroupNode.of(flat, "input").whyNot(flat).orElseThrow());
    }

    @Test
    void groupingTheOutputLayerExposesItsOutput() {
        Graph flat = ResidualGraphs.flat();
        Graph g = GroupNodes.of(flat, List.of("act2", "out"), "head", "classifier").apply(flat);
        assertEquals(List.of("out"), CompositePorts.outputs(g.require("head")));
        assertEquals(List.of("head"), g.sinks());
    }
}
