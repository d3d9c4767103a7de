package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.editor.EditorFixture;
import org.netwright.editor.EditorModel;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Align lines the selection up as one undo step; with snapping on, a dragged card's corner lands on the grid. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class AlignSnapTest {
    private EditorModel model;

    @Start
    void start(Stage stage) {
        model = EditorFixture.show(stage, Graph.of(List.of(
                new Node("dense_1", "dense", Map.of("units", 4), 40, 60),
                new Node("dense_2", "dense", Map.of("units", 4), 300, 130),
                new Node("add_1", "add", Map.of(), 130, 330)), List.of()), 1200, 760);
    }

    private Node node(String id) {
        return model.graph().require(id);
    }

    @Test
    void alignLinesUpTheSelectionAsOneUndoStep(FxRobot robot) {
        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        robot.interact(() -> model.select(List.of("dense_1")));
        robot.interact(() -> assertFalse(canvas.align(EditorModel.Alignment.LEFT)));
        assertTrue(model.messageProperty().get().contains("two or more"));

        robot.interact(() -> model.select(List.of("dense_1", "dense_2", "add_1")));
        robot.interact(() -> assertTrue(canvas.align(EditorModel.Alignment.LEFT)));
        assertEquals(40, node("dense_2").x());
        assertEquals(40, node("add_1").x());
        assertEquals(130, node("dense_2").y(), "align left moved a card up or down");
        robot.interact(model::undo);
        assertEquals(300, node("dense_2").x());
        assertEquals(130, node("add_1").x());

        robot.interact(() -> model.select(List.of("dense_1", "dense_2")));
        robot.interact(() -> assertTrue(canvas.align(EditorModel.Alignment.TOP)));
        assertEquals(60, node("dense_2").y());
        // Two cards of one height: aligned tops are aligned middles.
        robot.interact(() -> assertFalse(canvas.align(EditorModel.Alignment.MIDDLE)));
        robot.interact(() -> assertTrue(canvas.align(EditorModel.Alignment.CENTER)));
        assertEquals(node("dense_1").x(), node("dense_2").x());
        assertEquals(Math.round((40 + 300 + NodeGeometry.WIDTH) / 2.0 - NodeGeometry.WIDTH / 2), node("dense_1").x());
    }

    @Test
    void aDraggedCardSnapsToTheGridWhenSnappingIsOn(FxRobot robot) {
        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        robot.interact(() -> canvas.snapToGridProperty().set(true));
        robot.drag(robot.lookup("#node-dense_2").queryAs(javafx.scene.Node.class)).moveBy(37, 23).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double x = node("dense_2").x();
        double y = node("dense_2").y();
        assertTrue(x != 300 || y != 130, "the card did not move");
        assertEquals(0, x % GraphCanvas.GRID, "x " + x + " is off the grid");
        assertEquals(0, y % GraphCanvas.GRID, "y " + y + " is off the grid");
    }
}
