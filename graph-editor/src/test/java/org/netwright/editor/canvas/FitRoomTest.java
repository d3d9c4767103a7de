package org.netwright.editor.canvas;

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

/** At Fit no card lies under the zoom bar or the lock banner: they have a band of their own at the bottom. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class FitRoomTest {
    private EditorModel model;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        // Seven rows of two cards, much taller than wide: Fit is bound by the height, down to the bottom edge.
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            nodes.add(new Node("dense_" + i, i == 0 ? "vector_input" : "dense", Map.of(), 40 + (i % 2) * 236,
                    40 + (i / 2) * 300));
            if (i > 0) {
                edges.add(Edge.of("dense_" + (i - 1), "out", "dense_" + i, "in"));
            }
        }
        model = EditorFixture.show(stage, EditorFixture.graph(nodes, edges.toArray(Edge[]::new)), 1200, 760);
        canvas = (GraphCanvas) stage.getScene().lookup("#graph-canvas");
    }

    @Test
    void noCardIsUnderTheZoomBarOrTheLockBannerAtFit(FxRobot robot) {
        robot.interact(() -> {
            model.setLock("A run is training this network.");
            canvas.fitToView();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertClearOfControls(robot);
    }

    /** The usual order: the user fits the view, then starts a run, whose lock banner must not cover the fitted cards. */
    @Test
    void aLockBannerThatAppearsOverAFittedViewFitsItAgainAboveIt(FxRobot robot) {
        robot.interact(() -> canvas.fitToView());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> model.setLock("Training uses this network as it was when the run started, so editing is "
                + "locked until the run ends. Press Stop to edit now."));
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(200);
        assertClearOfControls(robot);
    }

    private void assertClearOfControls(FxRobot robot) {
        Bounds bar = sceneBounds(robot.lookup("#zoom-bar").query());
        javafx.scene.Node bannerNode = robot.lookup("#canvas-banner").query();
        assertTrue(bannerNode.isVisible(), "the lock banner shows");
        Bounds banner = sceneBounds(bannerNode);
        assertFalse(canvas.nodeViews().isEmpty());
        double lowest = 0;
        for (NodeView v : canvas.nodeViews()) {
            Bounds card = v.card().localToScene(v.card().getLayoutBounds());
            lowest = Math.max(lowest, card.getMaxY());
            assertFalse(card.intersects(bar), v.node().id() + " " + card + " under the zoom bar " + bar);
            assertFalse(card.intersects(banner), v.node().id() + " " + card + " under the banner " + banner);
        }
        // The fit still uses the height: the lowest card ends close above the controls' band.
        assertTrue(lowest > bar.getMinY() - 120, "lowest card ends at " + lowest + ", bar starts at " + bar.getMinY());
    }

    private static Bounds sceneBounds(javafx.scene.Node n) {
        return n.localToScene(n.getLayoutBounds());
    }
}
