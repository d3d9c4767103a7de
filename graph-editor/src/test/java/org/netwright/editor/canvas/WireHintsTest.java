package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.editor.EditorFixture;
import org.netwright.editor.EditorModel;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.ShapeInference;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** While a wire is dragged, inputs that can take it light up and one that cannot says why, in shape inference's words. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class WireHintsTest {
    private EditorModel model;

    @Start
    void start(Stage stage) {
        model = EditorFixture.show(stage, Graph.of(List.of(
                new Node("vector_input_1", "vector_input", Map.of("features", 4), 24, 60),
                new Node("dense_1", "dense", Map.of("units", 4), 300, 40),
                new Node("conv2d_1", "conv2d", Map.of(), 300, 240),
                new Node("relu_1", "relu", Map.of(), 560, 40)), List.of(Edge.of("dense_1", "out", "relu_1", "in"))),
                1200, 760);
    }

    @Test
    void compatibleInputsLightUpAndAnIncompatibleOneSaysWhy(FxRobot robot) {
        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        Circle dense = canvas.nodeView("dense_1").inPorts().get("in");
        Circle conv = canvas.nodeView("conv2d_1").inPorts().get("in");
        String expected = ShapeInference.infer(model.graph().connect(Edge.of("vector_input_1", "out", "conv2d_1", "in")))
                .report("conv2d_1").problem().orElseThrow();

        robot.moveTo(canvas.nodeView("vector_input_1").outPorts().get("out")).press(MouseButton.PRIMARY);
        robot.moveBy(30, 20).moveTo(conv);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dense.getStyleClass().contains(ConnectGesture.COMPATIBLE), "the dense input did not light up");
        assertTrue(conv.getStyleClass().contains(ConnectGesture.INCOMPATIBLE), "the conv input is not marked");
        assertEquals(expected, canvas.connectGesture().shownReason());
        robot.moveTo(dense);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", canvas.connectGesture().shownReason(), "a reason shows over an input that fits");
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.graph().incoming(new org.netwright.model.graph.PortRef("dense_1", "in")).isPresent());
        assertFalse(conv.getStyleClass().contains(ConnectGesture.INCOMPATIBLE), "the marks stayed after the drop");
    }

    @Test
    void aWireDraggedFromAnInputLightsTheOutputsThatCanFeedItAndConnectsOnRelease(FxRobot robot) {
        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        Circle input = canvas.nodeView("vector_input_1").outPorts().get("out");
        Circle loop = canvas.nodeView("relu_1").outPorts().get("out");

        robot.moveTo(canvas.nodeView("dense_1").inPorts().get("in")).press(MouseButton.PRIMARY);
        robot.moveBy(-30, 20).moveTo(loop);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(input.getStyleClass().contains(ConnectGesture.COMPATIBLE), "the input's output did not light up");
        assertTrue(loop.getStyleClass().contains(ConnectGesture.INCOMPATIBLE), "relu_1 is fed by dense_1: a loop");
        assertFalse(canvas.connectGesture().shownReason().isEmpty(), "no reason over the output that would loop");
        robot.moveTo(input);
        WaitForAsyncUtils.waitForFxEvents();
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(java.util.Optional.of(Edge.of("vector_input_1", "out", "dense_1", "in")),
                model.graph().incoming(new org.netwright.model.graph.PortRef("dense_1", "in")));
        assertFalse(input.getStyleClass().contains(ConnectGesture.COMPATIBLE), "the marks stayed after the drop");
        assertFalse(loop.getStyleClass().contains(ConnectGesture.INCOMPATIBLE), "the marks stayed after the drop");
        robot.interact(model::undo);
        assertTrue(model.graph().incoming(new org.netwright.model.graph.PortRef("dense_1", "in")).isEmpty());
    }
}
