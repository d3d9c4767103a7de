package org.netwright.editor.canvas;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import org.netwright.editor.EditorModel;

/**
 * Selecting by dragging a box on empty canvas: every card the box touches is selected when the button is released
 * (with Shift, added to the selection). A press without a drag stays a click that clears the selection.
 */
final class RubberBand {
    /** Smaller drags (content pixels) are a shaky click, not a box. */
    private static final double MIN_DRAG = 4;
    private final Rectangle box = new Rectangle();
    private final GraphCanvas canvas;
    private final EditorModel model;
    private double startX;
    private double startY;
    private boolean active;
    private boolean extend;

    RubberBand(GraphCanvas canvas, EditorModel model) {
        this.canvas = canvas;
        this.model = model;
        box.setId("rubber-band");
        box.getStyleClass().add("selection-box");
        box.setManaged(false);
        box.setVisible(false);
        box.setMouseTransparent(true);
    }

    Rectangle box() {
        return box;
    }

    void install(Pane content) {
        content.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() != content || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            active = true;
            extend = e.isShiftDown();
            startX = e.getX();
            startY = e.getY();
            box.setVisible(false);
        });
        content.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!active) {
                return;
            }
            Bounds b = bounds(e.getX(), e.getY());
            box.setX(b.getMinX());
            box.setY(b.getMinY());
            box.setWidth(b.getWidth());
            box.setHeight(b.getHeight());
            box.setVisible(b.getWidth() >= MIN_DRAG || b.getHeight() >= MIN_DRAG);
            e.consume();
        });
        content.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (!active) {
                return;
            }
            active = false;
            boolean drawn = box.isVisible();
            box.setVisible(false);
            if (!drawn) {
                return;
            }
            Bounds area = bounds(e.getX(), e.getY());
            Set<String> ids = new LinkedHashSet<>(extend ? model.selectedNodes() : Set.of());
            for (NodeView v : canvas.nodeViews()) {
                if (v.cardBounds().intersects(area)) {
                    ids.add(v.node().id());
                }
            }
            model.select(new ArrayList<>(ids));
            e.consume();
        });
    }

    private Bounds bounds(double x, double y) {
        return new BoundingBox(Math.min(startX, x), Math.min(startY, y), Math.abs(x - startX), Math.abs(y - startY));
    }

    /** The ids a box over {@code area} selects, for tests that skip the mouse. */
    List<String> under(Bounds area) {
        List<String> out = new ArrayList<>();
        for (NodeView v : canvas.nodeViews()) {
            if (v.cardBounds().intersects(area)) {
                out.add(v.node().id());
            }
        }
        return out;
    }
}
