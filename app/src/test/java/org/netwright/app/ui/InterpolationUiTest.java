package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.insight.InsightView;
import org.netwright.app.insight.InsightViewModel;
import org.netwright.runner.cli.Cli;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The insight window's Interpolation tab on tiny trained VAEs: two test samples picked by clicking, the decoder's walk
 * between them drawn as a strip of images (a VAE on 12×12 digits) or a path on a plot with its table (the vae template
 * on two moons); and the Gradients tab listing the layer output statistics the run kept. With
 * {@code -Dnetwright.screenshots=DIR} the two tabs are saved as PNG pictures.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class InterpolationUiTest {
    @TempDir
    static Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The app's own look (AtlantaFX), in which its controls are sized and its pictures taken.
        org.netwright.app.theme.Themes.apply(org.netwright.app.theme.Theme.LIGHT);
    }

    /**
     * image 12×12 -> dense 128 -> relu -> mean and log-variance (8 each) -> sampling -> dense 128 -> relu -> dense 144
     * -> sigmoid -> 12×12: big enough to rebuild the digits, so a walk between two of them changes visibly.
     */
    private static final String IMAGE_VAE = "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":["
            + "{\"id\":\"image\",\"type\":\"image_input\",\"x\":0,\"y\":0,\"params\":{\"channels\":1,\"height\":12,"
            + "\"width\":12}},"
            + "{\"id\":\"flat\",\"type\":\"flatten\",\"x\":0,\"y\":0,\"params\":{}},"
            + "{\"id\":\"enc\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":128}},"
            + "{\"id\":\"enc_act\",\"type\":\"relu\",\"x\":0,\"y\":0,\"params\":{}},"
            + "{\"id\":\"mu\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":8}},"
            + "{\"id\":\"log_var\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":8}},"
            + "{\"id\":\"sampling\",\"type\":\"sampling\",\"x\":0,\"y\":0,\"params\":{}},"
            + "{\"id\":\"dec_hidden\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":128}},"
            + "{\"id\":\"dec_hidden_act\",\"type\":\"relu\",\"x\":0,\"y\":0,\"params\":{}},"
            + "{\"id\":\"dec\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":144}},"
            + "{\"id\":\"dec_act\",\"type\":\"sigmoid\",\"x\":0,\"y\":0,\"params\":{}},"
            + "{\"id\":\"shape\",\"type\":\"reshape\",\"x\":0,\"y\":0,\"params\":{\"target\":\"1,12,12\"}}],"
            + "\"edges\":[{\"from\":\"image.out\",\"to\":\"flat.in\"},{\"from\":\"flat.out\",\"to\":\"enc.in\"},"
            + "{\"from\":\"enc.out\",\"to\":\"enc_act.in\"},{\"from\":\"enc_act.out\",\"to\":\"mu.in\"},"
            + "{\"from\":\"enc_act.out\",\"to\":\"log_var.in\"},{\"from\":\"mu.out\",\"to\":\"sampling.mu\"},"
            + "{\"from\":\"log_var.out\",\"to\":\"sampling.log_var\"},"
            + "{\"from\":\"sampling.out\",\"to\":\"dec_hidden.in\"},"
            + "{\"from\":\"dec_hidden.out\",\"to\":\"dec_hidden_act.in\"},"
            + "{\"from\":\"dec_hidden_act.out\",\"to\":\"dec.in\"},"
            + "{\"from\":\"dec.out\",\"to\":\"dec_act.in\"},{\"from\":\"dec_act.out\",\"to\":\"shape.in\"}]}";

    /**
     * The VAE's task with a light KL term (0.001 of the pixels' mean squared error): at the default weight of 1 the
     * latent collapses and every point of a walk decodes to the same blur.
     */
    private static final String IMAGE_VAE_TASK = "{\"recipe\":\"vae\",\"inputs\":[{\"node\":\"image\","
            + "\"field\":\"image\"}],\"objectives\":[{\"output\":\"shape\",\"loss\":\"mse\",\"target\":\"image\","
            + "\"weight\":1.0}],\"metrics\":[\"mae\"],\"options\":{\"kl_weight\":\"0.001\"}}";

    private static Path train(String name, String... args) {
        Path project = dir.resolve(name + ".nwproj");
        String[] all = new String[args.length + 3];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--save";
        all[args.length + 2] = project.toString();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(all, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, status, err.toString());
        return project;
    }

    private InsightViewModel open(FxRobot robot, Path project, String tab) {
        InsightViewModel model = InsightViewModel.forApp(project, null);
        robot.interact(() -> {
            stage.setScene(new Scene(new InsightView(model), 1100, 720));
            stage.show();
        });
        // As the window opens it: the run read, only its views shown, the first of them filled.
        robot.interact(model::open);
        idle(robot, model, "the window's first views");
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#insight-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getId().equals(tab)).findFirst()
                    .orElseThrow());
        });
        return model;
    }

    private static void idle(FxRobot robot, InsightViewModel model, String what) {
        AppWindowFixture.waitUntil(what, 180, () -> !model.busyProperty().get());
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#insight-status").queryAs(Label.class).getText();
    }

    @Test
    void anImageVaeWalksBetweenTwoClickedSamplesAsAStripAndListsItsKeptActivations(FxRobot robot)
            throws IOException {
        Path graph = dir.resolve("image-vae.json");
        Files.writeString(graph, IMAGE_VAE);
        Path task = dir.resolve("image-vae-task.json");
        Files.writeString(task, IMAGE_VAE_TASK);
        // Long enough (40 epochs of 1,000 digits, about 15 s) that the walk shows one digit turning into another.
        Path project = train("image-vae", graph.toString(), "--data", "gen:segment_digits:samples=1000,size=12",
                "--task", task.toString(), "--epochs", "40", "--lr", "0.003");
        InsightViewModel model = open(robot, project, "tab-interpolation");
        robot.clickOn("#interpolation-samples-button");
        idle(robot, model, "the test samples");
        FlowPane choices = robot.lookup("#interpolation-choices").queryAs(FlowPane.class);
        assertEquals(InsightViewModel.INTERPOLATION_CHOICES, choices.getChildren().size(), status(robot));
        // Test samples 6 and 15 of this data are a 1 and a 0: the walk between them shows the change plainly.
        robot.clickOn("#interpolation-choice-6");
        robot.clickOn("#interpolation-choice-15");
        assertEquals(6, model.interpolationFromProperty().get());
        assertEquals(15, model.interpolationToProperty().get());
        assertTrue(choices.lookup("#interpolation-choice-6").getStyle().contains("#1a73e8"), "the first end framed");
        robot.interact(() -> model.interpolationStepsProperty().set(6));
        robot.clickOn("#interpolate-button");
        AppWindowFixture.waitUntil("the interpolation", 180, () -> !model.busyProperty().get()
                && model.interpolationProperty().get() != null);
        assertEquals(6, model.interpolationProperty().get().steps(), status(robot));
        assertEquals(6 * 144, model.interpolationProperty().get().values().length);
        Image strip = robot.lookup("#interpolation-strip").queryAs(ImageView.class).getImage();
        assertNotNull(strip, status(robot));
        assertTrue(strip.getWidth() > 5 * strip.getHeight(), "six images side by side: " + strip.getWidth() + "×"
                + strip.getHeight());
        // A clear change: the two ends differ by a tenth of the pixels' range on average, and the walk moves step by
        // step (no two neighbours decode alike), not all at once.
        float[] v = model.interpolationProperty().get().values();
        double apart = meanDifference(v, 0, 5);
        assertTrue(apart > 0.05, "the two ends decode nearly alike: " + apart);
        for (int k = 0; k < 5; k++) {
            double step = meanDifference(v, k, k + 1);
            assertTrue(step > 0.002 && step < 0.8 * apart, "step " + k + " changes " + step + " of " + apart);
        }
        assertTrue(robot.lookup("#interpolation-caption").queryAs(Label.class).getText()
                .contains("test samples 6 and 15"));
        screenshot(robot, "insight-interpolation.png");

        // The run kept its layers' output statistics: the Gradients tab lists them beside the norms.
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#insight-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getId().equals("tab-gradients"))
                    .findFirst().orElseThrow());
        });
        // The window read the norms as it opened; reading them again keeps the table and its words current.
        TableView<?> before = robot.lookup("#training-activations-table").queryAs(TableView.class);
        robot.clickOn("#gradients-button");
        AppWindowFixture.waitUntil("the stored statistics", 60, () -> !model.busyProperty().get()
                && model.trainingActivationsProperty().get() != null);
        assertEquals(40, model.trainingActivationsProperty().get().byEpoch().size());
        assertEquals(40, model.trainingActivationsProperty().get().byEpoch().lastKey());
        // The epoch chooser shows "40" clear of its arrow; the table's placeholder no longer asks to read the norms.
        AppWindowFixture.assertTextClearOfArrow(robot.lookup("#training-activations-epoch")
                .queryAs(javafx.scene.control.ComboBox.class));
        assertEquals("Choose an epoch.", ((Label) before.getPlaceholder()).getText(),
                "no longer asks to read the norms");
        TableView<?> table = robot.lookup("#training-activations-table").queryAs(TableView.class);
        assertEquals(model.trainingActivationsProperty().get().byEpoch().get(40).size(), table.getItems().size());
        assertTrue(table.getItems().size() >= 5, "a row per layer: " + table.getItems());
        assertTrue(robot.lookup("#training-activations-caption").queryAs(Label.class).getText()
                .contains("after epoch 40"));
        screenshot(robot, "insight-gradients-activations.png");
    }

    @Test
    void aVaeOnPointsDrawsItsWalkAsAPathWithATable(FxRobot robot) {
        Path project = train("points-vae", "--template", "vae", "--epochs", "2");
        InsightViewModel model = open(robot, project, "tab-interpolation");
        robot.interact(() -> {
            model.interpolationFromProperty().set(1);
            model.interpolationToProperty().set(4);
            model.interpolationStepsProperty().set(7);
        });
        robot.clickOn("#interpolate-button");
        AppWindowFixture.waitUntil("the interpolation", 180, () -> !model.busyProperty().get()
                && model.interpolationProperty().get() != null);
        ChartViewer chart = robot.lookup("#interpolation-chart").queryAs(ChartViewer.class);
        var data = chart.getChart().getXYPlot().getDataset();
        assertEquals(7, data.getItemCount(0), "the path's seven points");
        assertEquals(data.getXValue(0, 0), data.getXValue(1, 0), "sample 1's point is the path's start");
        assertEquals(data.getYValue(0, 6), data.getYValue(2, 0), "sample 4's point is the path's end");
        GridPane table = robot.lookup("#interpolation-table").queryAs(GridPane.class);
        assertEquals((7 + 1) * 3, table.getChildren().size(), "a header and seven rows of point, value 0, value 1");
        assertTrue(robot.lookup("#interpolation-strip").queryAs(ImageView.class).getImage() == null);
    }

    /** The mean absolute difference between images {@code a} and {@code b} (12×12 each) of a walk. */
    private static double meanDifference(float[] values, int a, int b) {
        double sum = 0;
        for (int i = 0; i < 144; i++) {
            sum += Math.abs(values[a * 144 + i] - values[b * 144 + i]);
        }
        return sum / 144;
    }

    /** Saves the window's content at 1600x1000 when {@code netwright.screenshots} names a folder. */
    private void screenshot(FxRobot robot, String name) throws IOException {
        AppWindowFixture.screenshot(robot, stage, name);
    }
}
