package org.netwright.model.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netwright.model.ResidualGraphs;
import org.netwright.model.graph.CompositePath;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

/** Edits made inside a composite block, at one and two levels down, through the one command stack. */
class EditInsideTest {
    private static final List<String> BLOCK = List.of("block1");

    @Test
    void anEditInsideChangesOnlyTheBodyAndUndoRestoresTheGraphExactly() {
        Graph grouped = ResidualGraphs.grouped();
        CommandStack stack = new CommandStack(grouped);
        Graph body = grouped.require("block1").body();
        assertTrue(stack.execute(new EditInside(BLOCK, SetParam.of(body, "b", "units", 8))).isPresent(),
                "setting a value it already has is refused as inside the top level");
        assertEquals(Optional.empty(), stack.execute(new EditInside(BLOCK, SetParam.of(body, "a", "units", 32))));
        assertEquals(32, stack.graph().require("block1").body().require("a").params().get("units"));
        assertEquals(grouped.require("input"), stack.graph().require("input"));
        assertEquals("Set a.units to 32 in block1", stack.undoDescription().orElseThrow());
        // Shapes re-infer through the block: a (8→32) and b (32→8) give 8·32+32 + 32·8+8 parameters.
        assertEquals(8 * 32 + 32 + 32 * 8 + 8, ShapeInference.infer(stack.graph()).report("block1").params());
        stack.undo();
        assertEquals(grouped, stack.graph());
        stack.redo();
        assertEquals(32, stack.graph().require("block1").body().require("a").params().get("units"));
    }

    @Test
    void addingAndWiringALayerInsideIsTwoUndoableSteps() {
        Graph grouped = ResidualGraphs.grouped();
        CommandStack stack = new CommandStack(grouped);
        Graph body = grouped.require("block1").body();
        // Put a dropout between b and the sum: remove b→sum, add dropout, wire b→dropout→sum.
        Edge bSum = Edge.of("b", "out", "sum", "in1");
        assertTrue(body.edges().contains(bSum));
        assertEquals(Optional.empty(), stack.execute(new EditInside(BLOCK, new SpliceNode(bSum,
                new Node("dropout_1", "dropout", Map.of(), 350, 100), "in", "out"))));
        Graph inside = stack.graph().require("block1").body();
        assertTrue(inside.edges().containsAll(List.of(Edge.of("b", "out", "dropout_1", "in"),
                Edge.of("dropout_1", "out", "sum", "in1"))));
        assertTrue(ShapeInference.infer(stack.graph()).isValid());
        assertEquals(Optional.empty(), stack.execute(new EditInside(BLOCK, new Disconnect(
                Edge.of("dropout_1", "out", "sum", "in1")))));
        // The block's sum now misses an input: the problem shows on the block, named by the inner layer.
        String problem = ShapeInference.infer(stack.graph()).report("block1").problem().orElseThrow();
        assertTrue(problem.startsWith("block1 › sum"), problem);
        stack.undo();
        stack.undo();
        assertEquals(grouped, stack.graph());
    }

    @Test
    void editsTwoLevelsDownRebuildBothBlocks() {
        Graph grouped = ResidualGraphs.grouped();
        Graph body = grouped.require("block1").body();
        // Group a and act inside block1 into "inner".
        GroupNodes nest = GroupNodes.of(body, List.of("a", "act"), "inner", "inner");
        CommandStack stack = new CommandStack(grouped);
        assertEquals(Optional.empty(), stack.execute(new EditInside(BLOCK, nest)));
        List<String> path = List.of("block1", "inner");
        Graph innerBody = CompositePath.body(stack.graph(), path).orElseThrow();
        assertTrue(innerBody.node("a").isPresent());
        assertEquals(Optional.empty(), stack.execute(new EditInside(path, SetParam.of(innerBody, "a", "units", 4))));
        assertEquals(4, CompositePath.body(stack.graph(), path).orElseThrow().require("a").params().get("units"));
        assertEquals("Set a.units to 4 in block1 › inner", stack.undoDescription().orElseThrow());
        GraphShapes inner = ShapeInference.inside(stack.graph(), path);
        assertEquals(Shape.of(4), inner.report("a").outputs().get("out"));
        assertTrue(ShapeInference.infer(stack.graph()).isValid());
        stack.undo();
        stack.undo();
        assertEquals(grouped, stack.graph());
    }

    @Test
    void removingAPortThatIsWiredOutsideIsRefusedWithTheReason() {
        Graph grouped = ResidualGraphs.grouped();
        Graph body = grouped.require("block1").body();
        String entry = CompositePorts.inputNodes(body).get(0).id();
        EditInside remove = new EditInside(BLOCK, RemoveNodes.of(body, List.of(entry)));
        String why = remove.whyNot(grouped).orElseThrow();
        assertTrue(why.contains("input 'in' of block1") && why.contains("disconnect it there first"), why);
        // Once the outside edge is gone, the port may go.
        Graph unwired = grouped.disconnect(Edge.of("input", "out", "block1", "in"));
        assertFalse(remove.whyNot(unwired).isPresent());
    }

    @Test
    void anEditForABlockThatIsGoneIsRefused() {
        Graph grouped = ResidualGraphs.grouped();
        Graph body = grouped.require("block1").body();
        EditInside edit = new EditInside(BLOCK, SetParam.of(body, "a", "units", 16));
        Graph ungrouped = UngroupNode.of(grouped, "block1").apply(grouped);
        assertEquals("The block block1 is no longer in the network.", edit.whyNot(ungrouped).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new EditInside(List.of(), edit));
    }

    @Test
    void shapesInsideCarryWhatArrivesAndNameAnUnconnectedPort() {
        Graph grouped = ResidualGraphs.grouped();
        GraphShapes inside = ShapeInference.inside(grouped, BLOCK);
        String entry = CompositePorts.inputNodes(grouped.require("block1").body()).get(0).id();
        assertEquals(Shape.of(8), inside.report(entry).outputs().get("out"));
        assertEquals(Shape.of(8), inside.report("sum").outputs().get("out"));
        Graph unwired = grouped.disconnect(Edge.of("input", "out", "block1", "in"));
        String problem = ShapeInference.inside(unwired, BLOCK).report(entry).problem().orElseThrow();
        assertEquals(entry + ": nothing outside block1 is connected to its input 'in'", problem);
    }
}
