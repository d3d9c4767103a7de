package org.netwright.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.netwright.editor.canvas.GraphCanvas;
import org.netwright.editor.inspector.InspectorView;
import org.netwright.editor.palette.PaletteView;
import org.netwright.model.command.CommandStack;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Builds the editor window the UI tests and the preview use: palette, canvas, inspector and a status line. */
public final class EditorFixture {
    private EditorFixture() {
    }

    public static EditorModel show(Stage stage, Graph initial, double width, double height) {
        EditorModel model = new EditorModel(new CommandStack(initial));
        GraphCanvas canvas = new GraphCanvas(model);
        PaletteView palette = new PaletteView(model, canvas::visibleCenter);
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.messageProperty());
        status.setStyle("-fx-padding: 4 10 4 10; -fx-text-fill: #b71c1c;");
        BorderPane root = new BorderPane(canvas, null, inspector(model), status, palette);
        MonocleDragFix.forgetStaleDragView();
        stage.setScene(new Scene(root, width, height));
        // TestFX reuses one stage; a test that resized it would otherwise leave its size to the next.
        stage.sizeToScene();
        stage.show();
        canvas.requestFocus();
        return model;
    }

    private static InspectorView inspector(EditorModel model) {
        return new InspectorView(model);
    }

    public static Graph graph(List<Node> nodes, Edge... edges) {
        return Graph.of(nodes, new ArrayList<>(List.of(edges)));
    }
}
