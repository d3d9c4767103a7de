package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help > Keyboard Shortcuts (F1) shows every line whole, not squeezed to "Drag from an output por…". */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class HelpDialogsUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        // The app's own look (AtlantaFX caps its dialogs at 600 px, which is what cut their texts).
        org.netwright.app.theme.Themes.apply(org.netwright.app.theme.Theme.LIGHT);
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings(), (p, s, e) -> {
            throw new AssertionError("no training in this test");
        });
    }

    @AfterEach
    void close() {
        app.close();
        // Back to JavaFX's own stylesheet, which the other window tests are laid out in.
        WaitForAsyncUtils.asyncFx(() -> javafx.application.Application.setUserAgentStylesheet(null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theShortcutSheetShowsEveryLineWhole(FxRobot robot) {
        robot.clickOn("Help").clickOn("Keyboard Shortcuts");
        AppWindowFixture.waitUntil("the sheet", 10, () -> robot.lookup("#shortcut-sheet").tryQuery().isPresent());
        GridPane sheet = robot.lookup("#shortcut-sheet").queryAs(GridPane.class);
        List<Label> lines = sheet.getChildren().stream().map(Label.class::cast).toList();

        assertEquals(2 * 22, lines.size());
        for (Label line : lines) {
            assertTrue(AppWindowFixture.shownWhole(line), "cut: " + line.getText());
        }
        robot.clickOn("Close");
    }

    /** Every menu item's key, e.g. "Ctrl+Shift+M" for View > Model Summary. */
    private static List<String> menuKeys(javafx.scene.control.MenuBar bar) {
        List<String> keys = new java.util.ArrayList<>();
        java.util.ArrayDeque<javafx.scene.control.MenuItem> items = new java.util.ArrayDeque<>();
        bar.getMenus().forEach(items::add);
        while (!items.isEmpty()) {
            javafx.scene.control.MenuItem item = items.pop();
            if (item instanceof javafx.scene.control.Menu menu) {
                items.addAll(menu.getItems());
            } else if (item.getAccelerator() != null) {
                keys.add(item.getAccelerator().getDisplayText());
            }
        }
        return keys;
    }

    @Test
    void theShortcutSheetListsEveryKeyTheMenusShow(FxRobot robot) {
        // Found under Xvfb: F1, Ctrl+Shift+M (Model Summary), Ctrl+Shift+S and Ctrl+Q were in the menus, not on the sheet.
        List<String> keys = menuKeys(robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class));
        assertTrue(keys.size() >= 15, "the menus' keys were found: " + keys);
        robot.press(javafx.scene.input.KeyCode.F1).release(javafx.scene.input.KeyCode.F1);
        AppWindowFixture.waitUntil("the sheet", 10, () -> robot.lookup("#shortcut-sheet").tryQuery().isPresent());
        GridPane sheet = robot.lookup("#shortcut-sheet").queryAs(GridPane.class);
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (javafx.scene.Node n : sheet.getChildren()) {
            if (GridPane.getColumnIndex(n) == 0) {
                listed.addAll(List.of(((Label) n).getText().split(" / |, ")));
            }
        }

        List<String> missing = keys.stream().filter(k -> !listed.contains(k)).toList();
        assertEquals(List.of(), missing, "keys in the menus but not on the sheet");
        robot.clickOn("Close");
    }
}
