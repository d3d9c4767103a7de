package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.charts.ChartExport;
import org.netwright.app.insight.InsightView;
import org.netwright.app.insight.InsightViewModel;
import org.netwright.runner.cli.Cli;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Each view the insight window gained, opened on a tiny trained run and showing its data: the prediction panel on a
 * CNN, a regression's scatter and residuals, a conv layer's filters and feature maps, an attention head's map and
 * nearest tokens, an autoencoder's reconstructions and bottleneck. With {@code -Dnetwright.screenshots=DIR} the test
 * part and the layers tab are also saved as PNG pictures for the README.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class InsightPanelsUiTest {
    @TempDir
    static Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The app's own look (AtlantaFX), in which its controls are sized and its pictures taken.
        org.netwright.app.theme.Themes.apply(org.netwright.app.theme.Theme.LIGHT);
    }

    private static Path train(String name, String... args) {
        Path project = dir.resolve(name + ".nwproj");
        if (Files.exists(project)) {
            return project;
        }
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

    private InsightViewModel open(FxRobot robot, Path project) {
        InsightViewModel model = InsightViewModel.forApp(project, null);
        robot.interact(() -> {
            stage.setScene(new Scene(new InsightView(model), 1040, 680));
            stage.show();
        });
        // As the window opens it: the run read, only its views shown, the first of them filled.
        robot.interact(model::open);
        idle(model, "the window's first views");
        return model;
    }

    private static void idle(InsightViewModel model, String what) {
        AppWindowFixture.waitUntil(what, 180, () -> !model.busyProperty().get());
    }

    private static void select(FxRobot robot, String tab) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#insight-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getId().equals(tab)).findFirst()
                    .orElseThrow());
        });
    }

    @Test
    void aCnnPredictsAPickedFileAndShowsItsFiltersAndFeatureMaps(FxRobot robot) throws IOException {
        Path project = shapesCnn();
        // Opened as the window opens it: the run read, then its test part, first map, layers and gradient norms.
        InsightViewModel model = open(robot, project);
        AppWindowFixture.waitUntil("evaluation, map and layers", 180, () -> !model.busyProperty().get()
                && model.saliencyProperty().get() != null && !model.layersProperty().get().isEmpty());
        // Only the views a CNN classifier has; the others named, with their reasons in the tooltip.
        TabPane tabs = robot.lookup("#insight-tabs").queryAs(TabPane.class);
        assertEquals(java.util.List.of("tab-test", "tab-predict", "tab-layers", "tab-gradients", "tab-activations"),
                tabs.getTabs().stream().map(javafx.scene.control.Tab::getId).toList());
        assertEquals("tab-test", tabs.getSelectionModel().getSelectedItem().getId());
        Label notShown = robot.lookup("#insight-not-shown").queryAs(Label.class);
        assertEquals("Not for this run: Autoencoder, Generated, Interpolation (hover for why).", notShown.getText());
        assertTrue(notShown.getTooltip().getText().contains("Generated: Run 1's network draws no samples"),
                notShown.getTooltip().getText());
        // The test figures keep to one line in their column.
        Label figures = robot.lookup("#evaluation-summary").queryAs(Label.class);
        javafx.scene.text.Text line = new javafx.scene.text.Text("Run");
        line.setFont(figures.getFont());
        assertTrue(figures.getText().contains("accuracy") && figures.getHeight() < 1.5 * line.getLayoutBounds()
                .getHeight(), figures.getText() + " takes " + figures.getHeight() + " px, a line "
                + line.getLayoutBounds().getHeight());
        screenshot(robot, "insight.png");

        Path png = dir.resolve("square.png");
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 4; y < 12; y++) {
            for (int x = 4; x < 12; x++) {
                img.getRaster().setSample(x, y, 0, 230);
            }
        }
        ImageIO.write(img, "png", png.toFile());
        select(robot, "tab-predict");
        robot.interact(() -> model.predict(png));
        idle(model, "the prediction");
        assertNotNull(model.predictionProperty().get(), robot.lookup("#insight-status").queryAs(Label.class).getText());
        GridPane top = robot.lookup("#top-classes").queryAs(GridPane.class);
        assertEquals(3 * 3, top.getChildren().size(), "three classes, each a name, a bar and a percentage");
        String first = robot.lookup("#top-class-0").queryAs(Label.class).getText();
        assertTrue(first.equals("circle") || first.equals("square") || first.equals("triangle") || first.matches("\\d"),
                first);
        ImageView map = robot.lookup("#prediction-map").queryAs(ImageView.class);
        assertNotNull(map.getImage(), robot.lookup("#prediction-caption").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#prediction-caption").queryAs(Label.class).getText().contains("square.png"));

        select(robot, "tab-layers");
        // A CNN offers filters and feature maps, no attention and no nearest tokens; every name clear of its arrow.
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> views = robot.lookup("#layer-view-choice")
                .queryAs(javafx.scene.control.ComboBox.class);
        assertEquals(java.util.List.of("filters", "feature-maps"), views.getItems());
        assertFalse(robot.lookup("#neighbours-box").query().isVisible(), "no Nearest tokens for a CNN");
        AppWindowFixture.assertTextClearOfArrow(views);
        AppWindowFixture.assertTextClearOfArrow(robot.lookup("#layer-choice")
                .queryAs(javafx.scene.control.ComboBox.class));
        robot.clickOn("#show-layer-button");
        idle(model, "the filters");
        assertEquals("filters", model.mapsProperty().get().what());
        assertNotNull(robot.lookup("#layer-picture").queryAs(ImageView.class).getImage());
        robot.interact(() -> robot.lookup("#layer-view-choice").queryAs(javafx.scene.control.ComboBox.class)
                .setValue("feature-maps"));
        robot.clickOn("#show-layer-button");
        idle(model, "the feature maps");
        assertEquals("feature-maps", model.mapsProperty().get().what());
        assertEquals(3, model.mapsProperty().get().shape().length);
        assertNotNull(robot.lookup("#layer-picture").queryAs(ImageView.class).getImage());
        AppWindowFixture.assertTextClearOfArrow(views);
        screenshot(robot, "insight-layers.png");
    }

    @Test
    void aRegressionDrawsPredictedAgainstTrueAndItsResiduals(FxRobot robot) {
        Path project = train("regression", "--template", "regression-mlp", "--epochs", "2");
        InsightViewModel model = open(robot, project);
        AppWindowFixture.waitUntil("the evaluation", 180, () -> !model.busyProperty().get()
                && model.evaluationProperty().get() != null);
        ChartViewer scatter = robot.lookup("#scatter-chart").queryAs(ChartViewer.class);
        int points = scatter.getChart().getXYPlot().getDataset().getItemCount(0);
        assertEquals(model.evaluationProperty().get().values().truth().length, points);
        assertTrue(points > 0);
        ChartViewer residuals = robot.lookup("#residual-chart").queryAs(ChartViewer.class);
        assertEquals(points, residuals.getChart().getXYPlot().getDataset().getItemCount(0));
        String csv = ChartExport.csv(scatter.getChart());
        assertEquals(points + 2 + 1, csv.lines().count(), "a header, every point and the diagonal's two ends");
        assertTrue(scatter.getContextMenu().getItems().stream().anyMatch(i -> "Save Data as CSV…".equals(i.getText())));
    }

    @Test
    void anAttentionNetworkShowsAHeadsMapAndNearestTokens(FxRobot robot) throws IOException {
        Path graph = dir.resolve("attention.json");
        Files.writeString(graph, ATTENTION_GRAPH);
        Path project = train("attention", graph.toString(), "--data", "gen:tokens:samples=300", "--epochs", "1");
        InsightViewModel model = open(robot, project);
        assertTrue(robot.lookup("#insight-tabs").queryAs(TabPane.class).getTabs().stream()
                .anyMatch(t -> t.getId().equals("tab-layers")), "an attention network has its Layers tab");
        select(robot, "tab-layers");
        robot.interact(() -> {
            robot.lookup("#layer-view-choice").queryAs(javafx.scene.control.ComboBox.class).setValue("attention");
            robot.lookup("#head-spinner").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(1);
        });
        robot.clickOn("#show-layer-button");
        idle(model, "the attention map");
        assertEquals(1, model.mapsProperty().get().head());
        GridPane grid = robot.lookup("#attention-grid").queryAs(GridPane.class);
        // 16 key labels, 16 query labels and the map.
        assertEquals(33, grid.getChildren().size());
        assertNotNull(robot.lookup("#attention-map").queryAs(ImageView.class).getImage());
        assertTrue(robot.lookup("#neighbours-box").query().isVisible(), "an embedding offers its nearest tokens");
        assertEquals(java.util.List.of("attention"), robot.lookup("#layer-view-choice")
                .queryAs(javafx.scene.control.ComboBox.class).getItems());
        robot.interact(() -> robot.lookup("#token-field").queryAs(javafx.scene.control.TextField.class).setText("3"));
        // Below the attention map: in reach by scrolling the tab, as a user would.
        robot.interact(() -> AppWindowFixture.scrollIntoView(robot.lookup("#neighbours-button").query()));
        robot.clickOn("#neighbours-button");
        idle(model, "the nearest tokens");
        assertEquals(10, robot.lookup("#neighbours-list").queryAs(ListView.class).getItems().size());
    }

    @Test
    void anAutoencoderShowsReconstructionsAndItsBottleneck(FxRobot robot) {
        Path project = train("autoencoder", "--template", "autoencoder", "--epochs", "1", "--data",
                "gen:segment_digits:samples=200,size=16");
        InsightViewModel model = open(robot, project);
        select(robot, "tab-autoencoder");
        robot.clickOn("#autoencoder-button");
        AppWindowFixture.waitUntil("reconstructions and the bottleneck", 180, () -> !model.busyProperty().get()
                && model.latentProperty().get() != null);
        ImageView pairs = robot.lookup("#reconstructions").queryAs(ImageView.class);
        assertNotNull(pairs.getImage(), robot.lookup("#insight-status").queryAs(Label.class).getText());
        assertTrue(pairs.getImage().getHeight() > pairs.getImage().getWidth() / 8.0 * 1.5, "two rows of images");
        ChartViewer latent = robot.lookup("#latent-chart").queryAs(ChartViewer.class);
        int n = 0;
        var data = latent.getChart().getXYPlot().getDataset();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            n += data.getItemCount(s);
        }
        assertEquals(model.latentProperty().get().xs().length, n);
        assertTrue(robot.lookup("#latent-caption").queryAs(Label.class).getText().contains("first two of 32"),
                robot.lookup("#latent-caption").queryAs(Label.class).getText());
    }

    /**
     * The shapes CNN trained: for the test, 2 epochs on 300 samples; for the README's pictures (netwright.screenshots
     * set), as the template trains it (10 epochs on 1,200 samples), so its test part shows a network that learned.
     */
    private static Path shapesCnn() {
        return System.getProperty("netwright.screenshots") != null ? train("cnn", "--template", "shapes-cnn")
                : train("cnn", "--template", "shapes-cnn", "--epochs", "2", "--data", "gen:shapes:samples=300");
    }

    /** Saves the window's content at 1600x1000 when {@code netwright.screenshots} names a folder. */
    private void screenshot(FxRobot robot, String name) throws IOException {
        AppWindowFixture.screenshot(robot, stage, name);
    }

    /** token_input -> embedding -> two-head self-attention -> mean over the steps -> dense 2. */
    private static final String ATTENTION_GRAPH = "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":["
            + "{\"id\":\"tokens\",\"type\":\"token_input\",\"x\":0,\"y\":0,\"params\":{\"length\":16,\"vocabulary\":20}},"
            + "{\"id\":\"embed\",\"type\":\"embedding\",\"x\":0,\"y\":0,\"params\":{\"vocabulary\":20,\"dimension\":16}},"
            + "{\"id\":\"attend\",\"type\":\"multi_head_attention\",\"x\":0,\"y\":0,\"params\":{\"d_model\":16,"
            + "\"heads\":2}},"
            + "{\"id\":\"turn\",\"type\":\"permute\",\"x\":0,\"y\":0,\"params\":{\"order\":\"1,0\"}},"
            + "{\"id\":\"mean\",\"type\":\"global_avg_pool\",\"x\":0,\"y\":0,\"params\":{}},"
            + "{\"id\":\"out\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":2}}],"
            + "\"edges\":[{\"from\":\"tokens.out\",\"to\":\"embed.in\"},{\"from\":\"embed.out\",\"to\":\"attend.query\"},"
            + "{\"from\":\"embed.out\",\"to\":\"attend.key\"},{\"from\":\"embed.out\",\"to\":\"attend.value\"},"
            + "{\"from\":\"attend.out\",\"to\":\"turn.in\"},{\"from\":\"turn.out\",\"to\":\"mean.in\"},"
            + "{\"from\":\"mean.out\",\"to\":\"out.in\"}]}";
}
