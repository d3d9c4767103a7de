package org.netwright.editor.palette;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.editor.EditorFixture;
import org.netwright.editor.EditorModel;
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
    void doubleClickAddsTheLayerInTheVisibleMiddleAndAgainBesideIt(FxRobot robot) {
        robot.doubleClickOn("#palette-dense");
        robot.doubleClickOn("#palette-dense");

        assertEquals(2, model.graph().nodes().size());
        org.netwright.model.graph.Node first = model.graph().require("dense_1");
        org.netwright.model.graph.Node second = model.graph().require("dense_2");
        assertTrue(first.x() > 100 && first.y() > 100, "in the middle, not the corner: " + first);
        assertTrue(second.x() > first.x() && second.y() > first.y(), "cascaded, not stacked");
        assertTrue(robot.lookup("#node-dense_2").tryQuery().isPresent());
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
