package org.netwright.editor.palette;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.editor.EditorFixture;
import org.netwright.editor.EditorModel;
import org.netwright.editor.canvas.CardShapes;
import org.netwright.editor.layout.CardShape;
import org.netwright.model.graph.Graph;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class PaletteViewTest {
    private EditorModel model;

    @Start
    void start(Stage stage) {
        model = EditorFixture.show(stage, Graph.empty(), 1200, 760);
    }

    private boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n.isVisible() && n.isManaged();
    }

    @Test
    void searchFiltersEntriesAndHidesEmptyGroups(FxRobot robot) {
        robot.clickOn("#palette-search").write("pool");

        assertTrue(shown(robot, "#palette-max_pool2d"));
        assertFalse(shown(robot, "#palette-conv2d"));
        assertFalse(shown(robot, "#palette-group-core"));
        assertTrue(shown(robot, "#palette-group-convolution"));
    }

    @Test
    void enterInTheSearchAddsTheFirstLayerItShows(FxRobot robot) {
        robot.clickOn("#palette-search").write("dens").type(javafx.scene.input.KeyCode.ENTER);

        assertEquals(java.util.Set.of("dense_1"), model.graph().nodes().keySet());
        assertEquals("dense_1", model.selectedNodeProperty().get());

        // Nothing matches: Enter adds nothing.
        robot.clickOn("#palette-search").eraseText(4).write("zzz").type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(1, model.graph().nodes().size());
    }

    @Test
    void doubleClickAddsTheLayerInTheVisibleMiddleThenRightOfTheSelectedOneCoveringNoCard(FxRobot robot) {
        robot.doubleClickOn("#palette-dense");
        robot.doubleClickOn("#palette-relu");
        // Nothing selected: the third goes to the middle again, where the first is, and must find a free place.
        robot.interact(() -> model.selectedNodeProperty().set(null));
        robot.doubleClickOn("#palette-dense");

        assertEquals(3, model.graph().nodes().size());
        org.netwright.model.graph.Node first = model.graph().require("dense_1");
        org.netwright.model.graph.Node second = model.graph().require("relu_1");
        assertTrue(first.x() > 100 && first.y() > 100, "in the middle, not the corner: " + first);
        assertEquals(first.y(), second.y(), "the next layer goes in the selected one's row");
        assertTrue(second.x() >= first.x() + CardShapes.standard().apply(first).width(), "right of it: " + second);
        List<org.netwright.model.graph.Node> nodes = List.copyOf(model.graph().nodes().values());
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertFalse(overlap(nodes.get(i), nodes.get(j)), nodes.get(i) + " covers " + nodes.get(j));
            }
        }
        assertTrue(robot.lookup("#node-dense_2").tryQuery().isPresent());
    }

    /**
     * A layer added right of the one selected card is wired from it when it can take its output, in the same edit as
     * the add; when it cannot, it is added unwired and the message says why.
     */
    @Test
    void aLayerAddedNextToTheSelectedCardIsWiredFromItWhenItCanTakeItsOutput(FxRobot robot) {
        robot.doubleClickOn("#palette-image_input");
        doubleClickFound(robot, "conv2d");
        assertEquals(List.of(org.netwright.model.graph.Edge.of("image_input_1", "out", "conv2d_1", "in")),
                model.graph().edges());
        // Enter in the search does the same, from the card just added (now the selected one).
        robot.interact(() -> robot.lookup("#palette-search").queryAs(javafx.scene.control.TextField.class).clear());
        robot.clickOn("#palette-search").write("flatten").type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(List.of(org.netwright.model.graph.Edge.of("image_input_1", "out", "conv2d_1", "in"),
                org.netwright.model.graph.Edge.of("conv2d_1", "out", "flatten_1", "in")), model.graph().edges());

        // One edit: a single undo takes the layer and its wire away.
        robot.interact(model::undo);
        assertEquals(java.util.Set.of("image_input_1", "conv2d_1"), model.graph().nodes().keySet());
        assertEquals(1, model.graph().edges().size());

        // An LSTM cannot take the convolution's image: added, unwired, and the message says why.
        robot.interact(() -> model.selectedNodeProperty().set("conv2d_1"));
        doubleClickFound(robot, "lstm");
        assertTrue(model.graph().node("lstm_1").isPresent(), model.graph().nodes().keySet().toString());
        assertEquals(1, model.graph().edges().size(), model.graph().edges().toString());
        String message = model.messageProperty().get();
        assertTrue(message.contains("lstm_1") && message.contains("conv2d_1.out cannot feed it"), message);

        // With two cards selected it is not clear which to follow: no wire.
        robot.interact(() -> {
            model.selectedNodeProperty().set("image_input_1");
            model.toggleSelected("conv2d_1");
        });
        doubleClickFound(robot, "relu");
        assertTrue(model.graph().incomingEdges("relu_1").isEmpty(), model.graph().edges().toString());
    }

    /** An Add searched for and entered after a convolution takes it into its first input; the skip input stays free. */
    @Test
    void anAddEnteredAfterTheSelectedCardIsWiredIntoItsFirstInput(FxRobot robot) {
        robot.doubleClickOn("#palette-image_input");
        doubleClickFound(robot, "conv2d");
        robot.interact(() -> robot.lookup("#palette-search").queryAs(javafx.scene.control.TextField.class).clear());
        robot.clickOn("#palette-search").write("add").type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(List.of(org.netwright.model.graph.Edge.of("image_input_1", "out", "conv2d_1", "in"),
                org.netwright.model.graph.Edge.of("conv2d_1", "out", "add_1", "in1")), model.graph().edges());
    }

    /** Searches for a layer (its group may be folded) and double-clicks its entry. */
    private static void doubleClickFound(FxRobot robot, String layerId) {
        robot.interact(() -> robot.lookup("#palette-search").queryAs(javafx.scene.control.TextField.class)
                .setText(layerId));
        robot.doubleClickOn("#palette-" + layerId);
    }

    @Test
    void aLayerAddedBeyondTheViewIsScrolledIntoIt(FxRobot robot) {
        for (int i = 0; i < 7; i++) {
            robot.doubleClickOn("#palette-dense");
        }
        robot.sleep(300);

        assertEquals(7, model.graph().nodes().size());
        javafx.geometry.Bounds view = robot.lookup(".graph-canvas-scroll").query().localToScreen(
                robot.lookup(".graph-canvas-scroll").query().getLayoutBounds());
        Node last = robot.lookup("#node-dense_7").query();
        javafx.geometry.Bounds card = last.localToScreen(last.getLayoutBounds());
        assertTrue(view.contains(card), "dense_7 at " + card + " outside the view " + view);
    }

    private static boolean overlap(org.netwright.model.graph.Node a, org.netwright.model.graph.Node b) {
        CardShape ca = CardShapes.standard().apply(a);
        CardShape cb = CardShapes.standard().apply(b);
        return a.x() < b.x() + cb.width() && b.x() < a.x() + ca.width() && a.y() < b.y() + cb.height()
                && b.y() < a.y() + ca.height();
    }

    @Test
    void entriesExplainTheLayerInATooltip(FxRobot robot) {
        robot.clickOn("#palette-search").write("conv2d");
        Node entry = robot.lookup("#palette-conv2d").query();
        // Made when the pointer first comes over the entry, and shown after the delay.
        assertNull(entry.getProperties().get("javafx.scene.control.Tooltip"));
        robot.moveTo(entry).moveBy(5, 0).sleep(1200);
        Tooltip tip = (Tooltip) entry.getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(tip.getText().contains("Slides learned k×k filters"), tip.getText());
        assertTrue(tip.isShowing(), "shown when the pointer rests on the entry");
    }
}
