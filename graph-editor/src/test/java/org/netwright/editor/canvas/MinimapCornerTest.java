package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.editor.EditorFixture;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Node;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The minimap goes to the corner where it hides no card, instead of always covering the top right. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class MinimapCornerTest {
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        // An L: a long top row and a column down its right end; the bottom left of the view stays empty.
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double x = i < 8 ? 40 + i * 236 : 40 + 7 * 236;
            double y = i < 8 ? 40 : 40 + (i - 7) * 160;
            nodes.add(new Node("n" + i, i == 0 ? "vector_input" : "dense", Map.of(), x, y));
            if (i > 0) {
                edges.add(Edge.of("n" + (i - 1), "out", "n" + i, "in"));
            }
        }
        EditorFixture.show(stage, EditorFixture.graph(nodes, edges.toArray(Edge[]::new)), 1200, 760);
        canvas = (GraphCanvas) stage.getScene().lookup("#graph-canvas");
    }

    @Test
    void overCardsAtTheTopRightTheMinimapMovesToAFreeCorner(FxRobot robot) {
        // At 100 % the graph is wider than the view; scrolled to its right end, the top right is full of cards.
        robot.interact(() -> {
            canvas.setZoom(1);
            canvas.centerOn(40 + 7 * 236 + 94 - 200, 300);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node map = robot.lookup("#minimap").query();
        assertTrue(map.isVisible(), "the graph does not fit: the minimap shows");
        assertEquals(Pos.BOTTOM_LEFT, canvas.minimapCorner());
        Bounds mapBounds = map.localToScene(map.getLayoutBounds());
        for (NodeView v : canvas.nodeViews()) {
            Bounds card = v.card().localToScene(v.card().getLayoutBounds());
            assertFalse(card.intersects(mapBounds), v.node().id() + " " + card + " under the minimap " + mapBounds);
        }
    }
}
