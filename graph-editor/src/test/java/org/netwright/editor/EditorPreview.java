package org.netwright.editor;

import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * Throwaway window for looking at the editor under Xvfb: a small MLP plus a mis-wired Conv2d.
 * Arguments: the node to select (or "none"), "bottom" to scroll the inspector down, and
 * "catalog" to show every layer type once instead, "connecting" to freeze a connect gesture half-way, "search=TEXT" to type into the palette search,
 * "composite" to group dense_1 and relu_1 into a block, "inside" to also double-click it open, "macs" to
 * switch the cards to MACs, "zoom=Z" to zoom after the first fit.
 */
public class EditorPreview extends Application {
    @Override
    public void start(Stage stage) {
        Graph g = EditorFixture.graph(List.of(
                        new Node("vector_input_1", "vector_input", Map.of("features", 2), 24, 60),
                        new Node("dense_1", "dense", Map.of("units", 16), 250, 60),
                        new Node("relu_1", "relu", Map.of(), 476, 60),
                        new Node("dense_2", "dense", Map.of("units", 3), 702, 60),
                        new Node("conv2d_1", "conv2d", Map.of(), 250, 250),
                        new Node("relu_2", "relu", Map.of(), 476, 250),
                        new Node("image_input_1", "image_input", Map.of(), 24, 450),
                        new Node("conv2d_2", "conv2d", Map.of("filters", 8), 250, 450),
                        new Node("add_1", "add", Map.of(), 476, 450)),
                Edge.of("vector_input_1", "out", "dense_1", "in"),
                Edge.of("dense_1", "out", "relu_1", "in"),
                Edge.of("relu_1", "out", "dense_2", "in"),
                Edge.of("vector_input_1", "out", "conv2d_1", "in"),
                Edge.of("conv2d_1", "out", "relu_2", "in"),
                Edge.of("image_input_1", "out", "conv2d_2", "in"),
                Edge.of("conv2d_2", "out", "add_1", "in1"));
        if (getParameters().getUnnamed().contains("catalog")) {
            // Every layer type once, unwired, to check cards with many ports or long names.
            List<Node> all = new java.util.ArrayList<>();
            int i = 0;
            List<org.netwright.model.catalog.LayerSpec> specs = new java.util.ArrayList<>(
                    org.netwright.model.catalog.LayerCatalog.standard().all());
            // Many-port layers first: they are the ones most likely to look wrong.
            specs.sort(java.util.Comparator.comparingInt(spec -> -Math.max(spec.outputPorts().size(),
                    spec.inputPorts(spec.resolve(Map.of())).size())));
            for (org.netwright.model.catalog.LayerSpec spec : specs) {
                all.add(new Node(spec.id() + "_1", spec.id(), Map.of(), 24 + (i % 4) * 220, 24 + (i / 4) * 190));
                i++;
            }
            g = Graph.of(all, List.of());
        }
        List<String> args = getParameters().getUnnamed();
        if (args.contains("composite") || args.contains("inside")) {
            g = org.netwright.model.command.GroupNodes.of(g, List.of("dense_1", "relu_1"), "block_1", "hidden").apply(g);
        }
        EditorModel model = EditorFixture.show(stage, g, 1400, 900);
        org.netwright.editor.canvas.GraphCanvas canvas =
                (org.netwright.editor.canvas.GraphCanvas) stage.getScene().lookup("#graph-canvas");
        if (args.contains("macs")) {
            canvas.cardMetricProperty().set(org.netwright.editor.canvas.CardMetric.MACS);
        }
        args.stream().filter(a -> a.startsWith("zoom=")).findFirst().ifPresent(a -> {
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
            later.setOnFinished(e -> canvas.setZoom(Double.parseDouble(a.substring(5))));
            later.play();
        });
        if (args.contains("inside")) {
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
            later.setOnFinished(e -> {
                javafx.scene.robot.Robot robot = new javafx.scene.robot.Robot();
                robot.mouseMove(center(stage, "#node-block_1"));
                robot.mouseClick(javafx.scene.input.MouseButton.PRIMARY);
                robot.mouseClick(javafx.scene.input.MouseButton.PRIMARY);
            });
            later.play();
        }
        stage.setTitle("Netwright editor preview");
        String select = getParameters().getUnnamed().isEmpty() ? "dense_1" : getParameters().getUnnamed().get(0);
        model.selectedNodeProperty().set(select.equals("none") ? null : select);
        getParameters().getUnnamed().stream().filter(a -> a.startsWith("search=")).findFirst().ifPresent(a ->
                ((javafx.scene.control.TextField) stage.getScene().lookup("#palette-search")).setText(a.substring(7)));
        if (getParameters().getUnnamed().contains("connecting")) {
            // Freeze a connect gesture half-way, to see the rubber band and the lit-up inputs.
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
            wait.setOnFinished(e -> holdConnect(stage, "#port-vector_input_1-out", "#port-add_1-in2"));
            wait.play();
        }
        if (getParameters().getUnnamed().contains("bottom")) {
            // Show the end of a long inspector (the formula) once it has been laid out.
            javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(() ->
                    ((javafx.scene.control.ScrollPane) stage.getScene().lookup(".inspector-scroll")).setVvalue(1)));
        }
    }

    private static void holdConnect(Stage stage, String from, String to) {
        javafx.scene.robot.Robot robot = new javafx.scene.robot.Robot();
        javafx.geometry.Point2D a = center(stage, from);
        javafx.geometry.Point2D b = center(stage, to);
        robot.mouseMove(a);
        robot.mousePress(javafx.scene.input.MouseButton.PRIMARY);
        // One step per frame, as a hand would move, so each step arrives as its own drag event.
        javafx.animation.Timeline steps = new javafx.animation.Timeline();
        for (int i = 1; i <= 20; i++) {
            javafx.geometry.Point2D p = a.add(b.subtract(a).multiply(i / 20.0));
            steps.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.millis(40 * i),
                    e -> robot.mouseMove(p)));
        }
        steps.setOnFinished(e -> robot.mouseMove(b.add(1, 0)));
        steps.play();
    }

    private static javafx.geometry.Point2D center(Stage stage, String query) {
        javafx.scene.Node n = stage.getScene().lookup(query);
        javafx.geometry.Bounds b = n.localToScreen(n.getBoundsInLocal());
        return new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY());
    }

    /** Plain-classpath entry point: JavaFX needs a main class that does not extend Application. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(EditorPreview.class, args);
        }
    }
}
