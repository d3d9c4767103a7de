package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.tour.GuidedTour;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The guided tour: offered once, walked with keys and buttons around each control it names, closed, not offered again. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class TourUiTest {
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
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** The ring lies round the step's control: each edge within a few pixels of the control's padded bounds. */
    private void assertRingAround(FxRobot robot, String selector) {
        WaitForAsyncUtils.waitForFxEvents();
        Node target = robot.lookup("#main-window").query().lookup(selector);
        Rectangle ring = robot.lookup("#tour-highlight").queryAs(Rectangle.class);
        assertTrue(ring.isVisible(), selector);
        Bounds t = target.localToScene(target.getBoundsInLocal());
        Bounds r = ring.localToScene(ring.getBoundsInLocal());
        assertTrue(r.getMinX() <= t.getMinX() + 1 && r.getMinY() <= t.getMinY() + 1 && r.getMaxX() >= Math.min(
                t.getMaxX(), stage.getScene().getWidth() - 4) - 1, selector + ": ring " + r + " target " + t);
        assertTrue(r.getMaxX() - r.getMinX() <= t.getWidth() + 20 && r.getMaxY() - r.getMinY() <= t.getHeight() + 20,
                selector + ": ring " + r + " target " + t);
        // The note stays on the window and does not cover the control it talks about.
        // Layout bounds: the note's drop shadow may reach past the window's edge.
        Node note = robot.lookup("#tour-note").query();
        Bounds n = note.localToScene(note.getLayoutBounds());
        assertTrue(n.getMinX() >= 0 && n.getMaxX() <= stage.getScene().getWidth() && n.getMinY() >= 0
                && n.getMaxY() <= stage.getScene().getHeight(), "note " + n);
        if (t.getWidth() < stage.getScene().getWidth() / 2) {
            assertFalse(n.intersects(t), selector + ": note " + n + " covers " + t);
        }
    }

    @Test
    void offeredOnceWalkedThroughWithKeysAndButtonsThenNotOfferedAgain(FxRobot robot) {
        Node root = stage.getScene().getRoot();
        robot.interact(() -> app.window.offerTourOnce());
        assertTrue(Files.exists(dir.resolve(".netwright").resolve("tour-seen")));
        assertEquals("Step 1 of 6", robot.lookup("#tour-counter").queryAs(Label.class).getText());
        assertRingAround(robot, "#palette");
        // The rest of the window is dimmed: the shade covers the window but not the palette.
        javafx.scene.shape.Shape dim = robot.lookup("#tour-dim").queryAs(javafx.scene.shape.Shape.class);
        Bounds d = dim.localToScene(dim.getBoundsInLocal());
        assertTrue(d.getWidth() >= stage.getScene().getWidth() - 1 && d.getHeight() >= stage.getScene().getHeight() - 1,
                "shade " + d);
        Node palette = robot.lookup("#palette").query();
        Bounds p = palette.localToScene(palette.getBoundsInLocal());
        assertFalse(dim.contains(dim.sceneToLocal(p.getCenterX(), p.getCenterY())), "the palette is not shaded");
        assertTrue(dim.contains(dim.sceneToLocal(stage.getScene().getWidth() - 20, 300)), "the inspector is shaded");

        // Right arrow and Enter go on; Left and the Back button go back.
        robot.type(KeyCode.RIGHT);
        assertEquals("2. The network", robot.lookup("#tour-title").queryAs(Label.class).getText());
        assertRingAround(robot, "#levels-view");
        robot.type(KeyCode.ENTER);
        assertRingAround(robot, "#inspector");
        robot.type(KeyCode.LEFT);
        assertEquals("Step 2 of 6", robot.lookup("#tour-counter").queryAs(Label.class).getText());
        robot.clickOn("#tour-next");
        robot.clickOn("#tour-next");
        assertRingAround(robot, "#data-row");
        robot.clickOn("#tour-back");
        assertRingAround(robot, "#inspector");
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        assertRingAround(robot, "#train-button");
        robot.type(KeyCode.RIGHT);
        assertRingAround(robot, "#loss-chart");
        assertEquals("Finish", robot.lookup("#tour-next").queryAs(javafx.scene.control.Button.class).getText());
        assertEquals(GuidedTour.STEPS.size(), app.window.tour().step() + 1);
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(app.window.tour().isOpen());
        assertTrue(robot.lookup("#tour-note").tryQuery().isEmpty());
        assertEquals(1, ((javafx.scene.Parent) root).getChildrenUnmodifiable().size(), "the tour's layer is gone");
        // The window works as before: the canvas shows the network.
        assertTrue(robot.lookup("#node-dense_1").tryQuery().isPresent());

        // Not offered again, on this launch or the next.
        robot.interact(() -> app.window.offerTourOnce());
        assertTrue(robot.lookup("#tour-note").tryQuery().isEmpty());

        // Help > Tour starts it any time; Esc closes it.
        robot.clickOn("Help").clickOn("#menu-tour");
        assertEquals("Step 1 of 6", robot.lookup("#tour-counter").queryAs(Label.class).getText());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#tour-note").tryQuery().isEmpty());
        robot.clickOn("Help").clickOn("#menu-tour");
        robot.clickOn("#tour-close");
        assertEquals(1, ((javafx.scene.Parent) root).getChildrenUnmodifiable().size());
    }

    /**
     * Opening the gallery mid-tour: the tour no longer shows half-seen behind it; it comes back at its step when the
     * gallery is cancelled, and over the new project when a template is opened from it.
     */
    @Test
    void theTourWaitsWhileTheGalleryIsOpenAndComesBackAtItsStep(FxRobot robot) {
        robot.interact(() -> app.window.startTour());
        robot.type(KeyCode.RIGHT);
        assertEquals("Step 2 of 6", robot.lookup("#tour-counter").queryAs(Label.class).getText());
        Node layer = robot.lookup("#tour-layer").query();

        robot.clickOn("File").clickOn("#menu-new");
        AppWindowFixture.waitUntil("the gallery", 20, () -> robot.lookup("#template-lenet5").tryQuery().isPresent());
        assertFalse(layer.isVisible(), "the tour is not shown behind the gallery");
        assertTrue(app.window.tour().isOpen() && app.window.tour().isAside());
        robot.type(KeyCode.ESCAPE);
        AppWindowFixture.waitUntil("the gallery to close", 10,
                () -> robot.lookup("#template-lenet5").tryQuery().isEmpty());
        assertTrue(layer.isVisible(), "back after the gallery is cancelled");
        assertEquals("Step 2 of 6", robot.lookup("#tour-counter").queryAs(Label.class).getText());
        assertRingAround(robot, "#levels-view");

        robot.clickOn("File").clickOn("#menu-new");
        AppWindowFixture.waitUntil("the gallery", 20, () -> robot.lookup("#template-lenet5").tryQuery().isPresent());
        assertFalse(layer.isVisible());
        robot.clickOn("#template-lenet5").clickOn("Open");
        AppWindowFixture.waitUntil("LeNet-5 to open", 20,
                () -> robot.lookup("#node-conv2d_1").tryQuery().isPresent());
        assertTrue(layer.isVisible(), "back over the new project");
        assertFalse(app.window.tour().isAside());
        assertEquals("Step 2 of 6", robot.lookup("#tour-counter").queryAs(Label.class).getText());
        assertRingAround(robot, "#levels-view");
        // Its keys work again.
        robot.type(KeyCode.RIGHT);
        assertEquals("Step 3 of 6", robot.lookup("#tour-counter").queryAs(Label.class).getText());
        robot.type(KeyCode.ESCAPE);
    }
}
