package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.dataimport.ImportDataWindow;
import org.netwright.app.dataimport.SourceHash;
import org.netwright.app.training.RunStarter;
import org.netwright.app.training.TestData;
import org.netwright.model.graph.Graph;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Import Data… on iris: the preview's rows and the class counts show, Use this data saves it, and Fit the
 * network to the data changes the network in one undoable step after which the data check passes.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ImportDataUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private final Graph before = TestData.mlp(2, 2);

    @Start
    void start(Stage stage) {
        app = AppWindowFixture.open(stage, dir, before, TemplateLibrary.find("two-moons-mlp").orElseThrow().settings(),
                RunStarter.childJvm());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void irisIsPreviewedUsedAndTheNetworkFittedInOneUndoableStep(FxRobot robot) throws Exception {
        Path iris = TestData.shared("tabular/iris.csv");
        robot.clickOn("File").clickOn("#menu-import-data");
        AppWindowFixture.waitUntil("the Import Data window", 10, () -> window() != null);
        ImportDataWindow window = window();
        WaitForAsyncUtils.asyncFx(() -> {
            window.setX(60);
            window.setY(20);
            window.chooseFilesWith(owner -> iris);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#import-choose-file");
        AppWindowFixture.waitUntil("the preview", 20, () -> robot.lookup("#import-table").tryQuery().isPresent());

        assertEquals("Classes: setosa 50, versicolor 50, virginica 50", text(robot, "#import-classes"));
        assertTrue(text(robot, "#import-kind").startsWith("Detected: table (classification) — 150 samples"),
                text(robot, "#import-kind"));
        assertTrue(robot.lookup("#import-imbalance").tryQuery().isEmpty(), "iris is balanced");
        assertTrue(robot.lookup(".import-cell").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("5.1")), "the first row is shown");
        assertTrue(robot.lookup("(label)").tryQuery().isPresent() || robot.lookup(".label").queryAllAs(Label.class)
                .stream().anyMatch(l -> l.getText().endsWith("(label)")), "the label column is marked");
        assertFalse(text(robot, "#import-problem").isEmpty(), "two inputs cannot take four features");

        robot.clickOn("#import-use");
        AppWindowFixture.waitUntil("the data saved", 10, () -> iris.toString().equals(
                app.window.trainingPanel().dataRow().model().settings().data().options().get("path")));
        assertEquals(SourceHash.of(iris), app.window.trainingPanel().dataRow().model().settings().data().options()
                .get(SourceHash.OPTION));

        robot.clickOn("#import-fit");
        try {
            AppWindowFixture.waitUntil("the network fitted and checked", 20,
                    () -> text(robot, "#import-problem").isEmpty()
                            && app.window.trainingPanel().dataRow().model().errorProperty().get().isEmpty()
                            && !app.workspace.session().editor().graph().equals(before));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": import said '" + text(robot, "#import-message")
                    + "', problem '" + text(robot, "#import-problem") + "', the Data row '"
                    + app.window.trainingPanel().dataRow().model().errorProperty().get() + "'", e);
        }
        assertFalse(text(robot, "#import-message").isEmpty(), "the fit says what it changed");
        assertEquals(4, app.workspace.session().editor().graph().node("input").orElseThrow().params().get("features"));
        Button train = robot.lookup("#train-button").queryButton();
        AppWindowFixture.waitUntil("Train enabled", 10, () -> !train.isDisabled());

        String shot = System.getProperty("netwright.screenshot");
        if (shot != null) {
            WaitForAsyncUtils.waitForFxEvents();
            var image = WaitForAsyncUtils.asyncFx(() -> window.getScene().snapshot(null)).get();
            Files.createDirectories(Path.of(shot).toAbsolutePath().getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", Path.of(shot).toFile());
        }

        WaitForAsyncUtils.asyncFx(() -> app.workspace.session().editor().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, app.workspace.session().editor().graph(), "one undo takes the whole fit back");
        assertFalse(app.workspace.session().editor().canUndoProperty().get());
    }

    @Test
    void imagesShowAsAGridAndASeriesAsAPlotWithItsWindow(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("#menu-import-data");
        AppWindowFixture.waitUntil("the Import Data window", 10, () -> window() != null);
        ImportDataWindow window = window();
        WaitForAsyncUtils.asyncFx(() -> {
            window.setX(60);
            window.setY(20);
            window.chooseFilesWith(owner -> TestData.shared("digits/train-images-idx3-ubyte"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#import-choose-file");
        AppWindowFixture.waitUntil("the image grid", 20, () -> robot.lookup("#import-images").tryQuery().isPresent());
        shot(window, "images");
        robot.clickOn("#import-augment").write("flip,crop=3,rotate=15");
        robot.clickOn("#import-reload");
        AppWindowFixture.waitUntil("the augmented copies", 20, () -> robot.lookup("#import-augmented").tryQuery()
                .map(n -> ((javafx.scene.layout.Pane) n).getChildren().size() == 8).orElse(false));
        shot(window, "augmented");

        WaitForAsyncUtils.asyncFx(() -> window.chooseFilesWith(owner -> TestData.shared("timeseries/airpassengers.csv")));
        robot.clickOn("#import-choose-file");
        AppWindowFixture.waitUntil("the table", 20, () -> robot.lookup("#import-target").tryQuery().isPresent());
        robot.clickOn("#import-target").clickOn("passengers");
        robot.clickOn("#import-reload");
        AppWindowFixture.waitUntil("the series plot", 20, () -> robot.lookup("#import-series").tryQuery().isPresent());
        assertTrue(text(robot, "#import-kind").startsWith("Detected: timeseries"), text(robot, "#import-kind"));
        shot(window, "series");
    }

    /** Writes the window to {@code netwright.screenshot.more}/NAME.png when asked (to look at it, not for the README). */
    private static void shot(ImportDataWindow window, String name) throws Exception {
        String dir = System.getProperty("netwright.screenshot.more");
        if (dir != null) {
            WaitForAsyncUtils.waitForFxEvents();
            var image = WaitForAsyncUtils.asyncFx(() -> window.getScene().snapshot(null)).get();
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", Path.of(dir, name + ".png").toFile());
        }
    }

    private static ImportDataWindow window() {
        return Window.getWindows().stream().filter(w -> w instanceof ImportDataWindow)
                .map(w -> (ImportDataWindow) w).findFirst().orElse(null);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }
}
