package org.netwright.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.netwright.editor.canvas.GraphCanvas;
import org.netwright.editor.inspector.InspectorView;
import org.netwright.editor.palette.PaletteView;
import org.netwright.editor.summary.SummaryView;
import org.netwright.model.command.CommandStack;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * Throwaway window for looking at the minimap and the model summary under Xvfb: a 160-layer convolutional chain in
 * rows of ten, shown at 100 % with the summary under the canvas and one layer frozen.
 */
public class SummaryPreview extends Application {
    @Override
    public void start(Stage stage) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("image_input_1", "image_input", Map.of(), 24, 24));
        String last = "image_input_1";
        for (int i = 1; i < 160; i++) {
            String type = i % 2 == 1 ? "conv2d" : "relu";
            String id = type + "_" + i;
            Map<String, Object> params = type.equals("conv2d")
                    ? (i == 3 ? Map.of("filters", 8, "padding", "same", Node.TRAINABLE, false) : Map.of("filters", 8, "padding", "same"))
                    : Map.of();
            nodes.add(new Node(id, type, params, 24 + (i % 10) * 230, 24 + (i / 10) * 150));
            edges.add(Edge.of(last, "out", id, "in"));
            last = id;
        }
        EditorModel model = new EditorModel(new CommandStack(Graph.of(nodes, edges)));
        GraphCanvas canvas = new GraphCanvas(model);
        SummaryView summary = new SummaryView(model, canvas::reveal);
        SplitPane centre = new SplitPane(canvas, summary);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.66);
        PaletteView palette = new PaletteView(model, canvas::visibleCenter);
        palette.setPrefWidth(250);
        InspectorView inspector = new InspectorView(model);
        inspector.setPrefWidth(300);
        stage.setScene(new Scene(new BorderPane(centre, null, inspector, null, palette), 1600, 1000));
        stage.setTitle("Netwright: minimap and model summary");
        stage.show();
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1.5));
        later.setOnFinished(e -> {
            canvas.setZoom(1);
            model.selectedNodeProperty().set("conv2d_3");
            canvas.reveal("conv2d_3");
        });
        if (!getParameters().getUnnamed().contains("fit")) {
            later.play();
        }
    }

    /** Plain-classpath entry point: JavaFX needs a main class that does not extend Application. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(SummaryPreview.class, args);
        }
    }
}
