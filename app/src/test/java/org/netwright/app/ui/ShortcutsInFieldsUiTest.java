package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.editor.EditorModel;
import org.netwright.model.graph.Graph;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor's keys are the Edit menu's accelerators: they work while an inspector field has the focus, and a
 * text field keeps the keys it edits text with (Ctrl+Z undoes typing there, not the graph).
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ShortcutsInFieldsUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private final Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();

    @Start
    void start(Stage stage) {
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings(), (p, s, e) -> {
            throw new AssertionError("no training in this test");
        });
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void layoutKeyWorksFromAnInspectorFieldAndTextKeysStayWithTheField(FxRobot robot) {
        EditorModel editor = app.workspace.session().editor();
        String[] id = new String[1];
        robot.interact(() -> {
            // Far off every other card: a layout must move it.
            id[0] = editor.addLayer("dense", 5000, 5000).orElseThrow();
            editor.select(java.util.List.of(id[0]));
        });
        TextField units = robot.lookup("#param-units").queryAs(TextField.class);
        robot.clickOn(units);
        AppWindowFixture.waitUntil("the field has the focus", 5, units::isFocused);

        // Typing, then Ctrl+Z in the field: the text's undo, the graph keeps the added card.
        robot.type(KeyCode.END).type(KeyCode.DIGIT5);
        AppWindowFixture.waitUntil("typed", 5, () -> units.getText().equals("645"));
        Graph beforeUndo = editor.graph();
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        AppWindowFixture.waitUntil("text undone", 5, () -> units.getText().equals("64"));
        assertEquals(beforeUndo, editor.graph(), "Ctrl+Z in a text field undid a graph edit");
        assertTrue(editor.graph().node(id[0]).isPresent());

        // Ctrl+A in the field selects its text, not every card.
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        AppWindowFixture.waitUntil("text selected", 5, () -> "64".equals(units.getSelectedText()));
        assertEquals(1, editor.selectedNodes().size(), "Ctrl+A in a text field selected the cards");

        double x = editor.graph().node(id[0]).orElseThrow().x();
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        AppWindowFixture.waitUntil("laid out", 5, () -> editor.graph().node(id[0]).orElseThrow().x() != x);
        assertNotEquals(5000.0, editor.graph().node(id[0]).orElseThrow().x());
    }
}
