package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.ShapeInference;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A wire dropped on empty canvas offers the layers that take it; the choice is added already wired, in one edit. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class WireDropTest {
    private EditorModel model;
    private Graph start;

    @Start
    void start(Stage stage) {
        start = EditorFixture.graph(List.of(new Node("input", "image_input", Map.of("channels", 1, "height", 28,
                "width", 28), 60, 80)));
        model = EditorFixture.show(stage, start, 1200, 760);
    }

    @Test
    void onlyLayersThatTakeAnImageAreOffered() {
        List<String> ids = WireDropMenu.choices(start, ShapeInference.infer(start), new PortRef("input", "out")).stream()
                .map(c -> c.spec().id()).toList();
        assertTrue(ids.contains("conv2d") && ids.contains("flatten") && ids.contains("max_pool2d"), ids.toString());
        assertFalse(ids.contains("lstm"), "an LSTM does not take a 1x28x28 image: " + ids);
    }

    @Test
    void aWireDroppedOnEmptyCanvasAddsTheChosenLayerWiredAndUndoTakesBothAway(FxRobot robot) {
        Bounds port = robot.lookup("#port-input-out").query().localToScreen(
                robot.lookup("#port-input-out").query().getBoundsInLocal());
        robot.drag(port.getCenterX(), port.getCenterY(), MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(port.getCenterX() + 300, port.getCenterY() + 180))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        robot.lookup("#wire-drop-search").query();
        robot.write("conv2d");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Graph after = model.graph();
        assertTrue(after.node("conv2d_1").isPresent(), after.nodes().keySet().toString());
        assertEquals(List.of(Edge.of("input", "out", "conv2d_1", "in")), after.edges());
        assertEquals("conv2d_1", model.selectedNodeProperty().get());

        robot.interact(model::undo);
        assertEquals(start, model.graph());
    }

    /**
     * While the list is open the wire stays drawn from the port to where it was dropped, where the new layer will go;
     * it goes when the list closes, cancelled (Escape) or chosen.
     */
    @Test
    void theWireStaysDrawnToTheDropPointWhileTheListIsOpen(FxRobot robot) {
        javafx.scene.Node circle = robot.lookup("#port-input-out").query();
        Bounds port = circle.localToScreen(circle.getBoundsInLocal());
        javafx.geometry.Point2D drop = new javafx.geometry.Point2D(port.getCenterX() + 300, port.getCenterY() + 180);
        javafx.scene.shape.CubicCurve band = robot.lookup("#wire-band").queryAs(javafx.scene.shape.CubicCurve.class);
        for (KeyCode close : List.of(KeyCode.ESCAPE, KeyCode.ENTER)) {
            robot.drag(port.getCenterX(), port.getCenterY(), MouseButton.PRIMARY).moveTo(drop)
                    .release(MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents();
            robot.lookup("#wire-drop-search").query();
            assertTrue(band.isVisible(), "the wire is gone while the list is open");
            javafx.geometry.Point2D start = band.localToScreen(band.getStartX(), band.getStartY());
            javafx.geometry.Point2D end = band.localToScreen(band.getEndX(), band.getEndY());
            assertTrue(start.distance(port.getCenterX(), port.getCenterY()) < 2, "starts at " + start);
            assertTrue(end.distance(drop) < 2, "ends at " + end + ", dropped at " + drop);

            robot.type(close);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#wire-drop-search").tryQuery().isEmpty(), "the list should be closed");
            assertFalse(band.isVisible(), "the wire stays after the list closed by " + close);
        }
        // Escape added nothing; Enter added the first layer offered, wired.
        assertEquals(1, model.graph().edges().size(), model.graph().edges().toString());
        assertEquals(new PortRef("input", "out"), model.graph().edges().get(0).from());
    }

    @Test
    void theSearchFindsALayerTypedWithSpacesAsThePaletteDoes(FxRobot robot) {
        Bounds port = robot.lookup("#port-input-out").query().localToScreen(
                robot.lookup("#port-input-out").query().getBoundsInLocal());
        robot.drag(port.getCenterX(), port.getCenterY(), MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(port.getCenterX() + 300, port.getCenterY()))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        robot.lookup("#wire-drop-search").query();
        // A new user types the words of "MaxPool2d" apart; only Global max pooling used to be offered.
        robot.write("max pool");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> list = robot.lookup("#wire-drop-list").queryAs(javafx.scene.control.ListView.class);
        List<String> offered = list.getItems().stream().map(Object::toString).toList();
        assertTrue(offered.contains("MaxPool2d") && offered.contains("Global max pooling"), offered.toString());
        robot.write(" 2d");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(Edge.of("input", "out", "max_pool2d_1", "in")), model.graph().edges());
    }
}
