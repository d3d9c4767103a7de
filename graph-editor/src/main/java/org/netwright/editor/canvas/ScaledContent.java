package org.netwright.editor.canvas;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * What the canvas's scroll pane scrolls: the content pane, scaled by the zoom, in a region exactly as large as the
 * scaled content's set size. A {@code Group} around the content did the same from the content's bounds, but those
 * bounds take in every card, so each card sized during a layout pass made the scroll pane measure all of them again
 * (seconds for a few hundred cards); this region's size depends on the content's preferred size and the zoom only.
 */
final class ScaledContent extends Region {
    private final Pane content;
    private final ObservableDoubleValue zoom;

    /**
     * @param content the canvas content, whose preferred size the canvas sets (in content coordinates)
     * @param zoom    the scale the content is drawn at (its transform, with the pivot at the origin)
     */
    ScaledContent(Pane content, ObservableDoubleValue zoom) {
        this.content = content;
        this.zoom = zoom;
        getChildren().add(content);
        zoom.addListener((o, was, now) -> requestLayout());
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) * zoom.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) * zoom.get();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, content.prefWidth(-1), content.prefHeight(-1));
    }
}
