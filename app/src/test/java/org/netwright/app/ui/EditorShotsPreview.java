package org.netwright.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.netwright.app.MainWindow;
import org.netwright.app.project.RecentProjects;
import org.netwright.app.project.Workspace;
import org.netwright.editor.EditorModel;
import org.netwright.editor.canvas.GraphCanvas;
import org.netwright.editor.canvas.LevelsView;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.TemplateLibrary;

/**
 * Throwaway window for looking at the editor's defects under Xvfb (not a test): the app's main window on a scenario
 * project, with the scenario's steps done a few seconds after it shows; a script takes the screenshot. Argument: the
 * scenario (residual, group, splice, multi, image, fit, block45, generator).
 */
public class EditorShotsPreview extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        String scenario = getParameters().getUnnamed().get(0);
        org.netwright.app.theme.Themes.apply(org.netwright.app.theme.Theme.LIGHT);
        Path dir = Files.createTempDirectory("editor-shots");
        TrainingSettings settings = TemplateLibrary.find("two-moons-mlp").orElseThrow().settings();
        Graph graph = switch (scenario) {
            case "group", "multi" -> scattered();
            case "splice" -> tightRow();
            case "image" -> Graph.of(List.of(new Node("image_input_1", "image_input", Map.of(), 60, 60)), List.of());
            case "fit" -> org.netwright.app.project.TemplateLayouts.laidOut(TemplateLibrary.find("lenet5").orElseThrow());
            case "block45" -> org.netwright.app.project.TemplateLayouts.laidOut(
                    TemplateLibrary.find("resnet-mini").orElseThrow());
            default -> residual();
        };
        if (scenario.equals("block45")) {
            settings = TemplateLibrary.find("resnet-mini").orElseThrow().settings();
        }
        Path file = dir.resolve("shots.nwproj");
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveGraph(graph, "shots");
            store.saveSettings(settings);
        }
        Workspace workspace = new Workspace(RecentProjects.inHome(dir));
        workspace.open(file);
        new MainWindow(stage, workspace, (p, s, e) -> {
            throw new IllegalStateException("no training here");
        }, dir);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1600);
        stage.setHeight(1000);
        stage.setTitle("Netwright shots");
        stage.show();
        PauseTransition later = new PauseTransition(Duration.seconds(8));
        later.setOnFinished(e -> {
            step(stage, workspace.session().editor(), scenario);
            // The script takes its screenshot once this line appears (a loaded machine takes long to start).
            PauseTransition shown = new PauseTransition(Duration.seconds(
                    scenario.equals("block45") || scenario.equals("group") ? 8
                            : scenario.equals("generator") || scenario.equals("gallery") ? 10 : 3));
            shown.setOnFinished(x -> System.out.println("SHOTS READY"));
            shown.play();
        });
        later.play();
    }

    private static void step(Stage stage, EditorModel editor, String scenario) {
        LevelsView levels = (LevelsView) stage.getScene().lookup("#levels-view");
        GraphCanvas canvas = levels.currentCanvasProperty().get();
        switch (scenario) {
            case "residual" -> System.out.println("SHOTS layOut " + canvas.layOut() + " " + editor.messageProperty().get());
            case "group" -> {
                editor.select(List.of("dense_1", "relu_1", "dense_2"));
                editor.groupSelection();
                Platform.runLater(() -> levels.open("block_1"));
            }
            case "splice" -> editor.spliceLayer("relu", Edge.of("input", "out", "dense_1", "in"), 180, 40);
            case "multi" -> editor.select(List.of("dense_1", "relu_1", "dense_2"));
            case "fit" -> {
                editor.setLock("A run is training this network: the graph is locked until it ends.");
                canvas.fitToView();
            }
            case "block45" -> {
                levels.open("block_1");
                PauseTransition zoom = new PauseTransition(Duration.seconds(2));
                zoom.setOnFinished(e -> {
                    // Layout inside the block (where the Add stood above its row), then 45 %.
                    levels.currentCanvasProperty().get().layOut();
                    PauseTransition then = new PauseTransition(Duration.seconds(1));
                    then.setOnFinished(x -> levels.currentCanvasProperty().get().setZoom(0.45));
                    then.play();
                });
                zoom.play();
            }
            case "gallery" -> {
                // File > New from Template…, as its menu item does it.
                javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) stage.getScene().lookup(".menu-bar");
                bar.getMenus().get(0).getItems().stream().filter(i -> "menu-new".equals(i.getId())).findFirst()
                        .ifPresent(i -> Platform.runLater(i::fire));
            }
            case "generator" -> ((javafx.scene.control.MenuButton) stage.getScene().lookup("#data-generator")).show();
            default -> { }
        }
    }

    static Graph residual() {
        return Graph.of(List.of(
                        new Node("input", "vector_input", Map.of("features", 2), 40, 300),
                        new Node("dense_1", "dense", Map.of("units", 16), 300, 40),
                        new Node("relu_1", "relu", Map.of(), 540, 200),
                        new Node("dense_2", "dense", Map.of("units", 2), 780, 40),
                        new Node("add_1", "add", Map.of("inputs", 2), 1020, 320),
                        new Node("dense_3", "dense", Map.of("units", 2), 1260, 120)),
                List.of(Edge.of("input", "out", "dense_1", "in"), Edge.of("dense_1", "out", "relu_1", "in"),
                        Edge.of("relu_1", "out", "dense_2", "in"), Edge.of("dense_2", "out", "add_1", "in1"),
                        Edge.of("input", "out", "add_1", "in2"), Edge.of("add_1", "out", "dense_3", "in")));
    }

    static Graph scattered() {
        return Graph.of(List.of(
                        new Node("input", "vector_input", Map.of("features", 2), 40, 40),
                        new Node("dense_1", "dense", Map.of("units", 8), 700, 400),
                        new Node("relu_1", "relu", Map.of(), 300, 600),
                        new Node("dense_2", "dense", Map.of("units", 8), 900, 200),
                        new Node("out", "dense", Map.of("units", 2), 1200, 40)),
                List.of(Edge.of("input", "out", "dense_1", "in"), Edge.of("dense_1", "out", "relu_1", "in"),
                        Edge.of("relu_1", "out", "dense_2", "in"), Edge.of("dense_2", "out", "out", "in")));
    }

    static Graph tightRow() {
        return Graph.of(List.of(
                        new Node("input", "vector_input", Map.of("features", 2), 40, 40),
                        new Node("dense_1", "dense", Map.of("units", 8), 276, 40),
                        new Node("dense_2", "dense", Map.of("units", 2), 512, 40)),
                List.of(Edge.of("input", "out", "dense_1", "in"), Edge.of("dense_1", "out", "dense_2", "in")));
    }

    /** Plain-classpath entry point: JavaFX needs a main class that does not extend Application. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(EditorShotsPreview.class, args);
        }
    }
}
