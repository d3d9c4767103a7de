package org.netwright.app.ui;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.RunStarter;
import org.netwright.app.training.TestData;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Data row: a file or a generator is checked against the network, saved only when it fits, and kept on reopen. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class DataRowUiTest {
    private static final String IRIS = "Data: iris.csv (150 rows, 4 features, 3 classes)";
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private TrainingSettings settings;

    @Start
    void start(Stage stage) {
        // Like a reference architecture: no data of its own, so Train waits for the user's file.
        settings = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings()
                .withData(Template.userData("csv", "4 measurements in 3 classes"));
        app = AppWindowFixture.open(stage, dir, TestData.mlp(4, 3), settings, RunStarter.childJvm());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aFileThatFitsIsSavedAndEnablesTrainAndOneThatDoesNotIsRefused(FxRobot robot) {
        Button train = robot.lookup("#train-button").queryButton();
        assertEquals("Data: none yet — this network expects 4 measurements in 3 classes", summary(robot));
        assertTrue(train.isDisabled(), "no data yet");

        choose(robot, TestData.shared("tabular/iris.csv"));
        AppWindowFixture.waitUntil("the row shows iris", 10, () -> summary(robot).equals(IRIS));
        assertFalse(train.isDisabled(), robot.lookup("#train-blocker").queryAs(Label.class).getText());
        assertEquals("", error(robot));
        DataRecipe saved = savedData();
        assertEquals("csv", saved.kind());
        assertEquals(TestData.shared("tabular/iris.csv").toString(), saved.options().get("path"));

        // At the README's width the Run column has room to give, so a wider middle column would show.
        robot.interact(() -> robot.lookup("#data-row").query().getScene().getWindow().setWidth(1600));
        double generatorX = generatorX(robot);
        choose(robot, TestData.shared("digits/digits.csv"));
        AppWindowFixture.waitUntil("the refusal shows", 10, () -> !error(robot).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        // A refusal longer than the row is cut (whole in its tooltip); it does not widen the panel's middle column.
        assertEquals(generatorX, generatorX(robot), 0.5, "the Generator button stays where it was");
        assertEquals("Not switched to digits.csv: The data's samples are a vector of 64 but the input layer 'input'"
                + " expects a vector of 4. To fix it, click 'input' and set its Features to 64, or choose data with 4"
                + " numbers per sample. Runs still use iris.csv.",
                error(robot));
        assertEquals(IRIS, summary(robot), "the old data stays");
        assertEquals(saved, savedData(), "nothing saved");
        assertFalse(train.isDisabled());
    }

    @Test
    void aGeneratorIsPickedFromTheMenu(FxRobot robot) {
        reopenWith(TestData.mlp(2, 2));
        robot.clickOn("#data-generator");
        robot.clickOn("#data-generator-two_moons");
        AppWindowFixture.waitUntil("the row shows the generator", 10,
                () -> summary(robot).equals("Data: two moons generator (1000 samples)"));
        assertEquals(DataRecipe.generator("two_moons", java.util.Map.of()), savedData());
        assertFalse(robot.lookup("#train-button").queryButton().isDisabled());

        // The network changes so that two moons no longer fits: Train goes off and says why instead of failing a run.
        reopenWith(TestData.mlp(5, 2));
        AppWindowFixture.waitUntil("Train to go off", 10, () -> robot.lookup("#train-button").queryButton().isDisabled());
        assertEquals(org.netwright.app.training.TrainReadiness.DATA_DOES_NOT_FIT,
                robot.lookup("#train-blocker").queryAs(Label.class).getText());
    }

    @Test
    void reopeningTheProjectShowsTheChosenData(FxRobot robot) {
        choose(robot, TestData.shared("tabular/iris.csv"));
        AppWindowFixture.waitUntil("the row shows iris", 10, () -> summary(robot).equals(IRIS));

        WaitForAsyncUtils.asyncFx(() -> app.workspace.open(app.file));
        AppWindowFixture.waitUntil("the reopened row shows iris", 10, () -> summary(robot).equals(IRIS));
        assertEquals("", error(robot));
        assertFalse(robot.lookup("#train-button").queryButton().isDisabled());
    }

    private static double generatorX(FxRobot robot) {
        javafx.scene.Node g = robot.lookup("#data-generator").query();
        return g.localToScene(g.getBoundsInLocal()).getMinX();
    }

    /** Answers the file dialog with {@code file} (a native dialog cannot be driven headless) and clicks Choose file. */
    private void choose(FxRobot robot, Path file) {
        WaitForAsyncUtils.asyncFx(() -> app.window.trainingPanel().dataRow().chooseFilesWith(owner -> file));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#data-choose");
    }

    /** Replaces the project's graph on disk and opens it again, as a project built elsewhere would open. */
    private void reopenWith(Graph graph) {
        WaitForAsyncUtils.asyncFx(() -> {
            app.workspace.close();
            try (ProjectStore store = ProjectStore.open(app.file)) {
                store.saveGraph(graph, "test: another network");
            }
            app.workspace.open(app.file);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private DataRecipe savedData() {
        return app.workspace.session().settings().data();
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#data-summary").queryAs(Label.class).getText();
    }

    private static String error(FxRobot robot) {
        return robot.lookup("#data-error").queryAs(Label.class).getText();
    }
}
