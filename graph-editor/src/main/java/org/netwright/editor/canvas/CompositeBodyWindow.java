package org.netwright.editor.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.netwright.editor.EditorStyles;
import org.netwright.editor.Formats;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.NodeReport;

/** A window showing the layers inside a composite block, read-only, in a canvas of its own. */
final class CompositeBodyWindow {
    private CompositeBodyWindow() {
    }

    /**
     * The body as it is drawn here: placeholders that would sit on a layer's card are moved out to
     * the left (inputs) or right (outputs) of all layers, then everything is shifted onto the canvas.
     * Only this view changes; the block keeps its own coordinates.
     */
    static Graph forViewing(Graph body) {
        List<Node> layers = body.nodes().values().stream().filter(n -> !CompositePorts.isPlaceholder(n)).toList();
        if (layers.isEmpty()) {
            return body;
        }
        double gap = NodeGeometry.WIDTH + 60;
        double left = layers.stream().mapToDouble(Node::x).min().orElseThrow() - gap;
        double right = layers.stream().mapToDouble(Node::x).max().orElseThrow() + gap;
        List<Node> placed = new ArrayList<>();
        for (Node n : body.nodes().values()) {
            double x = n.x();
            if (CompositePorts.INPUT.equals(n.type())) {
                x = Math.min(x, left);
            } else if (CompositePorts.OUTPUT.equals(n.type())) {
                x = Math.max(x, right);
            }
            placed.add(n.at(x, n.y()));
        }
        double minX = placed.stream().mapToDouble(Node::x).min().orElseThrow();
        double minY = placed.stream().mapToDouble(Node::y).min().orElseThrow();
        double dx = Math.max(0, 24 - minX);
        double dy = Math.max(0, 24 - minY);
        return Graph.of(placed.stream().map(n -> n.at(n.x() + dx, n.y() + dy)).toList(), body.edges());
    }

    static Stage show(Window owner, String path, Node composite, NodeReport report, GraphCanvas body) {
        body.setId("composite-body-canvas");
        long layers = NodeView.layerCount(composite);
        Label about = new Label(composite.params().getOrDefault("name", composite.id()) + " (" + path + "): "
                + layers + (layers == 1 ? " layer" : " layers")
                + (report != null && report.isOk() ? ", " + Formats.params(report.params()) : "")
                + ". Read-only here: ungroup the block (Ctrl+Shift+G) to edit its layers.");
        about.setId("composite-body-title");
        about.getStyleClass().add("composite-body-title");
        BorderPane root = new BorderPane(body);
        root.setTop(about);
        EditorStyles.apply(root);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Inside " + path);
        stage.setScene(new Scene(root, 960, 600));
        stage.getScene().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.show();
        body.requestFocus();
        return stage;
    }
}
