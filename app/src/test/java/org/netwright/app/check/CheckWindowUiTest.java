package org.netwright.app.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.exchange.CliJob;
import org.netwright.app.training.SettingsForm;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.cli.Cli;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The two quick checks' windows on a two-moons project, each check run by the CLI in a child JVM: the overfit verdict
 * with its curve, and the range test's curve on a log axis with the suggested rate marked and set by "Use this rate".
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class CheckWindowUiTest {
    @TempDir
    static Path dir;
    static Path project;
    SettingsForm form;
    CheckWindow overfit;
    CheckWindow rate;

    @BeforeAll
    static void makeProject() {
        project = dir.resolve("moons.nwproj");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"train", "--template", "two-moons-mlp", "--epochs", "1", "--save",
                project.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, status, err.toString());
    }

    @Start
    void start(Stage stage) {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            form = new SettingsForm(store.loadSettings().orElseThrow(), s -> { });
        }
        overfit = new CheckWindow(stage, java.util.List.of(), new CheckViewModel(CheckViewModel.Kind.OVERFIT,
                () -> project, () -> { }, CliJob::start, Platform::runLater, form::setLearningRate));
        rate = new CheckWindow(stage, java.util.List.of(), new CheckViewModel(CheckViewModel.Kind.RATE,
                () -> project, () -> { }, CliJob::start, Platform::runLater, form::setLearningRate));
    }

    @Test
    void theOverfitCheckShowsItsVerdictAndCurve(FxRobot robot) throws Exception {
        robot.interact(() -> overfit.open());
        Label message = robot.lookup("#check-message").match(n -> n.getScene().getWindow() == overfit)
                .queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> message.getText().startsWith("Healthy")
                || message.getText().startsWith("Not healthy") || message.getStyleClass().contains("error"));
        assertTrue(message.getText().startsWith("Healthy: the network memorised one batch of 32 items"),
                message.getText());
        XYPlot plot = overfit.chart().getXYPlot();
        assertEquals(200, plot.getDataset().getItemCount(0));
    }

    @Test
    void theRangeTestMarksItsSuggestionAndUsesIt(FxRobot robot) throws Exception {
        robot.interact(() -> rate.open());
        Label message = robot.lookup("#check-message").match(n -> n.getScene().getWindow() == rate)
                .queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> message.getText().startsWith("Suggested")
                || message.getStyleClass().contains("error") || message.getText().startsWith("The loss never"));
        assertTrue(message.getText().startsWith("Suggested learning rate"), message.getText());
        XYPlot plot = rate.chart().getXYPlot();
        assertTrue(plot.getDomainAxis() instanceof LogAxis);
        assertTrue(plot.getDataset().getItemCount(0) > 20, "points " + plot.getDataset().getItemCount(0));
        ValueMarker marker = (ValueMarker) plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        Button use = robot.lookup("#use-rate-button").queryAs(Button.class);
        assertFalse(use.isDisabled());
        robot.clickOn(use);
        WaitForAsyncUtils.waitForFxEvents();
        double expected = Double.parseDouble(CheckViewModel.rateText(marker.getValue()));
        assertEquals(expected, form.settings().learningRate(), 1e-12);
        assertTrue(message.getText().startsWith("The learning rate is now"), message.getText());
    }

    /**
     * The live child processes of this JVM (the other checks here have ended theirs; a child's long class path can
     * keep its arguments from being read, so they are not matched).
     */
    private static long children() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count();
    }

    @Test
    void cancelAndClosingTheWindowEndTheCheckInItsChild(FxRobot robot) throws Exception {
        CheckWindow[] made = new CheckWindow[1];
        robot.interact(() -> made[0] = new CheckWindow(null, java.util.List.of(), new CheckViewModel(
                CheckViewModel.Kind.RATE, () -> project, () -> { }, CliJob::start, Platform::runLater,
                form::setLearningRate)));
        CheckWindow window = made[0];
        robot.interact(window::open);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> children() >= 1);
        Button cancel = robot.lookup("#check-cancel").match(n -> n.getScene().getWindow() == window)
                .queryAs(Button.class);
        assertFalse(cancel.isDisabled());
        robot.clickOn(cancel);
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#check-message").match(n -> n.getScene().getWindow() == window)
                .queryAs(Label.class);
        assertEquals("Cancelled.", message.getText());
        assertTrue(cancel.isDisabled());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> children() == 0);

        robot.clickOn(robot.lookup("#check-again").match(n -> n.getScene().getWindow() == window)
                .queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> children() >= 1);
        robot.interact(window::close);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> children() == 0);
        assertEquals("Cancelled.", message.getText());
    }
}
