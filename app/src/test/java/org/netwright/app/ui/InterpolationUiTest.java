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
    }

    /** image 12×12 -> dense 32 -> tanh -> mean and log-variance (2 each) -> sampling -> dense 144 -> sigmoid -> 12×12. */
    private static final String IMAGE_VAE = "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":["
            + "{\"id\":\"image\",\"type\":\"image_input\",\"x\":0,\"y\":0,\"params\":{\"channels\":1,\"height\":12,"
            + "\"width\":12}},"
            + "{\"id\":\"flat\",\"type\":\"flatten\",\"x\":0,\"y\":0,\"params\":{}},"
            + "{\"id\":\"enc\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":32}},"
            + "{\"id\":\"enc_act\",\"type\":\"tanh\",\"x\":0,\"y\":0,\"params\":{}},"
            + "{\"id\":\"mu\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":2}},"
            + "{\"id\":\"log_var\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":2}},"
            + "{\"id\":\"sampling\",\"type\":\"sampling\",\"x\":0,\"y\":0,\"params\":{}},"
            + "{\"id\":\"dec\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":144}},"
            + "{\"id\":\"dec_act\",\"type\":\"sigmoid\",\"x\":0,\"y\":0,\"params\":{}},"
            + "{\"id\":\"shape\",\"type\":\"reshape\",\"x\":0,\"y\":0,\"params\":{\"target\":\"1,12,12\"}}],"
            + "\"edges\":[{\"from\":\"image.out\",\"to\":\"flat.in\"},{\"from\":\"flat.out\",\"to\":\"enc.in\"},"
            + "{\"from\":\"enc.out\",\"to\":\"enc_act.in\"},{\"from\":\"enc_act.out\",\"to\":\"mu.in\"},"
            + "{\"from\":\"enc_act.out\",\"to\":\"log_var.in\"},{\"from\":\"mu.out\",\"to\":\"sampling.mu\"},"
            + "{\"from\":\"log_var.out\",\"to\":\"sampling.log_var\"},{\"from\":\"sampling.out\",\"to\":\"dec.in\"},"
            + "{\"from\":\"dec.out\",\"to\":\"dec_act.in\"},{\"from\":\"dec_act.out\",\"to\":\"shape.in\"}]}";

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
        Path project = train("image-vae", graph.toString(), "--data", "gen:segment_digits:samples=200,size=12",
                "--epochs", "2");
        InsightViewModel model = open(robot, project, "tab-interpolation");
        robot.clickOn("#interpolation-samples-button");
        idle(robot, model, "the test samples");
        FlowPane choices = robot.lookup("#interpolation-choices").queryAs(FlowPane.class);
        assertEquals(InsightViewModel.INTERPOLATION_CHOICES, choices.getChildren().size(), status(robot));
        robot.clickOn("#interpolation-choice-2");
        robot.clickOn("#interpolation-choice-5");
        assertEquals(2, model.interpolationFromProperty().get());
        assertEquals(5, model.interpolationToProperty().get());
        assertTrue(choices.lookup("#interpolation-choice-2").getStyle().contains("#1a73e8"), "the first end framed");
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
        // The first and last images differ: the walk goes somewhere.
        float[] v = model.interpolationProperty().get().values();
        double apart = 0;
        for (int i = 0; i < 144; i++) {
            apart += Math.abs(v[i] - v[5 * 144 + i]);
        }
        assertTrue(apart > 1e-3, "the two ends decode alike");
        assertTrue(robot.lookup("#interpolation-caption").queryAs(Label.class).getText()
                .contains("test samples 2 and 5"));
        screenshot(robot, "insight-interpolation.png");

        // The run kept its layers' output statistics: the Gradients tab lists them beside the norms.
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#insight-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getId().equals("tab-gradients"))
                    .findFirst().orElseThrow());
        });
        robot.clickOn("#gradients-button");
        AppWindowFixture.waitUntil("the stored statistics", 60, () -> !model.busyProperty().get()
                && model.trainingActivationsProperty().get() != null);
        assertEquals(java.util.List.of(1, 2), java.util.List.copyOf(model.trainingActivationsProperty().get()
                .byEpoch().keySet()));
        TableView<?> table = robot.lookup("#training-activations-table").queryAs(TableView.class);
        assertEquals(model.trainingActivationsProperty().get().byEpoch().get(2).size(), table.getItems().size());
        assertTrue(table.getItems().size() >= 5, "a row per layer: " + table.getItems());
        assertTrue(robot.lookup("#training-activations-caption").queryAs(Label.class).getText()
                .contains("after epoch 2"));
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

    /** Saves the window's content when {@code netwright.screenshots} names a folder. */
    private void screenshot(FxRobot robot, String name) throws IOException {
        String to = System.getProperty("netwright.screenshots");
        if (to == null) {
            return;
        }
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        Files.createDirectories(Path.of(to));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", Path.of(to, name).toFile());
    }
}
