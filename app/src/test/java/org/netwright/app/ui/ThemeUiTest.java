package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.theme.Theme;
import org.netwright.app.theme.ThemePreference;
import org.netwright.app.theme.Themes;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View > Theme > Dark darkens the window and windows opened after it, and is remembered; Light brings it back. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ThemeUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings(), (p, s, e) -> {
            throw new AssertionError("no training in this test");
        });
        app.window.addThemeMenu(ThemePreference.inHome(dir));
    }

    @AfterEach
    void close() {
        // The other tests expect the toolkit's own light look.
        robotInteract(() -> Themes.apply(Theme.LIGHT));
        javafx.application.Application.setUserAgentStylesheet(null);
        app.close();
    }

    private static void robotInteract(Runnable r) {
        WaitForAsyncUtils.asyncFx(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void darkIsAppliedToTheWindowAndLaterWindowsAndRemembered(FxRobot robot) {
        robot.clickOn("#menu-view").clickOn("#menu-theme").clickOn("#menu-theme-dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.getScene().getRoot().getStyleClass().contains(Themes.DARK_CLASS), "the window is not dark");
        assertEquals(Theme.DARK, ThemePreference.inHome(dir).load(), "the choice was not remembered");

        // A window opened afterwards (the Runs window) is dark too.
        robot.clickOn("Runs…");
        AppWindowFixture.waitUntil("the Runs window", 20, () -> robot.listTargetWindows().size() > 1);
        boolean allDark = robot.listTargetWindows().stream().filter(w -> w.getScene() != null)
                .allMatch(w -> w.getScene().getRoot().getStyleClass().contains(Themes.DARK_CLASS));
        assertTrue(allDark, "a window opened later is not dark");

        robotInteract(() -> Themes.apply(Theme.LIGHT));
        assertFalse(stage.getScene().getRoot().getStyleClass().contains(Themes.DARK_CLASS));
    }
}
