package org.netwright.editor.canvas;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.editor.EditorFixture;
import org.netwright.editor.EditorModel;
import org.netwright.model.command.Connect;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class GraphCanvasTest {
    private EditorModel model;

    @Start
    void start(Stage stage) {
        Graph start = EditorFixture.graph(List.of(
                new Node("vector_input_1", "vector_input", Map.of("features", 2), 40, 60),
                new Node("dense_1", "dense", Map.of("units", 16), 320, 60),
                new Node("conv2d_1", "conv2d", Map.of(), 320, 260)));
        model = EditorFixture.show(stage, start, 1200, 760);
    }

    @Test
    void dropFromThePaletteAddsOneNodeInOneStep(FxRobot robot) {
        robot.drag("#palette-relu").dropTo("#graph-canvas");

        assertTrue(model.graph().node("relu_1").isPresent(), model.graph().toString());
        assertEquals(4, model.graph().nodes().size());
        assertTrue(robot.lookup("#node-relu_1").tryQuery().isPresent());
        robot.interact(model::undo);
        assertEquals(3, model.graph().nodes().size());
        assertFalse(model.canUndoProperty().get());
    }

    @Test
    void dragFromAnOutputPortToAnInputPortConnects(FxRobot robot) {
        robot.drag("#port-vector_input_1-out").dropTo("#port-dense_1-in");

        assertEquals(List.of(Edge.of("vector_input_1", "out", "dense_1", "in")), model.graph().edges());
        assertTrue(robot.lookup("#edge-vector_input_1-out-dense_1-in").tryQuery().isPresent());
        assertEquals("16", robot.lookup("#node-dense_1 .layer-node-shape").queryAs(Label.class).getText());
    }

    @Test
    void whileConnectingFreeInputsLightUpAndTheOneUnderTheMouseStandsOut(FxRobot robot) {
        robot.interact(() -> model.execute(new Connect(
                Edge.of("vector_input_1", "out", "dense_1", "in"))));

        robot.moveTo("#port-dense_1-out").press(MouseButton.PRIMARY).moveTo("#port-conv2d_1-in");

        javafx.scene.Node target = robot.lookup("#port-conv2d_1-in").query();
        // Free, but a vector cannot feed a convolution: marked as refusing (the wire can still be dropped there).
        assertTrue(target.getStyleClass().containsAll(List.of("port-incompatible", "port-hover")),
                target.getStyleClass().toString());
        assertFalse(robot.lookup("#port-dense_1-in").query().getStyleClass().contains("port-compatible"),
                "a node cannot feed itself");
        assertTrue(robot.lookup(".rubber-band").query().isVisible());

        robot.release(MouseButton.PRIMARY);
        assertTrue(model.graph().edges().contains(Edge.of("dense_1", "out", "conv2d_1", "in")));
        assertFalse(robot.lookup(".rubber-band").query().isVisible());
        assertTrue(robot.lookup(".port-compatible").queryAll().isEmpty());
        assertTrue(robot.lookup(".port-incompatible").queryAll().isEmpty());
    }

    @Test
    void connectingToATakenInputShowsTheRefusal(FxRobot robot) {
        robot.interact(() -> model.execute(new Connect(
                Edge.of("vector_input_1", "out", "dense_1", "in"))));

        robot.drag("#port-conv2d_1-out").dropTo("#port-dense_1-in");

        assertEquals(1, model.graph().edges().size());
        assertTrue(model.messageProperty().get().contains("already fed"), model.messageProperty().get());
    }

    @Test
    void draggingANodeMovesItWithOneUndoEntry(FxRobot robot) {
        robot.drag("#node-dense_1").moveBy(60, 40).moveBy(60, 40).drop();

        Node moved = model.graph().require("dense_1");
        assertEquals(440, moved.x(), 1.0);
        assertEquals(140, moved.y(), 1.0);
        robot.interact(model::undo);
        assertEquals(320, model.graph().require("dense_1").x());
        assertFalse(model.canUndoProperty().get(), "the whole drag was one command");
    }

    @Test
    void clickingWithoutMovingIssuesNoCommand(FxRobot robot) {
        robot.clickOn("#node-dense_1");

        assertEquals("dense_1", model.selectedNodeProperty().get());
        assertFalse(model.canUndoProperty().get());
        assertTrue(robot.lookup("#node-dense_1").query().getStyleClass().contains("layer-node-selected"));
    }

    @Test
    void selectThenDeleteRemovesTheNodeAndCtrlZBringsItBack(FxRobot robot) {
        robot.clickOn("#node-dense_1").type(KeyCode.DELETE);

        assertTrue(model.graph().node("dense_1").isEmpty());
        assertTrue(robot.lookup("#node-dense_1").tryQuery().isEmpty());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertTrue(model.graph().node("dense_1").isPresent());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertTrue(model.graph().node("dense_1").isEmpty());
    }

    @Test
    void clickAnEdgeThenBackspaceDisconnectsIt(FxRobot robot) {
        Edge edge = Edge.of("vector_input_1", "out", "dense_1", "in");
        robot.interact(() -> model.execute(new Connect(edge)));

        // The curve's middle: halfway between the two ports.
        Point2D from = robot.point("#port-vector_input_1-out").query();
        Point2D to = robot.point("#port-dense_1-in").query();
        robot.clickOn(from.midpoint(to)).type(KeyCode.BACK_SPACE);

        assertTrue(model.graph().edges().isEmpty());
        assertEquals(3, model.graph().nodes().size());
    }

    @Test
    void wrongWiringTurnsTheNodeRedWithTheDiagnostic(FxRobot robot) {
        robot.drag("#port-vector_input_1-out").dropTo("#port-conv2d_1-in");

        javafx.scene.Node card = robot.lookup("#node-conv2d_1").query();
        assertTrue(card.getStyleClass().contains("layer-node-error"));
        Label why = robot.lookup("#node-conv2d_1 .layer-node-problem").queryAs(Label.class);
        assertTrue(why.isVisible());
        assertTrue(why.getText().contains("expects an image") || why.getText().contains("Expects an image"),
                why.getText());
        assertFalse(robot.lookup("#node-dense_1").query().getStyleClass().contains("layer-node-error"));
    }

    @Test
    void emptyCanvasShowsTheHint(FxRobot robot) {
        assertFalse(robot.lookup(".graph-canvas-hint").query().isVisible());
        robot.interact(() -> model.stack().reset(Graph.empty(), "New"));
        assertTrue(robot.lookup(".graph-canvas-hint").query().isVisible());
        assertEquals("Drag a layer from the palette to start",
                robot.lookup(".graph-canvas-hint").queryAs(Label.class).getText());
    }

    @Test
    void theMacsSwitchChangesEveryCardsSecondLine(FxRobot robot) {
        robot.interact(() -> model.execute(new Connect(Edge.of("vector_input_1", "out", "dense_1", "in"))));
        // Dense 2 -> 16: 2×16 weights and 16 biases; 2×16 multiply-accumulates per sample.
        assertEquals("48 params", robot.lookup("#node-dense_1 .layer-node-metric").queryAs(Label.class).getText());

        robot.clickOn("#metric-macs");
        assertEquals("32 MACs", robot.lookup("#node-dense_1 .layer-node-metric").queryAs(Label.class).getText());
        assertEquals("0 MACs", robot.lookup("#node-vector_input_1 .layer-node-metric").queryAs(Label.class).getText());

        robot.clickOn("#metric-macs");
        assertTrue(robot.lookup("#metric-macs").queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                "one of the two stays on");
        robot.clickOn("#metric-params");
        assertEquals("48 params", robot.lookup("#node-dense_1 .layer-node-metric").queryAs(Label.class).getText());
    }
}
