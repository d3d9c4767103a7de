package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
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

/** A palette layer dropped onto a connection goes into it: a -> new -> b, in one undoable edit. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class SpliceTest {
    private EditorModel model;
    private Graph start;

    @Start
    void start(Stage stage) {
        start = EditorFixture.graph(List.of(
                        new Node("input", "vector_input", Map.of("features", 4), 60, 80),
                        new Node("dense", "dense", Map.of("units", 8), 700, 80)),
                Edge.of("input", "out", "dense", "in"));
        model = EditorFixture.show(stage, start, 1200, 760);
    }

    @Test
    void aLayerDroppedOnAnEdgeIsSplicedIntoIt(FxRobot robot) {
        Bounds from = robot.lookup("#port-input-out").query().localToScreen(
                robot.lookup("#port-input-out").query().getBoundsInLocal());
        Bounds to = robot.lookup("#port-dense-in").query().localToScreen(
                robot.lookup("#port-dense-in").query().getBoundsInLocal());
        Point2D middle = new Point2D((from.getCenterX() + to.getCenterX()) / 2, from.getCenterY());
        robot.drag("#palette-relu").dropTo(middle);
        WaitForAsyncUtils.waitForFxEvents();

        Graph after = model.graph();
        assertTrue(after.node("relu_1").isPresent(), after.nodes().keySet().toString());
        assertEquals(Set.of(Edge.of("input", "out", "relu_1", "in"), Edge.of("relu_1", "out", "dense", "in")),
                Set.copyOf(after.edges()));

        robot.interact(model::undo);
        assertEquals(start, model.graph());
    }
}
