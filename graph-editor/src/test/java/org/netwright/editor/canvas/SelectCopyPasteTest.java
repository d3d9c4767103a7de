package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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

/** Drag a box around two wired cards, copy, paste (the copy keeps its wire), undo. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class SelectCopyPasteTest {
    private EditorModel model;
    private Graph start;

    @Start
    void start(Stage stage) {
        start = EditorFixture.graph(List.of(
                        new Node("input", "vector_input", Map.of("features", 4), 60, 80),
                        new Node("dense", "dense", Map.of("units", 8), 320, 80),
                        new Node("relu", "relu", Map.of(), 580, 80)),
                Edge.of("input", "out", "dense", "in"), Edge.of("dense", "out", "relu", "in"));
        model = EditorFixture.show(stage, start, 1200, 760);
    }

    @Test
    void aBoxSelectsTheCardsItTouchesAndTheirCopyKeepsTheWireBetweenThem(FxRobot robot) {
        Bounds input = robot.lookup("#node-input").query().localToScreen(robot.lookup("#node-input").query().getBoundsInLocal());
        Bounds dense = robot.lookup("#node-dense").query().localToScreen(robot.lookup("#node-dense").query().getBoundsInLocal());
        robot.drag(input.getMinX() - 25, input.getMinY() - 25, MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(dense.getCenterX(), dense.getMaxY() + 25))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("input", "dense"), Set.copyOf(model.selectedNodes()));

        robot.press(KeyCode.CONTROL).type(KeyCode.C).type(KeyCode.V).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Graph pasted = model.graph();
        assertEquals(5, pasted.nodes().size());
        assertEquals(3, pasted.edges().size(), "the copy keeps its inner wire and nothing else");
        assertTrue(pasted.edges().contains(Edge.of("vector_input_1", "out", "dense_1", "in")), pasted.edges().toString());
        assertEquals(Set.of("vector_input_1", "dense_1"), Set.copyOf(model.selectedNodes()));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(start, model.graph());
    }

    @Test
    void aClickOnOneCardOfSeveralSelectedSelectsItAloneAndADragStillMovesThemAll(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("input", "dense", "relu"), Set.copyOf(model.selectedNodes()));

        // Dragging one of them moves the whole selection and keeps it.
        robot.drag("#node-dense .layer-node-title", MouseButton.PRIMARY).moveBy(0, 60).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("input", "dense", "relu"), Set.copyOf(model.selectedNodes()));
        double moved = model.graph().require("dense").y() - start.require("dense").y();
        assertTrue(moved > 30, "dense moved " + moved);
        assertEquals(start.require("relu").y() + moved, model.graph().require("relu").y(), "relu moved along");

        // A click without a move: that card alone, so the inspector shows its settings (as it says it will).
        robot.clickOn("#node-dense .layer-node-title");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("dense"), Set.copyOf(model.selectedNodes()));
        assertEquals("dense", model.selectedNodeProperty().get());
    }
}
