package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.control.ScrollPane;
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

/**
 * Fit scales to the cards themselves, not to their drop shadows: fitting again once the cards are drawn (a reopened
 * project, a resized window) gives the same zoom as the first fit, and a layout made to fill the view shows at 100 %
 * (it showed at 99 %).
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class FitZoomTest {
    private EditorModel model;

    @Start
    void start(Stage stage) {
        Graph wide = Graph.of(List.of(new Node("input", "vector_input", Map.of("features", 4), 0, 0),
                        new Node("dense", "dense", Map.of("units", 8), 700, 0)),
                List.of(Edge.of("input", "out", "dense", "in")));
        model = EditorFixture.show(stage, wide, 1200, 760);
    }

    @Test
    void fitIsTheSameBeforeAndAfterTheCardsAreDrawn(FxRobot robot) {
        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        ScrollPane scroll = robot.from(canvas).lookup(".scroll-pane").queryAs(ScrollPane.class);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(canvas::fitToView);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, robot.lookup(".layer-node").queryAll().size(), "both cards are drawn");
        Bounds viewport = scroll.getViewportBounds();
        System.out.printf("viewport %.0f x %.0f, zoom at Fit %.4f%n", viewport.getWidth(), viewport.getHeight(),
                canvas.zoomProperty().get());
        // The cards span from x 0 to the right edge of the card at 700: the zoom that puts exactly that in the view.
        double width = 700 + NodeGeometry.WIDTH;
        double expected = Math.min(1, (viewport.getWidth() - 80) / width);
        assertEquals(expected, canvas.zoomProperty().get(), 1e-9, "Fit counted more than the cards");
        robot.interact(canvas::fitToView);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(expected, canvas.zoomProperty().get(), 1e-9, "a second Fit changed the zoom");
    }
}
