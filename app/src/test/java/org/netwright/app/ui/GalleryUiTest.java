package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.project.TemplateLayouts;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File > New from Template shows the gallery; choosing LeNet-5 opens it, laid out, as a new unsaved project. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class GalleryUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The app's own styling, whose dialog width cap once squeezed the gallery into one column.
        org.netwright.app.theme.Themes.apply(org.netwright.app.theme.Theme.LIGHT);
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings(), (p, s, e) -> {
            throw new AssertionError("no training in this test");
        });
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void choosingATemplateOpensItAsAnUnsavedLaidOutProject(FxRobot robot) {
        robot.clickOn("File").clickOn("#menu-new");
        AppWindowFixture.waitUntil("the gallery", 20, () -> robot.lookup("#template-lenet5").tryQuery().isPresent());
        javafx.scene.layout.Region tiles = robot.lookup("#gallery-tiles").queryAs(javafx.scene.layout.Region.class);
        assertTrue(tiles.getWidth() >= 3 * 300, "three cards side by side, not one narrow column: " + tiles.getWidth());
        robot.clickOn("#gallery-family").clickOn("CNN");
        robot.clickOn("#template-lenet5");
        robot.clickOn("Open");
        AppWindowFixture.waitUntil("LeNet-5 to open", 20,
                () -> app.workspace.session() != null && app.workspace.session().file().toString().contains("lenet5"));

        Template lenet = TemplateLibrary.find("lenet5").orElseThrow();
        assertTrue(app.workspace.isDraft(), "a template opens as a project not saved under a name yet");
        assertEquals(TemplateLayouts.laidOut(lenet), app.workspace.session().editor().graph());
        assertTrue(stage.getTitle().contains("LeNet-5") && stage.getTitle().contains("not saved yet"), stage.getTitle());
        assertTrue(robot.lookup("#node-conv2d_1").tryQuery().isPresent(), "the canvas shows the template's layers");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTaskListFollowsTheChosenFamily(FxRobot robot) {
        robot.clickOn("File").clickOn("#menu-new");
        AppWindowFixture.waitUntil("the gallery", 20, () -> robot.lookup("#template-lenet5").tryQuery().isPresent());
        javafx.scene.control.ComboBox<String> task = robot.lookup("#gallery-task")
                .queryAs(javafx.scene.control.ComboBox.class);
        robot.clickOn("#gallery-task").clickOn("Classification");
        assertTrue(robot.lookup("#template-lenet5").tryQuery().isPresent(), "LeNet-5 classifies");
        robot.clickOn("#gallery-family").clickOn("GAN");
        assertEquals("All", task.getValue(), "GAN templates do not classify: the task goes back to All");
        assertEquals(List.of("All", "Generation"), List.copyOf(task.getItems()));
        assertTrue(robot.lookup("#template-dcgan").tryQuery().isPresent(), "the GAN templates are shown");
        assertTrue(robot.lookup("#template-lenet5").tryQuery().isEmpty(), "a CNN classifier is not");
        robot.clickOn("#gallery-task");
        assertTrue(robot.lookup(".list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("Classification"))
                .tryQuery().isEmpty(), "the open task list offers no task a GAN template lacks");
        robot.clickOn("Generation");
        assertEquals("Generation", task.getValue());
        robot.clickOn("#gallery-family").clickOn("VAE");
        assertEquals("Generation", task.getValue(), "a VAE generates too: the chosen task stays");
        assertTrue(robot.lookup("#template-vae").tryQuery().isPresent());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void oneWheelNotchScrollsTheGalleryByHalfARowOfTiles(FxRobot robot) {
        robot.clickOn("File").clickOn("#menu-new");
        AppWindowFixture.waitUntil("the gallery", 20, () -> robot.lookup("#template-lenet5").tryQuery().isPresent());
        javafx.scene.control.ScrollPane scroll = robot.lookup("#gallery-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class);
        double range = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        assertTrue(range > 300, "the gallery is taller than its window: " + range);
        robot.moveTo(scroll);
        // One notch down, as a mouse wheel sends it (40 px, 40 px a notch); the plain scroll pane moved 40 px.
        robot.interact(() -> javafx.event.Event.fireEvent(scroll, new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false, false,
                0, -40, 0, -40, 40, 40, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.LINES, 1, 0, null)));
        double moved = scroll.getVvalue() * range;
        assertEquals(150, moved, 1, "pixels scrolled by one notch");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    /** The filter row keeps its place: picking a family with a long name once pushed the Task box sideways. */
    @Test
    @SuppressWarnings("unchecked")
    void theTaskBoxStaysPutWhateverFamilyIsChosen(FxRobot robot) {
        robot.clickOn("File").clickOn("#menu-new");
        AppWindowFixture.waitUntil("the gallery", 20, () -> robot.lookup("#template-lenet5").tryQuery().isPresent());
        javafx.scene.control.ComboBox<String> family = robot.lookup("#gallery-family")
                .queryAs(javafx.scene.control.ComboBox.class);
        javafx.scene.control.ComboBox<String> task = robot.lookup("#gallery-task")
                .queryAs(javafx.scene.control.ComboBox.class);
        double taskX = task.localToScene(0, 0).getX();
        double familyWidth = family.getWidth();
        double taskWidth = task.getWidth();
        String longest = family.getItems().stream().max(java.util.Comparator.comparingInt(String::length))
                .orElseThrow();
        assertTrue(longest.length() > "All".length(), longest);
        robot.clickOn("#gallery-family").clickOn(longest);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(longest, family.getValue());
        assertEquals(familyWidth, family.getWidth(), 0.5, "the Family box keeps its width with " + longest);
        assertEquals(taskX, task.localToScene(0, 0).getX(), 0.5, "the Task box stays where it was");
        assertEquals(taskWidth, task.getWidth(), 0.5, "the Task box keeps its width as its choices change");
        // The widest name fits its box whole (no ellipsis): the box is as wide as that name needs.
        javafx.scene.control.ListCell<?> shown = (javafx.scene.control.ListCell<?>) family.getButtonCell();
        javafx.scene.text.Text words = (javafx.scene.text.Text) shown.lookup(".text");
        assertEquals(longest, words.getText(), "the chosen family is shown whole");
        robot.interact(() -> family.setValue(org.netwright.app.gallery.GalleryViewModel.ALL));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(taskX, task.localToScene(0, 0).getX(), 0.5, "and back at All it stays too");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }
}
