package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.editor.EditorFixture;
import org.netwright.editor.EditorModel;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Layout button arranges a pile of cards into rows without overlaps, as one edit that Ctrl+Z takes back. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class LayoutButtonTest {
    private EditorModel model;
    private Graph piled;

    @Start
    void start(Stage stage) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("input", "vector_input", Map.of("features", 4), 20, 20));
        for (int i = 1; i <= 12; i++) {
            // Every card on nearly the same spot: unreadable until laid out.
            nodes.add(new Node("dense_" + i, "dense", Map.of("units", 8), 20 + i * 3, 20 + i * 3));
            edges.add(Edge.of(i == 1 ? "input" : "dense_" + (i - 1), "out", "dense_" + i, "in"));
        }
        piled = Graph.of(nodes, edges);
        model = EditorFixture.show(stage, piled, 1200, 760);
    }

    @Test
    void layoutSpreadsTheCardsAndUndoPilesThemAgain(FxRobot robot) {
        robot.clickOn("#layout");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.graph().equals(piled), "the layout moved nothing");
        List<Bounds> cards = new ArrayList<>();
        robot.lookup(".layer-node").queryAll().forEach(n -> cards.add(n.localToScene(n.getBoundsInLocal())));
        assertEquals(13, cards.size());
        for (int i = 0; i < cards.size(); i++) {
            for (int j = i + 1; j < cards.size(); j++) {
                assertFalse(cards.get(i).intersects(cards.get(j)), "cards " + i + " and " + j + " overlap");
            }
        }
        // Wrapped into rows: more than one distinct row, and the whole chain is not one long line.
        long rows = model.graph().nodes().values().stream().map(Node::y).distinct().count();
        assertTrue(rows > 1, "the chain was not wrapped into rows");

        robot.interact(model::undo);
        assertEquals(piled, model.graph());
    }
}
