package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.editor.EditorModel;
import org.netwright.editor.MonocleDragFix;
import org.netwright.editor.palette.PaletteView;
import org.netwright.model.command.CommandStack;
import org.netwright.model.command.GroupNodes;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.ShapeInference;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening a composite block into its own canvas, editing inside it with undo across levels, and going back. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class BlockEditingTest {
    private EditorModel project;
    private LevelsView levels;
    private Graph start;
    private Label status;

    static Graph flat() {
        return Graph.of(List.of(
                        new Node("vector_input_1", "vector_input", Map.of("features", 4), 40, 60),
                        new Node("a", "dense", Map.of("units", 8), 300, 60),
                        new Node("act", "relu", Map.of(), 560, 60),
                        new Node("dense_2", "dense", Map.of("units", 3), 820, 60)),
                List.of(Edge.of("vector_input_1", "out", "a", "in"), Edge.of("a", "out", "act", "in"),
                        Edge.of("act", "out", "dense_2", "in")));
    }

    @Start
    void start(Stage stage) {
        Graph f = flat();
        start = GroupNodes.of(f, List.of("a", "act"), "block1", "block1").apply(f);
        project = new EditorModel(new CommandStack(start));
        BorderPane root = new BorderPane();
        status = new Label();
        status.setId("status");
        levels = new LevelsView(project, (canvas, path) -> { });
        root.setCenter(levels);
        root.setBottom(status);
        // The palette and the status line follow the level shown, as in the app's window.
        levels.currentModelProperty().addListener((o, was, now) -> {
            root.setLeft(new PaletteView(now, levels.currentCanvasProperty().get()::visibleCenter));
            status.textProperty().bind(now.messageProperty());
        });
        root.setLeft(new PaletteView(project, levels.currentCanvasProperty().get()::visibleCenter));
        status.textProperty().bind(project.messageProperty());
        MonocleDragFix.forgetStaleDragView();
        stage.setScene(new Scene(root, 1280, 760));
        stage.sizeToScene();
        stage.show();
    }

    private Graph body() {
        return project.graph().require("block1").body();
    }

    @Test
    void doubleClickOpensTheBlockWhereEditsChangeItsBodyAndUndoWorksAcrossLevels(FxRobot robot) {
        robot.doubleClickOn("#node-block1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, levels.depth());
        assertEquals("block1", robot.lookup("#trail-1").queryAs(Label.class).getText());
        // The block's ports sit at the inner view's edges and say what they carry.
        assertEquals("Inputs: in 4  ·  Outputs: out 8", robot.lookup("#block-ports").queryAs(Label.class).getText());
        String entry = CompositePorts.inputNodes(body()).get(0).id();
        String exit = CompositePorts.outputNodes(body()).get(0).id();
        EditorModel inner = levels.currentModelProperty().get();
        double left = inner.graph().require(entry).x();
        double right = inner.graph().require(exit).x();
        assertTrue(left < inner.graph().require("a").x() && right > inner.graph().require("act").x());
        assertEquals("Block input ‘in’", robot.lookup("#node-" + entry + " .layer-node-title").queryAs(Label.class)
                .getText());

        // Replace the ReLU by a tanh with real gestures: delete, drop from the palette, wire by dragging.
        robot.clickOn("#node-act").type(KeyCode.DELETE);
        assertTrue(body().node("act").isEmpty());
        robot.clickOn("#palette-search").write("tanh");
        robot.drag("#palette-tanh").dropTo("#levels-view");
        assertTrue(body().node("tanh_1").isPresent(), body().nodes().keySet().toString());
        robot.drag("#port-a-out").dropTo("#port-tanh_1-in");
        robot.drag("#port-tanh_1-out").dropTo("#port-" + exit + "-in");
        assertTrue(body().edges().containsAll(List.of(Edge.of("a", "out", "tanh_1", "in"),
                Edge.of("tanh_1", "out", exit, "in"))), body().edges().toString());
        // Shapes re-infer through the block: the network is whole again and the outer card knows it.
        assertTrue(ShapeInference.infer(project.graph()).isValid());
        assertEquals("8", project.shapes().report("block1").outputs().get("out").toString());

        // Undo inside the block, then go back up and undo there: the history is one across levels.
        robot.clickOn("#levels-view").press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertFalse(body().edges().contains(Edge.of("tanh_1", "out", exit, "in")));
        robot.clickOn("#trail-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, levels.depth());
        assertNotNull(robot.lookup("#node-block1").query());
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        }
        assertEquals(start, project.graph());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertTrue(body().node("act").isEmpty(), "redo from the top replays the delete made inside");
    }

    @Test
    void enterOpensEscReturnsAndUndoingTheGroupLeavesTheGoneBlock(FxRobot robot) {
        robot.interact(() -> project.stack().reset(flat(), "flat"));
        robot.clickOn("#node-a").press(KeyCode.SHIFT).clickOn("#node-act").release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        assertEquals("block_1", project.selectedNodeProperty().get());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, levels.depth());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, levels.depth());
        assertEquals("block_1", project.selectedNodeProperty().get(), "back on the block just left");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, levels.depth());
        // Undoing the grouping from inside takes the block away: the view goes back to the network.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, levels.depth());
        assertEquals(flat(), project.graph());
        assertNotNull(robot.lookup("#node-act").query());
    }

    @Test
    void portsAreAddedInsideAndAPortWiredOutsideIsNotTakenAway(FxRobot robot) {
        robot.clickOn("#node-block1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        String entry = CompositePorts.inputNodes(body()).get(0).id();
        robot.clickOn("#node-" + entry).type(KeyCode.DELETE);
        assertTrue(status.getText().contains("disconnect it there first"), status.getText());
        assertEquals(start, project.graph());
        robot.clickOn("#add-output-port");
        assertEquals(List.of("out", "out2"), CompositePorts.outputs(project.graph().require("block1")));
        String out2 = CompositePorts.outputNodes(body()).get(1).id();
        robot.drag("#port-a-out").dropTo("#port-" + out2 + "-in");
        robot.clickOn("#block-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, levels.depth());
        // The outer card now has the second output, carrying the dense layer's 8 features.
        assertNotNull(robot.lookup("#port-block1-out2").query());
        assertEquals("8", project.shapes().report("block1").outputs().get("out2").toString());
    }

    @Test
    void aBlockJustGroupedOpensFittedWithItsLaidOutLayersDrawn(FxRobot robot) {
        robot.interact(() -> {
            project.select(List.of("block1", "dense_2"));
            assertTrue(project.groupSelection(), project.messageProperty().get());
        });
        // A narrow window: the block's row (4 cards, about 900 px) is wider than the view, so opening it must fit it.
        robot.interact(() -> levels.getScene().getWindow().setWidth(700));
        robot.interact(() -> levels.open("block_1"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        GraphCanvas inside = levels.currentCanvasProperty().get();
        Graph shown = levels.currentModelProperty().get().graph();
        assertTrue(inside.shownCardCount() == shown.nodes().size(),
                inside.shownCardCount() + " of " + shown.nodes().size() + " cards drawn: " + shown.nodes());
        for (String id : shown.nodes().keySet()) {
            // Found through the canvas: a brief card (zoomed out below 50 %) has no id.
            javafx.scene.Node card = inside.nodeView(id).card();
            javafx.geometry.Bounds b = card.localToScene(card.getLayoutBounds());
            javafx.geometry.Bounds view = inside.localToScene(inside.getLayoutBounds());
            assertTrue(view.contains(b), id + " " + b + " outside the view " + view);
        }
    }
}
