package org.netwright.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.command.CommandStack;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** A pasted or duplicated copy lands under what was copied, clear of every card, instead of over the originals. */
class EditorModelPasteTest {
    private final Graph row = Graph.of(List.of(
                    new Node("a", "vector_input", Map.of("features", 2), 40, 40),
                    new Node("b", "dense", Map.of("units", 4), 280, 40),
                    new Node("c", "relu", Map.of(), 520, 40),
                    new Node("d", "dense", Map.of("units", 2), 40, 200)),
            List.of(Edge.of("a", "out", "b", "in"), Edge.of("b", "out", "c", "in"), Edge.of("c", "out", "d", "in")));
    private final EditorModel model = new EditorModel(new CommandStack(row));

    @Test
    void aPastedRowGoesUnderItsOriginalsAndUnderTheCardsBelowThem() {
        model.select(List.of("a", "b", "c"));
        assertTrue(model.copySelection());
        assertTrue(model.paste());

        List<Node> copies = model.selectedNodes().stream().map(id -> model.graph().require(id)).toList();
        assertEquals(3, copies.size());
        for (Node copy : copies) {
            for (Node there : row.nodes().values()) {
                boolean apart = Math.abs(copy.x() - there.x()) >= 188 || Math.abs(copy.y() - there.y()) >= 100;
                assertTrue(apart, copy.id() + " at " + copy.x() + "," + copy.y() + " covers " + there.id());
            }
        }
        assertEquals(List.of(40.0, 280.0, 520.0), copies.stream().map(Node::x).sorted().toList(), "columns kept");

        // A second paste goes under the first.
        double first = copies.get(0).y();
        assertTrue(model.paste());
        double second = model.graph().require(model.selectedNodes().iterator().next()).y();
        assertTrue(second > first, first + " then " + second);
    }

    @Test
    void aDuplicatedCardKeepsItsColumnAndLeavesItsOriginalVisible() {
        model.select(List.of("d"));
        assertTrue(model.duplicateSelection());
        Node copy = model.graph().require(model.selectedNodes().iterator().next());

        assertEquals(40.0, copy.x());
        assertTrue(copy.y() >= 200 + 100, "the copy covers d: " + copy.y());
    }
}
