package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.insight.GradientHeatMap;
import org.netwright.app.insight.InsightData;
import org.netwright.app.insight.InsightView;
import org.netwright.app.insight.InsightViewModel;
import org.netwright.runner.cli.Cli;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The insight views this issue added, clicked as a user would on tiny trained runs: a confusion cell's samples (and a
 * click on one explains it), the gradient heat map naming a 20-layer sigmoid MLP's vanishing layers, the activation
 * statistics, and a conditional GAN's sample grid, one row per class. With {@code -Dnetwright.screenshots=DIR} each
 * view is also saved as a PNG for the README.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class InsightHealthUiTest {
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
            stage.setScene(new Scene(new InsightView(model), 1120, 720));
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

    private static String status(FxRobot robot) {
        return robot.lookup("#insight-status").queryAs(Label.class).getText();
    }

    @Test
    void aConfusionCellShowsItsTestImagesAndAClickExplainsOne(FxRobot robot) throws IOException {
        Path project = shapesCnn();
        InsightViewModel model = open(robot, project);
        AppWindowFixture.waitUntil("the evaluation", 180, () -> !model.busyProperty().get()
                && model.evaluationProperty().get() != null);
        InsightData.Evaluation e = model.evaluationProperty().get();
        assertTrue(e.answers().truth().length > 0, status(robot));
        robot.clickOn("#cell-1-1");
        idle(model, "the cell's samples");
        InsightData.CellSamples c = model.cellSamplesProperty().get();
        assertNotNull(c, status(robot));
        assertEquals(e.confusion()[1][1], c.total());
        FlowPane tiles = robot.lookup("#cell-samples").queryAs(FlowPane.class);
        assertEquals(Math.min(InsightViewModel.CELL_SHOWN, c.total()), tiles.getChildren().size());
        assertEquals("image", c.shown().kind());
        assertTrue(robot.lookup("#cell-caption").queryAs(Label.class).getText().contains("predicted "
                + c.predictedClass()));
        int first = c.shown().samples().get(0).index();
        robot.clickOn("#cell-sample-" + first);
        AppWindowFixture.waitUntil("the clicked sample's saliency", 180, () -> !model.busyProperty().get()
                && model.saliencyProperty().get() != null);
        assertEquals(first, model.saliencyProperty().get().sample(), status(robot));
        // The clicked sample is framed; no other is.
        for (javafx.scene.Node tile : tiles.getChildren()) {
            assertEquals(tile.getId().equals("cell-sample-" + first), tile.getStyleClass().contains("chosen-sample"),
                    tile.getId());
        }
        if (c.shown().samples().size() > 1) {
            int second = c.shown().samples().get(1).index();
            robot.clickOn("#cell-sample-" + second);
            AppWindowFixture.waitUntil("the second sample's saliency", 180, () -> !model.busyProperty().get()
                    && model.saliencyProperty().get().sample() == second);
            assertTrue(robot.lookup("#cell-sample-" + second).query().getStyleClass().contains("chosen-sample"));
            assertFalse(robot.lookup("#cell-sample-" + first).query().getStyleClass().contains("chosen-sample"));
            robot.clickOn("#cell-sample-" + first);
            AppWindowFixture.waitUntil("the first sample's saliency again", 180, () -> !model.busyProperty().get()
                    && model.saliencyProperty().get().sample() == first);
        }
        screenshot(robot, "insight-cell-samples.png");

        select(robot, "tab-activations");
        robot.clickOn("#activations-button");
        AppWindowFixture.waitUntil("the activation statistics", 180, () -> !model.busyProperty().get()
                && model.activationsProperty().get() != null);
        @SuppressWarnings("unchecked")
        TableView<InsightData.LayerActivations> table = robot.lookup("#activations-table").queryAs(TableView.class);
        assertEquals(model.activationsProperty().get().layers().size(), table.getItems().size());
        assertTrue(table.getItems().size() >= 8, "every layer of the CNN but its input: " + table.getItems().size());
        assertTrue(table.getItems().stream().anyMatch(l -> l.type().equals("relu") && l.zeros() > 0));
        assertTrue(robot.lookup("#activation-histogram-caption").queryAs(Label.class).getText()
                .startsWith(table.getItems().get(0).id()));
        // Every layer's row in view (no scroll bar) and every column title whole.
        assertFalse(table.lookupAll(".scroll-bar").stream().anyMatch(b -> b instanceof javafx.scene.control.ScrollBar
                bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL && bar.isVisible()),
                "a vertical scroll bar: " + table.getItems().size() + " rows in " + table.getHeight() + " px");
        for (javafx.scene.control.TableColumn<?, ?> column : table.getColumns()) {
            assertTrue(column.getWidth() >= org.netwright.app.theme.ColumnTitles.width(column.getText()) - 0.5,
                    column.getText() + " is " + column.getWidth() + " px wide");
        }
        // Every figure whole: a small negative mean was cut to "-0.000…". Asked again until the table's cells are laid
        // out for their rows (read in the middle of a layout pass, a reused cell can still show its last row's text).
        AppWindowFixture.waitUntil("every activation figure shown whole", 10, () -> cutCells(table).isEmpty());
        assertEquals(List.of(), cutCells(table), "cells shown cut");
        // And the widest figure four digits make would fit the Mean and Std columns, whatever this run's figures are.
        for (javafx.scene.Node cell : table.lookupAll(".table-cell")) {
            if (cell instanceof javafx.scene.control.TableCell<?, ?> tc && tc.getTableColumn() != null
                    && List.of("Mean", "Std").contains(tc.getTableColumn().getText())) {
                javafx.scene.text.Text widest = new javafx.scene.text.Text("-0.0001234");
                widest.setFont(tc.getFont());
                double room = tc.getTableColumn().getWidth() - tc.getInsets().getLeft() - tc.getInsets().getRight();
                assertTrue(widest.getLayoutBounds().getWidth() <= room, tc.getTableColumn().getText() + " has "
                        + room + " px for " + widest.getLayoutBounds().getWidth());
            }
        }
        screenshot(robot, "insight-activations.png");
    }

    @Test
    void theHeatMapNamesTheVanishingLayersOfATwentyLayerSigmoidMlp(FxRobot robot) throws IOException {
        Path graph = dir.resolve("sigmoid20.json");
        Files.writeString(graph, sigmoidMlp(20));
        Path project = train("sigmoid20", graph.toString(), "--data", "gen:two_moons", "--epochs", "3");
        InsightViewModel model = open(robot, project);
        select(robot, "tab-gradients");
        robot.clickOn("#gradients-button");
        AppWindowFixture.waitUntil("the gradient norms", 60, () -> !model.busyProperty().get()
                && model.gradientsProperty().get() != null);
        GradientHeatMap map = model.gradientsProperty().get();
        assertEquals(3, map.epochs().size());
        assertTrue(map.layers().contains("dense_1") && map.layers().contains("out"), map.layers().toString());
        assertTrue(map.layersMarked(GradientHeatMap.Health.VANISHING).contains("dense_1"),
                "the layer farthest from the loss vanishes: " + map.summary());
        String caption = robot.lookup("#gradients-caption").queryAs(Label.class).getText();
        assertTrue(caption.contains("Vanishing gradients in dense_1"), caption);
        Canvas canvas = robot.lookup("#gradient-heat-map").queryAs(Canvas.class);
        assertTrue(canvas.getHeight() > 18 * map.layers().size(), "a row per layer");
        screenshot(robot, "insight-gradients.png");
    }

    @Test
    void aConditionalGanDrawsOneRowPerClass(FxRobot robot) throws IOException {
        Path project = train("cgan", "--template", "cgan", "--epochs", "1");
        // Opened as the window opens it: a GAN's views only, its samples drawn at once.
        InsightViewModel model = open(robot, project);
        AppWindowFixture.waitUntil("the samples", 180, () -> !model.busyProperty().get()
                && model.generatedProperty().get() != null);
        TabPane tabs = robot.lookup("#insight-tabs").queryAs(TabPane.class);
        assertEquals(java.util.List.of("tab-gradients", "tab-generated"), tabs.getTabs().stream()
                .map(javafx.scene.control.Tab::getId).toList());
        assertEquals("tab-generated", tabs.getSelectionModel().getSelectedItem().getId());
        assertFalse(status(robot).contains("generate") && status(robot).contains("with"), status(robot));
        assertTrue(robot.lookup("#insight-not-shown").queryAs(Label.class).getTooltip().getText()
                .contains("trained a GAN"));
        InsightData.Generated g = model.generatedProperty().get();
        assertTrue(g.perClass(), status(robot));
        assertEquals(8, g.rows(), "the cgan template's eight classes");
        assertNotNull(robot.lookup("#generated-grid").queryAs(ImageView.class).getImage(), status(robot));
        assertTrue(robot.lookup("#generated-caption").queryAs(Label.class).getText().contains("one row per class"));
    }

    @Test
    void aDcganDrawsAGridOfImages(FxRobot robot) throws IOException {
        // The README's picture (netwright.screenshots set) shows what the README says: 15 epochs on 1,000 digits; the
        // test itself needs one epoch.
        boolean picture = System.getProperty("netwright.screenshots") != null;
        Path project = train("dcgan", "--template", "dcgan", "--epochs", picture ? "15" : "1", "--data",
                "gen:segment_digits:samples=" + (picture ? 1000 : 200) + ",size=16");
        InsightViewModel model = open(robot, project);
        AppWindowFixture.waitUntil("the samples", 180, () -> !model.busyProperty().get()
                && model.generatedProperty().get() != null);
        InsightData.Generated g = model.generatedProperty().get();
        assertEquals(32, g.rows() * g.cols(), status(robot));
        ImageView grid = robot.lookup("#generated-grid").queryAs(ImageView.class);
        assertNotNull(grid.getImage());
        assertEquals(8 * 17 - 1, grid.getImage().getWidth(), "eight 16-pixel images a row, one pixel apart");
        screenshot(robot, "insight-generated.png");
    }

    /** Two inputs, then {@code layers} dense layers of 16 units each followed by a sigmoid, then 2 outputs. */
    static String sigmoidMlp(int layers) {
        StringBuilder nodes = new StringBuilder("{\"id\":\"input\",\"type\":\"vector_input\",\"x\":0,\"y\":0,"
                + "\"params\":{\"features\":2}}");
        StringBuilder edges = new StringBuilder();
        String last = "input";
        for (int i = 1; i <= layers; i++) {
            nodes.append(",{\"id\":\"dense_").append(i).append("\",\"type\":\"dense\",\"x\":0,\"y\":0,"
                    + "\"params\":{\"units\":16}}");
            nodes.append(",{\"id\":\"sigmoid_").append(i).append("\",\"type\":\"sigmoid\",\"x\":0,\"y\":0,"
                    + "\"params\":{}}");
            edges.append(edges.length() == 0 ? "" : ",").append("{\"from\":\"").append(last)
                    .append(".out\",\"to\":\"dense_").append(i).append(".in\"},{\"from\":\"dense_").append(i)
                    .append(".out\",\"to\":\"sigmoid_").append(i).append(".in\"}");
            last = "sigmoid_" + i;
        }
        nodes.append(",{\"id\":\"out\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":2}}");
        edges.append(",{\"from\":\"").append(last).append(".out\",\"to\":\"out.in\"}");
        return "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":[" + nodes + "],\"edges\":[" + edges + "]}";
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

    /** The texts of the table's cells that show them cut (with an ellipsis, or not yet their own). */
    private static List<String> cutCells(TableView<?> table) {
        List<String> cut = new java.util.ArrayList<>();
        for (javafx.scene.Node cell : table.lookupAll(".table-cell")) {
            if (cell instanceof javafx.scene.control.TableCell<?, ?> tc && tc.getText() != null && !tc.getText().isEmpty()
                    && !AppWindowFixture.shownWhole(tc)) {
                cut.add(tc.getText());
            }
        }
        return cut;
    }
}
