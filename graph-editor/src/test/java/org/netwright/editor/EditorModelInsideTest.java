package org.netwright.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.command.CommandStack;
import org.netwright.model.command.GroupNodes;
import org.netwright.model.command.UngroupNode;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** The model of a block's inside: edits on the project's stack, ports at the edges, the lock, a block that goes away. */
class EditorModelInsideTest {
    private static Graph grouped() {
        Graph flat = Graph.of(List.of(
                        new Node("input", "vector_input", Map.of("features", 4), 0, 0),
                        new Node("a", "dense", Map.of("units", 8), 100, 0),
                        new Node("act", "relu", Map.of(), 200, 0),
                        new Node("out", "dense", Map.of("units", 3), 300, 0)),
                List.of(Edge.of("input", "out", "a", "in"), Edge.of("a", "out", "act", "in"),
                        Edge.of("act", "out", "out", "in")));
        return GroupNodes.of(flat, List.of("a", "act"), "block", "block").apply(flat);
    }

    @Test
    void editsInsideGoOnTheProjectsStackAndShowAtBothLevels() {
        EditorModel project = new EditorModel(new CommandStack(grouped()));
        EditorModel inside = project.inside("block");
        assertEquals(List.of("block"), inside.path());
        // Where a layer is added in the view is where its card shows, whatever the view's offset.
        String id = inside.addLayer("dropout", 500, 300).orElseThrow();
        assertEquals(500, inside.graph().require(id).x());
        assertEquals(300, inside.graph().require(id).y());
        assertTrue(project.graph().require("block").body().node(id).isPresent());
        assertTrue(project.canUndoProperty().get() && inside.canUndoProperty().get());
        project.undo();
        assertTrue(inside.graph().node(id).isEmpty());
        inside.redo();
        assertTrue(project.graph().require("block").body().node(id).isPresent());
        // Shapes inside are those the layers get where the block sits: the input port carries 4 features.
        String entry = CompositePorts.inputNodes(inside.graph()).get(0).id();
        assertEquals("4", inside.shapes().report(entry).outputs().get("out").toString());
        assertEquals("8", inside.shapes().report("act").outputs().get("out").toString());
    }

    @Test
    void portsStandAtTheEdgesAndNothingLiesLeftOfOrAboveTheCanvas() {
        EditorModel inside = new EditorModel(new CommandStack(grouped())).inside("block");
        Graph g = inside.graph();
        double left = g.nodes().values().stream().filter(n -> !CompositePorts.isPlaceholder(n)).mapToDouble(Node::x)
                .min().orElseThrow();
        double right = g.nodes().values().stream().filter(n -> !CompositePorts.isPlaceholder(n)).mapToDouble(Node::x)
                .max().orElseThrow();
        for (Node n : g.nodes().values()) {
            assertTrue(n.x() >= 24 && n.y() >= 24, n.toString());
            if (CompositePorts.INPUT.equals(n.type())) {
                assertTrue(n.x() < left, n.toString());
            } else if (CompositePorts.OUTPUT.equals(n.type())) {
                assertTrue(n.x() > right, n.toString());
            }
        }
    }

    @Test
    void theProjectsLockHoldsInsideAndABlockThatGoesAwayIsSaid() {
        EditorModel project = new EditorModel(new CommandStack(grouped()));
        EditorModel inside = project.inside("block");
        project.setLock("A run is training.");
        assertTrue(inside.addLayer("dropout", 50, 50).isEmpty());
        assertEquals("A run is training.", inside.messageProperty().get());
        project.setLock("");
        assertFalse(inside.goneProperty().get());
        assertTrue(project.execute(UngroupNode.of(project.graph(), "block")));
        assertTrue(inside.goneProperty().get());
        inside.dispose();
        assertThrows(IllegalArgumentException.class, () -> project.inside("a"));
    }
}
