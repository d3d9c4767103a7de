package org.netwright.editor.canvas;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.netwright.editor.EditorStyles;
import org.netwright.editor.Formats;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.NodeReport;

/** A window showing the layers inside a composite block, read-only, in a canvas of its own. */
final class CompositeBodyWindow {
    private CompositeBodyWindow() {
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
