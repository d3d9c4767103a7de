package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.command.GroupNodes;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** In the app's window, a block opened for editing gets the palette, the inspector and the Edit menu; undo crosses levels. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class BlockEditingUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private Graph start;

    @Start
    void start(Stage stage) {
        Graph flat = Graph.of(List.of(
                        new Node("input", "vector_input", Map.of("features", 2), 40, 80),
                        new Node("dense_1", "dense", Map.of("units", 16), 300, 40),
                        new Node("relu_1", "relu", Map.of(), 540, 40),
                        new Node("dense_2", "dense", Map.of("units", 2), 780, 40),
                        new Node("add_1", "add", Map.of("inputs", 2), 1020, 120),
                        new Node("dense_3", "dense", Map.of("units", 2), 1260, 120)),
                List.of(Edge.of("input", "out", "dense_1", "in"), Edge.of("dense_1", "out", "relu_1", "in"),
                        Edge.of("relu_1", "out", "dense_2", "in"), Edge.of("dense_2", "out", "add_1", "in1"),
                        Edge.of("input", "out", "add_1", "in2"), Edge.of("add_1", "out", "dense_3", "in")));
        start = GroupNodes.of(flat, List.of("dense_1", "relu_1", "dense_2", "add_1"), "residual_1", "residual")
                .apply(flat);
        app = AppWindowFixture.open(stage, dir, start, TemplateLibrary.find("two-moons-mlp").orElseThrow().settings(),
                (p, s, e) -> {
                    throw new AssertionError("no training in this test");
                });
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Graph body() {
        return app.workspace.session().editor().graph().require("residual_1").body();
    }

    @Test
    void paletteInspectorAndEditMenuWorkInsideAndUndoReachesAcrossLevels(FxRobot robot) {
        // Enter on the selected block (a double-click does the same; a loaded machine can split one into two clicks).
        robot.clickOn(card(robot, "residual_1")).type(javafx.scene.input.KeyCode.ENTER);
        AppWindowFixture.waitUntil("the block to open", 10, () -> robot.lookup("#trail-1").tryQuery().isPresent());
        assertEquals("residual (residual_1)", robot.lookup("#trail-1").queryAs(Label.class).getText());

        robot.clickOn(card(robot, "relu_1"));
        assertEquals("ReLU", robot.lookup("#inspector-title").queryAs(Label.class).getText());
        robot.clickOn("Edit").clickOn("#menu-delete");
        assertTrue(body().node("relu_1").isEmpty(), body().nodes().keySet().toString());
        // A palette double-click adds into the block shown.
        robot.doubleClickOn("#palette-dropout");
        WaitForAsyncUtils.waitForFxEvents();
        if (body().node("dropout_1").isEmpty()) {
            // A loaded machine can deliver the two clicks too far apart to count as one double-click (seen once at
            // load 9); a double-click that does count must then add exactly one layer.
            robot.doubleClickOn("#palette-dropout");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(body().node("dropout_1").isPresent(), body().nodes().keySet().toString());
        assertTrue(body().node("dropout_2").isEmpty(), "one double-click added one layer: " + body().nodes().keySet());
        assertTrue(app.workspace.session().editor().graph().node("dropout_1").isEmpty());

        robot.clickOn("#trail-0");
        AppWindowFixture.waitUntil("the network to show", 10, () -> robot.lookup("#trail-1").tryQuery().isEmpty());
        robot.clickOn("Edit").clickOn("#menu-undo");
        robot.clickOn("Edit").clickOn("#menu-undo");
        assertEquals(start, app.workspace.session().editor().graph(), "both edits made inside are undone from outside");
        // And the project file has it as it is now.
        robot.clickOn(card(robot, "residual_1"));
        assertEquals("Composite block", robot.lookup("#inspector-title").queryAs(Label.class).getText());
    }

    @Test
    void thePaletteSearchIsKeptWhenEnteringAndLeavingABlock(FxRobot robot) {
        robot.clickOn("#palette-search").write("drop");
        robot.clickOn(card(robot, "residual_1")).type(javafx.scene.input.KeyCode.ENTER);
        AppWindowFixture.waitUntil("the block to open", 10, () -> robot.lookup("#trail-1").tryQuery().isPresent());
        assertEquals("drop", robot.lookup("#palette-search").queryAs(javafx.scene.control.TextField.class).getText());
        assertTrue(robot.lookup("#palette-dropout").query().isVisible(), "the hit is shown inside");
        assertTrue(!robot.lookup("#palette-dense").query().isVisible(), "the search still filters inside");

        robot.clickOn("#trail-0");
        AppWindowFixture.waitUntil("the network to show", 10, () -> robot.lookup("#trail-1").tryQuery().isEmpty());
        assertEquals("drop", robot.lookup("#palette-search").queryAs(javafx.scene.control.TextField.class).getText());
        assertTrue(!robot.lookup("#palette-dense").query().isVisible());
    }

    @Test
    void aWarningOnALayerInsideABlockMarksTheBlockNamingTheLayerAndTheLayerWhenOpen(FxRobot robot) {
        robot.interact(() -> app.window.trainingPanel().model().apply(List.of(
                new org.netwright.model.run.RunEvent.Started(1, "cpu", 3, 2),
                new org.netwright.model.run.RunEvent.Epoch(1, 0.5, 0.6, Map.of(), 0.01, 1, 1, Map.of(), Map.of(),
                        List.of(new org.netwright.model.run.RunWarning("dead_relu", "residual_1/relu_1",
                                "relu_1 in residual_1 passes almost nothing."))))));
        javafx.scene.Node block = card(robot, "residual_1");
        assertTrue(block.getStyleClass().contains("layer-node-warned"), block.getStyleClass().toString());
        assertTrue(warningShown(robot, "\u26a0 dead ReLUs in relu_1"), "the block's card names the layer inside");
        shot(robot, "warning-on-block");

        robot.clickOn(card(robot, "residual_1")).type(javafx.scene.input.KeyCode.ENTER);
        AppWindowFixture.waitUntil("the block to open", 10, () -> robot.lookup("#trail-1").tryQuery().isPresent());
        javafx.scene.Node relu = card(robot, "relu_1");
        AppWindowFixture.waitUntil("the layer's card to be marked", 10,
                () -> relu.getStyleClass().contains("layer-node-warned"));
        assertTrue(warningShown(robot, "\u26a0 dead ReLUs"), "the layer's own card says it inside the block");
        shot(robot, "warning-inside-block");
        assertTrue(!card(robot, "dense_1").getStyleClass().contains("layer-node-warned"));

        robot.clickOn("#trail-0");
        AppWindowFixture.waitUntil("the network to show", 10, () -> robot.lookup("#trail-1").tryQuery().isEmpty());
        assertTrue(warningShown(robot, "\u26a0 dead ReLUs in relu_1"), "still marked after leaving the block");
    }

    /** A node's card on the canvas shown: found through the canvas, since a brief card (below 50 %) has no id. */
    @Test
    void aBlocksHandMadeViewIsKeptByItsPathApartFromTheNetworksAndComesBackWhenItOpensAgain(FxRobot robot) {
        org.netwright.editor.canvas.LevelsView levels = robot.lookup("#levels-view")
                .queryAs(org.netwright.editor.canvas.LevelsView.class);
        openBlock(robot);
        org.netwright.editor.canvas.GraphCanvas inside = levels.currentCanvasProperty().get();
        AppWindowFixture.waitUntil("the block's first fit", 10, () -> inside.handView().isEmpty()
                && inside.getScene() != null);
        // Zoomed and left at once: well within the second a view waits to settle, so it is kept as the block closes.
        robot.interact(() -> {
            inside.setZoom(1.75);
            inside.centerOn(200, 120);
            levels.backTo(0);
        });
        AppWindowFixture.waitUntil("the block's view kept", 10, () -> kept(List.of("residual_1")).isPresent());
        org.netwright.model.store.SavedView left = kept(List.of("residual_1")).orElseThrow();
        assertEquals(1.75, left.zoom(), 1e-9);
        assertTrue(kept(List.of()).map(v -> v.zoom() != 1.75).orElse(true), "the network's view is its own");

        openBlock(robot);
        org.netwright.editor.canvas.GraphCanvas again = levels.currentCanvasProperty().get();
        assertTrue(again != inside, "a new canvas for the block opened again");
        AppWindowFixture.waitUntil("the block's view shown again", 10, () -> again.handView().isPresent());
        assertEquals(1.75, again.handView().orElseThrow().zoom(), 1e-9);
        assertEquals(left.centerX(), again.handView().orElseThrow().centerX(), 2.0);
        assertEquals(left.centerY(), again.handView().orElseThrow().centerY(), 2.0);

        // In a project opened again too; Fit inside forgets the block's view.
        robot.interact(() -> levels.backTo(0));
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            app.workspace.close();
            app.workspace.open(app.file);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        org.netwright.editor.canvas.LevelsView reopened = robot.lookup("#levels-view")
                .queryAs(org.netwright.editor.canvas.LevelsView.class);
        assertTrue(reopened != levels);
        openBlock(robot);
        org.netwright.editor.canvas.GraphCanvas third = reopened.currentCanvasProperty().get();
        AppWindowFixture.waitUntil("the kept view in the reopened project", 10, () -> third.handView().isPresent());
        assertEquals(1.75, third.handView().orElseThrow().zoom(), 1e-9);
        robot.interact(third::fitToView);
        AppWindowFixture.waitUntil("the fit forgets the block's view", 10, () -> kept(List.of("residual_1")).isEmpty());
    }

    private void openBlock(FxRobot robot) {
        robot.clickOn(card(robot, "residual_1")).type(javafx.scene.input.KeyCode.ENTER);
        AppWindowFixture.waitUntil("the block to open", 10, () -> robot.lookup("#trail-1").tryQuery().isPresent());
    }

    /** The view the project file holds for the block at {@code path}, read beside the open window. */
    private java.util.Optional<org.netwright.model.store.SavedView> kept(List<String> path) {
        try (org.netwright.model.store.ProjectStore reader = app.workspace.session().store().readerBeside()) {
            return reader.loadView(path);
        }
    }

    private static javafx.scene.Node card(FxRobot robot, String id) {
        return robot.lookup("#graph-canvas").queryAllAs(org.netwright.editor.canvas.GraphCanvas.class).stream()
                .map(c -> c.card(id)).flatMap(java.util.Optional::stream).findFirst()
                .orElseThrow(() -> new AssertionError("no card drawn for " + id));
    }

    private static boolean warningShown(FxRobot robot, String text) {
        return robot.lookup(".layer-node-run-warning").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().equals(text));
    }

    /** Writes the window to {@code netwright.screenshot.more}/NAME.png when asked (to look at it, not for the README). */
    private static void shot(FxRobot robot, String name) {
        String dir = System.getProperty("netwright.screenshot.more");
        if (dir == null) {
            return;
        }
        try {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            var scene = robot.listTargetWindows().get(0).getScene();
            var image = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                    Path.of(dir, name + ".png").toFile());
        } catch (Exception e) {
            throw new AssertionError("the screenshot " + name + " could not be written", e);
        }
    }
}
