package org.netwright.model.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

class CommandStackTest {
    private static Node node(String id, String type) {
        return new Node(id, type, Map.of(), 0, 0);
    }

    @Test
    void undoAndRedoRestoreEachEditInReverseOrder() {
        CommandStack stack = new CommandStack(Graph.empty());
        stack.execute(new AddNode(node("in", "vector_input")));
        stack.execute(new AddNode(node("d", "dense")));
        stack.execute(new Connect(Edge.of("in", "out", "d", "in")));
        Graph wired = stack.graph();
        stack.undo();
        assertTrue(stack.graph().edges().isEmpty());
        stack.undo();
        assertEquals(List.of("in"), List.copyOf(stack.graph().nodes().keySet()));
        stack.redo();
        stack.redo();
        assertEquals(wired, stack.graph());
        assertFalse(stack.canRedo());
    }

    @Test
    void refusedEditChangesNothingAndSaysWhy() {
        CommandStack stack = new CommandStack(Graph.empty());
        stack.execute(new AddNode(node("a", "relu")));
        stack.execute(new AddNode(node("b", "relu")));
        stack.execute(new Connect(Edge.of("a", "out", "b", "in")));
        Graph before = stack.graph();
        Optional<String> why = stack.execute(new Connect(Edge.of("b", "out", "a", "in")));
        assertTrue(why.orElseThrow().contains("cycle"), why.get());
        assertEquals(before, stack.graph());
        assertEquals(Optional.of("Connect a.out -> b.in"), stack.undoDescription());
    }

    @Test
    void listenersSeeTheHistoryAsItIsAfterTheChange() {
        CommandStack stack = new CommandStack(Graph.empty());
        List<String> seen = new ArrayList<>();
        stack.addListener((g, d) -> seen.add(d + " undo=" + stack.canUndo() + " redo=" + stack.canRedo()));
        stack.execute(new AddNode(node("a", "relu")));
        stack.undo();
        stack.redo();
        assertEquals(List.of("Add a undo=true redo=false", "Undo Add a undo=false redo=true",
                "Add a undo=true redo=false"), seen);
    }

    @Test
    void setParamRefusesAnOutOfRangeValueAndUndoesToTheOldOne() {
        CommandStack stack = new CommandStack(Graph.empty());
        stack.execute(new AddNode(node("d", "dense")));
        assertTrue(stack.execute(SetParam.of(stack.graph(), "d", "units", -3)).isPresent());
        assertTrue(stack.execute(SetParam.of(stack.graph(), "d", "units", 10)).isEmpty());
        assertEquals(10, stack.graph().require("d").params().get("units"));
        stack.undo();
        assertEquals(64, stack.graph().require("d").params().get("units"));
    }

    @Test
    void moveOfNothingIsRefusedSoADragThatDidNotMoveLeavesNoUndoStep() {
        CommandStack stack = new CommandStack(Graph.empty());
        stack.execute(new AddNode(node("d", "dense")));
        assertTrue(stack.execute(new MoveNodes(List.of("d"), 0, 0)).isPresent());
        assertEquals(Optional.of("Add d"), stack.undoDescription());
    }
}
