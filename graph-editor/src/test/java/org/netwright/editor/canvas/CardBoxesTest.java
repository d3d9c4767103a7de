package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** The canvas's cache of card bounds works a card out again only when it came, went, moved or was marked changed. */
class CardBoxesTest {
    /** Where each card is, as the canvas would say; counts how often it is asked. */
    private final Map<String, Bounds> where = new HashMap<>();
    private final Map<String, Integer> asked = new HashMap<>();
    private final CardBoxes boxes = new CardBoxes(id -> {
        asked.merge(id, 1, Integer::sum);
        return where.get(id);
    });

    private static Graph chain(Node... nodes) {
        Graph.Builder b = Graph.builder();
        for (Node n : nodes) {
            b.node(n);
        }
        for (int i = 1; i < nodes.length; i++) {
            b.connect(Edge.of(nodes[i - 1].id(), "out", nodes[i].id(), "in"));
        }
        return b.build();
    }

    private void place(Node n, double height) {
        where.put(n.id(), new BoundingBox(n.x(), n.y(), 188, height));
    }

    private int askedInAll() {
        return asked.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void readingAgainWithoutAChangeWorksNothingOut() {
        Node a = new Node("a", "vector_input", Map.of("features", 4), 0, 0);
        Node b = new Node("b", "dense", Map.of("units", 2), 300, 100);
        place(a, 92);
        place(b, 92);
        boxes.sync(chain(a, b));
        assertEquals(Map.of("a", where.get("a"), "b", where.get("b")), boxes.all());
        assertEquals(new BoundingBox(0, 0, 488, 192), boxes.union());
        long version = boxes.version();
        int before = askedInAll();
        for (int pass = 0; pass < 10; pass++) {
            boxes.all();
            boxes.list();
            boxes.union();
            boxes.sync(chain(a, b));
        }
        assertEquals(before, askedInAll(), "the same node instances and no card marked: nothing is worked out again");
        assertEquals(version, boxes.version());
    }

    @Test
    void aMovedNodeAGoneOneAndAMarkedCardAreWorkedOutAgain() {
        Node a = new Node("a", "vector_input", Map.of("features", 4), 0, 0);
        Node b = new Node("b", "dense", Map.of("units", 2), 300, 100);
        Node c = new Node("c", "relu", Map.of(), 600, 0);
        place(a, 92);
        place(b, 92);
        place(c, 92);
        boxes.sync(chain(a, b, c));
        assertEquals(3, boxes.list().size());
        long v0 = boxes.version();

        // Moved: a new instance of b.
        Node movedB = new Node("b", "dense", Map.of("units", 2), 300, 400);
        place(movedB, 92);
        boxes.sync(chain(a, movedB, c));
        assertEquals(where.get("b"), boxes.all().get("b"));
        assertEquals(2, asked.get("b"), "only b was worked out again");
        assertEquals(1, asked.get("a"));
        long v1 = boxes.version();
        assertNotEquals(v0, v1);
        assertEquals(492, boxes.union().getMaxY());

        // A drawn card laid out taller (or dragged): marked, then worked out again.
        where.put("c", new BoundingBox(600, 0, 188, 140));
        assertEquals(92, boxes.all().get("c").getHeight(), "not marked: the cached bounds stand");
        boxes.stale("c");
        assertEquals(140, boxes.all().get("c").getHeight());
        assertNotEquals(v1, boxes.version());

        // Marked without a change: the version stays.
        long v2 = boxes.version();
        boxes.stale("a");
        assertEquals(v2, boxes.version());

        // Gone.
        boxes.sync(chain(a, movedB));
        assertEquals(List.of("a", "b"), boxes.all().keySet().stream().sorted().toList());
        assertNotEquals(v2, boxes.version());
        boxes.stale("c");
        assertEquals(2, boxes.list().size(), "a card of a node no longer in the graph is not brought back");

        boxes.sync(Graph.builder().build());
        assertNull(boxes.union());
    }
}
