package org.netwright.editor.canvas;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.transform.Scale;

/**
 * Scales the canvas content inside its scroll pane and moves the scroll position so that a chosen
 * content point stays put. The content keeps its own (model) coordinates; only a {@link Scale}
 * with its pivot at the origin is added, so gestures convert through the content's local
 * coordinates and stay right at any zoom.
 */
final class CanvasZoom {
    static final double MIN = 0.25;
    static final double MAX = 2.0;
    /** The steps the buttons and Ctrl+plus/minus go through; the wheel zooms smoothly between them. */
    private static final double[] STEPS = {0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0};

    private final ScrollPane scroll;
    private final Pane content;
    private final Runnable resizeContent;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);

    /**
     * @param resizeContent sets the content's minimum size for the current zoom, so the scaled
     *                      content still fills the viewport
     */
    CanvasZoom(ScrollPane scroll, Pane content, Runnable resizeContent) {
        this.scroll = scroll;
        this.content = content;
        this.resizeContent = resizeContent;
        content.getTransforms().add(scale);
    }

    ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    double zoom() {
        return zoom.get();
    }

    static double clamp(double z) {
        return Math.max(MIN, Math.min(MAX, z));
    }

    /** The next step above {@code z} (or below, for a negative direction), within the range. */
    static double step(double z, int direction) {
        if (direction > 0) {
            for (double s : STEPS) {
                if (s > z + 1e-6) {
                    return s;
                }
            }
            return MAX;
        }
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < z - 1e-6) {
                return STEPS[i];
            }
        }
        return MIN;
    }

    /** Zooms to {@code z}, keeping the content point {@code anchor} (e.g. under the mouse) where it is on screen. */
    void zoomAt(double z, Point2D anchor) {
        Point2D onScreen = anchor.multiply(zoom.get()).subtract(offset());
        apply(clamp(z));
        scrollTo(anchor.multiply(zoom.get()).subtract(onScreen));
    }

    /** Zooms around the middle of the viewport, as the keys and buttons do. */
    void zoomAroundCenter(double z) {
        Bounds viewport = scroll.getViewportBounds();
        Point2D middle = offset().add(viewport.getWidth() / 2, viewport.getHeight() / 2).multiply(1 / zoom.get());
        zoomAt(z, middle);
    }

    /**
     * Scales and scrolls so that {@code area} (content coordinates) fits the viewport with
     * {@code margin} viewport pixels around it, never above 100% so small graphs keep their size.
     */
    void fit(Bounds area, double margin) {
        fit(area, new javafx.geometry.Insets(margin));
    }

    /**
     * Zooms (never above 100 %) and scrolls so that {@code area} shows whole inside the viewport less
     * {@code margins}, centred in what is left (the canvas's own controls lie in the margins).
     */
    void fit(Bounds area, javafx.geometry.Insets margins) {
        Bounds viewport = scroll.getViewportBounds();
        double w = viewport.getWidth() - margins.getLeft() - margins.getRight();
        double h = viewport.getHeight() - margins.getTop() - margins.getBottom();
        if (area == null || w <= 0 || h <= 0) {
            apply(1);
            scrollTo(Point2D.ZERO);
            return;
        }
        double z = clamp(Math.min(1, Math.min(w / area.getWidth(), h / area.getHeight())));
        apply(z);
        // Centre the area; at the top or left edge the scroll position simply stops at zero.
        scrollTo(new Point2D(area.getCenterX() * z - margins.getLeft() - w / 2,
                area.getCenterY() * z - margins.getTop() - h / 2));
    }

    private void apply(double z) {
        scale.setX(z);
        scale.setY(z);
        zoom.set(z);
        resizeContent.run();
        // Size the content and lay the scroll pane out now, so the scroll range below is the one for
        // the new zoom (its skin reads the content's size before the content's own layout would run).
        content.autosize();
        scroll.requestLayout();
        scroll.layout();
    }

    /** The scroll position in viewport pixels: how far the content's top-left is scrolled out of view. */
    private Point2D offset() {
        Bounds viewport = scroll.getViewportBounds();
        Bounds scaled = scroll.getContent().getLayoutBounds();
        return new Point2D(fraction(scroll.getHvalue(), scroll.getHmin(), scroll.getHmax())
                * Math.max(0, scaled.getWidth() - viewport.getWidth()),
                fraction(scroll.getVvalue(), scroll.getVmin(), scroll.getVmax())
                        * Math.max(0, scaled.getHeight() - viewport.getHeight()));
    }

    private void scrollTo(Point2D offset) {
        Bounds viewport = scroll.getViewportBounds();
        Bounds scaled = scroll.getContent().getLayoutBounds();
        double rangeX = scaled.getWidth() - viewport.getWidth();
        double rangeY = scaled.getHeight() - viewport.getHeight();
        scroll.setHvalue(value(offset.getX(), rangeX, scroll.getHmin(), scroll.getHmax()));
        scroll.setVvalue(value(offset.getY(), rangeY, scroll.getVmin(), scroll.getVmax()));
    }

    private static double fraction(double value, double min, double max) {
        return max > min ? (value - min) / (max - min) : 0;
    }

    private static double value(double offset, double range, double min, double max) {
        if (range <= 0) {
            return min;
        }
        return min + Math.max(0, Math.min(1, offset / range)) * (max - min);
    }
}
