package org.netwright.editor.canvas;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The small overlay in the canvas's corner with the view's controls: zoom out, the zoom level
 * (click for 100%), zoom in, Fit, Layout (on an editable canvas), and whether cards count parameters or MACs.
 */
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
        if (canvas.isEditable()) {
            Button layout = button("layout", "Layout", "Arrange the network automatically in readable rows (Ctrl+L; undo with Ctrl+Z)");
            layout.setOnAction(e -> canvas.layOut());
            getChildren().add(layout);
        }
        getChildren().addAll(new Separator(Orientation.VERTICAL), metricSwitch(canvas));
    }

    /** "params | MACs": two toggles of which one is always on. */
    private static HBox metricSwitch(GraphCanvas canvas) {
        ToggleGroup group = new ToggleGroup();
        ToggleButton params = toggle("metric-params", "params", "Cards show each layer's parameter count", group);
        ToggleButton macs = toggle("metric-macs", "MACs", "Cards show each layer's multiply-accumulates per sample",
                group);
        group.selectToggle(canvas.cardMetricProperty().get() == CardMetric.MACS ? macs : params);
        // Follow the property too, so a metric set by code shows on the switch.
        canvas.cardMetricProperty().addListener((o, was, now) -> group.selectToggle(now == CardMetric.MACS ? macs : params));
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                // Clicking the chosen one again would leave neither on; keep it.
                group.selectToggle(was);
            } else {
                canvas.cardMetricProperty().set(now == macs ? CardMetric.MACS : CardMetric.PARAMS);
            }
        });
        HBox box = new HBox(params, macs);
        box.getStyleClass().add("metric-switch");
        return box;
    }

    private static ToggleButton toggle(String id, String text, String help, ToggleGroup group) {
        ToggleButton t = new ToggleButton(text);
        t.setId(id);
        t.getStyleClass().add("zoom-button");
        t.setFocusTraversable(false);
        t.setTooltip(new Tooltip(help));
        t.setToggleGroup(group);
        return t;
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
