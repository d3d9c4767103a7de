package org.netwright.editor.canvas;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.PickResult;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.editor.EditorFixture;
import org.netwright.editor.EditorModel;
import org.netwright.model.command.GroupNodes;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Grouping layers into a composite block and back through the canvas, and looking inside one. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class CompositeCanvasTest {
    private static final Edge IN_DENSE = Edge.of("vector_input_1", "out", "dense_1", "in");
    private static final Edge DENSE_RELU = Edge.of("dense_1", "out", "relu_1", "in");
    private static final Edge RELU_DENSE = Edge.of("relu_1", "out", "dense_2", "in");

    private EditorModel model;
    private Graph start;

    @Start
    void start(Stage stage) {
        start = EditorFixture.graph(List.of(
                        new Node("vector_input_1", "vector_input", Map.of("features", 2), 40, 60),
                        new Node("dense_1", "dense", Map.of("units", 16), 260, 60),
                        new Node("relu_1", "relu", Map.of(), 480, 60),
                        new Node("dense_2", "dense", Map.of("units", 3), 700, 60)),
                IN_DENSE, DENSE_RELU, RELU_DENSE);
        model = EditorFixture.show(stage, start, 1260, 760);
    }

    @AfterEach
    void closeBodyWindows(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Inside"))
                .forEach(Window::hide));
    }

    private void groupDenseAndRelu(FxRobot robot) {
        robot.clickOn("#node-dense_1").press(KeyCode.SHIFT).clickOn("#node-relu_1").release(KeyCode.SHIFT);
        assertEquals(Set.of("dense_1", "relu_1"), Set.copyOf(model.selectedNodes()));
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
    }

    @Test
    void shiftClickThenCtrlGGroupsIntoOneBlockAndUndoRestores(FxRobot robot) {
        groupDenseAndRelu(robot);

        Node block = model.graph().require("block_1");
        assertTrue(CompositePorts.isComposite(block));
        assertEquals(Set.of("vector_input_1", "block_1", "dense_2"), model.graph().nodes().keySet());
        assertTrue(model.graph().edges().containsAll(List.of(Edge.of("vector_input_1", "out", "block_1", "in"),
                Edge.of("block_1", "out", "dense_2", "in"))), model.graph().edges().toString());
        assertEquals("block_1", model.selectedNodeProperty().get());
        // The card: its name, how many layers, the block's ports and the body's parameters (2×16 + 16).
        assertEquals("block_1", robot.lookup("#node-block_1 .layer-node-title").queryAs(Label.class).getText());
        assertEquals("▸ 2 layers", robot.lookup("#node-block_1 .layer-node-inside").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#port-block_1-in").tryQuery().isPresent());
        assertTrue(robot.lookup("#port-block_1-out").tryQuery().isPresent());
        assertEquals("16", robot.lookup("#node-block_1 .layer-node-shape").queryAs(Label.class).getText());
        assertEquals("48 params", robot.lookup("#node-block_1 .layer-node-params").queryAs(Label.class).getText());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(start, model.graph());
    }

    @Test
    void ctrlShiftGUngroupsSelectsTheLayersAndUndoBringsTheBlockBack(FxRobot robot) {
        robot.interact(() -> model.execute(GroupNodes.of(model.graph(), List.of("dense_1", "relu_1"), "block_1",
                "hidden")));
        Graph grouped = model.graph();
        assertEquals("hidden", robot.lookup("#node-block_1 .layer-node-title").queryAs(Label.class).getText());

        robot.clickOn("#node-block_1");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.G).release(KeyCode.SHIFT, KeyCode.CONTROL);

        assertEquals(start.nodes().keySet(), model.graph().nodes().keySet());
        assertEquals(Set.copyOf(start.edges()), Set.copyOf(model.graph().edges()));
        assertEquals(Set.of("dense_1", "relu_1"), Set.copyOf(model.selectedNodes()));
        assertTrue(robot.lookup("#node-relu_1").query().getStyleClass().contains("layer-node-selected"));

        robot.interact(model::undo);
        assertEquals(grouped, model.graph());
    }

    @Test
    void theContextMenuGroupsTheSelection(FxRobot robot) {
        robot.clickOn("#node-dense_1").press(KeyCode.SHIFT).clickOn("#node-relu_1").release(KeyCode.SHIFT);

        // Monocle's headless mouse never flags a popup trigger, so the scene would send no context-menu
        // event for a right-click; send the one a desktop sends, at the middle of the card.
        javafx.scene.Node card = robot.lookup("#node-relu_1").query();
        robot.interact(() -> {
            javafx.geometry.Bounds b = card.localToScene(card.getLayoutBounds());
            javafx.geometry.Bounds screen = card.localToScreen(card.getLayoutBounds());
            javafx.event.Event.fireEvent(card, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    b.getCenterX(), b.getCenterY(), screen.getCenterX(), screen.getCenterY(), false,
                    new PickResult(card, b.getCenterX(), b.getCenterY())));
        });
        robot.clickOn("Group selection into a block (Ctrl+G)");

        assertTrue(model.graph().node("block_1").isPresent(), model.graph().nodes().keySet().toString());
        assertFalse(model.graph().node("relu_1").isPresent());
    }

    @Test
    void theContextMenuUngroupsEverySelectedBlockAndOneUndoBringsThemBack(FxRobot robot) {
        robot.interact(() -> {
            model.execute(GroupNodes.of(model.graph(), List.of("dense_1"), "block_1", "first"));
            model.execute(GroupNodes.of(model.graph(), List.of("relu_1", "dense_2"), "block_2", "second"));
        });
        Graph grouped = model.graph();
        robot.clickOn("#node-block_1").press(KeyCode.SHIFT).clickOn("#node-block_2").release(KeyCode.SHIFT);

        // Monocle sends no context-menu event for a right-click (see above): send the desktop's one on block_2.
        javafx.scene.Node card = robot.lookup("#node-block_2").query();
        robot.interact(() -> {
            javafx.geometry.Bounds b = card.localToScene(card.getLayoutBounds());
            javafx.geometry.Bounds screen = card.localToScreen(card.getLayoutBounds());
            javafx.event.Event.fireEvent(card, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    b.getCenterX(), b.getCenterY(), screen.getCenterX(), screen.getCenterY(), false,
                    new PickResult(card, b.getCenterX(), b.getCenterY())));
        });
        robot.clickOn("Ungroup 2 blocks (Ctrl+Shift+G)");

        assertEquals(start.nodes().keySet(), model.graph().nodes().keySet());
        assertEquals(Set.copyOf(start.edges()), Set.copyOf(model.graph().edges()));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(grouped, model.graph());
    }

    @Test
    void groupingWithNothingSelectedSaysWhy(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);

        assertEquals(start, model.graph());
        assertTrue(model.messageProperty().get().startsWith("Select the layers to group"),
                model.messageProperty().get());
    }

    @Test
    void doubleClickShowsTheBodyReadOnlyWithTheShapesItHasInPlace(FxRobot robot) {
        groupDenseAndRelu(robot);

        robot.doubleClickOn("#node-block_1");

        javafx.scene.Node body = robot.lookup("#composite-body-canvas").query();
        assertTrue(robot.from(body).lookup("#node-dense_1").tryQuery().isPresent());
        assertTrue(robot.from(body).lookup("#node-relu_1").tryQuery().isPresent());
        // Inside, dense_1 still receives the 2 features from outside, so its output is 16, not an error.
        assertEquals("16", robot.from(body).lookup("#node-dense_1 .layer-node-shape").queryAs(Label.class).getText());
        assertFalse(robot.from(body).lookup("#node-dense_1").query().getStyleClass().contains("layer-node-error"));

        // The block's entry and exit cards stand clear of its layers.
        for (String placeholder : List.of("#node-input_1", "#node-output_1")) {
            javafx.geometry.Bounds p = robot.from(body).lookup(placeholder).query().localToScene(
                    robot.from(body).lookup(placeholder).query().getLayoutBounds());
            for (String layer : List.of("#node-dense_1", "#node-relu_1")) {
                javafx.scene.Node card = robot.from(body).lookup(layer).query();
                assertFalse(p.intersects(card.localToScene(card.getLayoutBounds())), placeholder + " covers " + layer);
            }
        }

        // Read-only: dragging a card inside changes nothing in the project.
        Graph before = model.graph();
        javafx.scene.Node relu = robot.from(body).lookup("#node-relu_1").query();
        robot.drag(relu, MouseButton.PRIMARY).moveBy(80, 60).drop();
        assertEquals(before, model.graph());
        assertEquals(before.require("block_1").body(), model.graph().require("block_1").body());
    }
}
