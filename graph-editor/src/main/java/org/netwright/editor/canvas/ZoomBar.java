package org.netwright.editor.canvas;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The small overlay in the canvas's corner: zoom out, the zoom level (click for 100%), zoom in, and Fit. */
final class ZoomBar extends HBox {
    ZoomBar(GraphCanvas canvas) {
        setId("zoom-bar");
        getStyleClass().add("zoom-bar");
        // Only as big as its buttons, so the rest of the corner still reaches the canvas.
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setPickOnBounds(false);

        Button out = button("zoom-out", "−", "Zoom out (Ctrl+minus, Ctrl+wheel)");
        out.setOnAction(e -> canvas.zoomOut());
        Button level = button("zoom-reset", "100%", "Back to 100% (Ctrl+0)");
        level.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(canvas.zoomProperty().get() * 100) + "%", canvas.zoomProperty()));
        level.getStyleClass().add("zoom-level");
        level.setOnAction(e -> canvas.setZoom(1));
        Button in = button("zoom-in", "+", "Zoom in (Ctrl+plus, Ctrl+wheel)");
        in.setOnAction(e -> canvas.zoomIn());
        Button fit = button("zoom-fit", "Fit", "Show the whole network");
        fit.setOnAction(e -> canvas.fitToView());
        getChildren().addAll(out, level, in, fit);
    }

    private static Button button(String id, String text, String help) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("zoom-button");
        // Clicking must leave the keyboard focus on the canvas, where Delete and the zoom keys work.
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(help));
        return b;
    }
}
