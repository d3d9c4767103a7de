package org.netwright.editor.inspector;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.editor.EditorFixture;
import org.netwright.editor.EditorModel;
import org.netwright.editor.canvas.GraphCanvas;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.catalog.ParamSpec;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class InspectorViewTest {
    private EditorModel model;

    @Start
    void start(Stage stage) {
        Graph start = EditorFixture.graph(List.of(
                        new Node("image_input_1", "image_input", Map.of(), 40, 60),
                        new Node("conv2d_1", "conv2d", Map.of(), 320, 60),
                        new Node("dense_1", "dense", Map.of("units", 16), 320, 260)),
                Edge.of("image_input_1", "out", "conv2d_1", "in"));
        model = EditorFixture.show(stage, start, 1200, 760);
    }

    private void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    @Test
    void nothingSelectedShowsTheHint(FxRobot robot) {
        Label hint = robot.lookup("#inspector-empty").queryAs(Label.class);
        assertTrue(hint.isVisible());
        assertEquals("Select a layer to see and edit its settings", hint.getText());
    }

    /** A layer whose input is not wired yet shows that as a to-do, in the card's amber, not as an error in red. */
    @Test
    void aFreeInputIsShownAsAToDoNotAsAnError(FxRobot robot) {
        robot.clickOn("#node-dense_1");
        Label why = robot.lookup("#inspector-problem").queryAs(Label.class);
        assertTrue(why.getText().contains("not connected"), why.getText());
        assertTrue(why.getStyleClass().contains("inspector-todo"), why.getStyleClass().toString());
        assertFalse(why.getStyleClass().contains("inspector-problem"), why.getStyleClass().toString());
    }

    @Test
    void selectingANodeShowsItsSettingsAndFacts(FxRobot robot) {
        robot.clickOn("#node-conv2d_1");

        assertFalse(robot.lookup("#inspector-empty").query().isVisible());
        assertEquals("Conv2d", robot.lookup("#inspector-title").queryAs(Label.class).getText());
        assertEquals("16", robot.lookup("#param-filters").queryAs(TextField.class).getText());
        assertEquals("same", robot.lookup("#param-padding").queryAs(ComboBox.class).getValue());
        assertTrue(robot.lookup("#param-bias").queryAs(CheckBox.class).isSelected());
        assertEquals("Output: 16×28×28", robot.lookup("#inspector-output").queryAs(Label.class).getText());
        assertEquals("Parameters: 160", robot.lookup("#inspector-params").queryAs(Label.class).getText());
        String formula = robot.lookup("#inspector-formula").queryAs(Label.class).getText();
        assertTrue(formula.contains("height = floor((28 + 2·1 − 1·(3−1) − 1) / 1) + 1\n= 28"), formula);
        assertTrue(formula.contains("= 3·3·1·16 + 16 = 160"), formula);
    }

    @Test
    void enterCommitsATypedValueAsOneCommand(FxRobot robot) {
        robot.clickOn("#node-dense_1");
        replaceText(robot, "#param-units", "32");
        robot.type(KeyCode.ENTER);

        assertEquals(32, model.graph().require("dense_1").params().get("units"));
        robot.interact(model::undo);
        assertEquals(16, model.graph().require("dense_1").params().get("units"));
        assertEquals("16", robot.lookup("#param-units").queryAs(TextField.class).getText(),
                "the field follows undo");
        assertFalse(model.canUndoProperty().get());
    }

    @Test
    void leavingTheFieldCommitsToo(FxRobot robot) {
        robot.clickOn("#node-conv2d_1");
        replaceText(robot, "#param-filters", "8");
        robot.clickOn("#param-kernel");

        assertEquals(8, model.graph().require("conv2d_1").params().get("filters"));
        assertEquals("Parameters: 80", robot.lookup("#inspector-params").queryAs(Label.class).getText());
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', value = {"-3 | between 1 and 1000000", "abc | whole number"})
    void invalidValueIsRefusedVisiblyAndTheModelIsUnchanged(String typed, String reason, FxRobot robot) {
        robot.clickOn("#node-dense_1");
        Graph before = model.graph();
        replaceText(robot, "#param-units", typed);
        robot.type(KeyCode.ENTER);

        Label error = robot.lookup("#param-units-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains(reason), error.getText());
        assertEquals("16", robot.lookup("#param-units").queryAs(TextField.class).getText(), "the field reverts");
        assertEquals(before, model.graph());
        assertFalse(model.canUndoProperty().get());
    }

    @Test
    void everyCatalogLayerGetsOneEditorPerParameterAndACard(FxRobot robot) {
        List<Node> all = new java.util.ArrayList<>();
        int row = 0;
        for (LayerSpec spec : LayerCatalog.standard().all()) {
            all.add(new Node(spec.id() + "_1", spec.id(), Map.of(), 40 + (row % 4) * 220, 40 + (row / 4) * 140));
            row++;
        }
        robot.interact(() -> model.stack().reset(Graph.of(all, List.of()), "every layer"));

        for (LayerSpec spec : LayerCatalog.standard().all()) {
            String id = spec.id() + "_1";
            robot.interact(() -> model.selectedNodeProperty().set(id));
            // At Fit the cards are brief (no id of their own): the canvas says whether it draws one.
            assertTrue(robot.lookup("#graph-canvas").queryAs(GraphCanvas.class).titleShown(id).isPresent(), id);
            assertEquals(spec.name(), robot.lookup("#inspector-title").queryAs(Label.class).getText());
            for (ParamSpec param : spec.params()) {
                assertTrue(robot.lookup("#inspector #param-" + param.name()).tryQuery().isPresent(),
                        id + " lacks an editor for " + param.name());
            }
        }
    }

    @Test
    void choiceAndCheckBoxCommitOnChange(FxRobot robot) {
        robot.clickOn("#node-conv2d_1");
        robot.clickOn("#param-padding").clickOn("valid");
        robot.clickOn("#param-bias");

        Map<String, Object> params = model.graph().require("conv2d_1").params();
        assertEquals("valid", params.get("padding"));
        assertEquals(false, params.get("bias"));
        assertEquals("Output: 16×26×26", robot.lookup("#inspector-output").queryAs(Label.class).getText());
    }

    @Test
    void untickingTrainFreezesTheLayerAsOneUndoableCommand(FxRobot robot) {
        robot.clickOn("#node-conv2d_1");
        // A convolution's settings fill the inspector: scroll down to the checkbox under them, as a user would.
        robot.interact(() -> robot.lookup(".inspector-scroll").queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1.0));
        CheckBox train = robot.lookup("#inspector-trainable").queryAs(CheckBox.class);
        assertTrue(train.isSelected());
        robot.clickOn("#inspector-trainable");
        assertFalse(model.graph().require("conv2d_1").trainable());
        assertTrue(robot.lookup("#inspector-frozen").queryAs(Label.class).getText().startsWith("Frozen: its 160 parameters"));
        robot.interact(() -> model.undo());
        assertTrue(model.graph().require("conv2d_1").trainable());
        assertTrue(robot.lookup("#inspector-trainable").queryAs(CheckBox.class).isSelected());
    }

    @Test
    void aValueRefusedWhileARunLocksTheGraphLosesItsReasonWhenTheRunEnds(FxRobot robot) {
        String lock = "Training uses this network as it was when the run started, so editing is locked until the run"
                + " ends. Press Stop to edit now.";
        robot.clickOn("#node-dense_1");
        robot.interact(() -> model.setLock(lock));
        replaceText(robot, "#param-units", "32");
        robot.type(KeyCode.ENTER);
        Label error = robot.lookup("#param-units-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals(lock, error.getText());
        assertEquals("16", robot.lookup("#param-units").queryAs(TextField.class).getText());

        robot.interact(() -> model.setLock(""));

        assertFalse(error.isVisible(), "the lock's reason stayed under the field after the run ended");
        assertFalse(robot.lookup("#param-units").queryAs(TextField.class).getStyleClass().contains("param-invalid"));
        assertEquals(16, model.graph().require("dense_1").params().get("units"));
    }

    @Test
    void aRefusalForAnotherReasonStaysWhenTheLockLifts(FxRobot robot) {
        robot.clickOn("#node-dense_1");
        replaceText(robot, "#param-units", "-3");
        robot.type(KeyCode.ENTER);
        robot.interact(() -> model.setLock("locked"));
        robot.interact(() -> model.setLock(""));

        assertTrue(robot.lookup("#param-units-error").queryAs(Label.class).isVisible());
    }

    @Test
    void severalSelectedLayersAreSummedUpAndFrozenTogetherInOneUndoStep(FxRobot robot) {
        robot.clickOn("#node-conv2d_1");
        robot.press(KeyCode.SHIFT).clickOn("#node-dense_1").release(KeyCode.SHIFT);

        assertEquals("2 layers selected", robot.lookup("#inspector-title").queryAs(Label.class).getText());
        String types = robot.lookup("#inspector-selection-types").queryAs(Label.class).getText();
        assertTrue(types.contains("1 \u00d7 Conv2d") && types.contains("1 \u00d7 Dense"), types);
        assertTrue(robot.lookup("#inspector-selection-params").queryAs(Label.class).getText()
                .startsWith("Parameters together: "));
        Graph before = model.graph();

        CheckBox all = robot.lookup("#inspector-trainable-all").queryAs(CheckBox.class);
        assertTrue(all.isSelected() && !all.isIndeterminate(), "they train");
        robot.clickOn(all);

        assertFalse(model.graph().require("conv2d_1").trainable());
        // dense_1 has no input, so no weights yet: nothing of it to freeze.
        assertTrue(model.graph().require("dense_1").trainable());
        assertFalse(robot.lookup("#inspector-trainable-all").queryAs(CheckBox.class).isSelected());
        robot.interact(model::undo);
        assertEquals(before, model.graph(), "one undo takes both back");

        robot.clickOn("#inspector-group");
        assertTrue(model.graph().node("block_1").isPresent(), model.graph().nodes().keySet().toString());
        robot.interact(model::undo);
        assertEquals(before, model.graph());
    }
}
