package org.netwright.editor.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import org.netwright.model.graph.Edge;

/** One edge as a cubic curve from an output port to an input port, with a wider invisible band to click on. */
final class EdgeView extends Group {
    private static final double HIT_WIDTH = 12;
    private final Edge edge;
    private final CubicCurve line = new CubicCurve();
    private final CubicCurve hitBand = new CubicCurve();

    EdgeView(Edge edge) {
        this.edge = edge;
        setId("edge-" + edge.from().nodeId() + "-" + edge.from().port() + "-" + edge.to().nodeId() + "-"
                + edge.to().port());
        getStyleClass().add("edge-view");
        line.getStyleClass().add("edge");
        line.setMouseTransparent(true);
        // A 2-px line is hard to hit; the transparent band is what the mouse actually clicks.
        hitBand.getStyleClass().add("edge-hit");
        hitBand.setStroke(Color.TRANSPARENT);
        hitBand.setStrokeWidth(HIT_WIDTH);
        hitBand.setFill(null);
        line.setFill(null);
        getChildren().addAll(hitBand, line);
    }

    Edge edge() {
        return edge;
    }

    CubicCurve hitBand() {
        return hitBand;
    }

    void setEnds(Point2D from, Point2D to) {
        shape(line, from, to);
        shape(hitBand, from, to);
    }

    /** Horizontal tangents at both ends, so the curve leaves right and arrives from the left. */
    static void shape(CubicCurve c, Point2D from, Point2D to) {
        double pull = Math.max(40, Math.abs(to.getX() - from.getX()) / 2);
        c.setStartX(from.getX());
        c.setStartY(from.getY());
        c.setControlX1(from.getX() + pull);
        c.setControlY1(from.getY());
        c.setControlX2(to.getX() - pull);
        c.setControlY2(to.getY());
        c.setEndX(to.getX());
        c.setEndY(to.getY());
    }

    /** Keeps the band about 12 screen pixels wide when zoomed out, so a small curve is still easy to click. */
    void setZoom(double zoom) {
        hitBand.setStrokeWidth(HIT_WIDTH / Math.min(1, zoom));
    }

    void setSelected(boolean selected) {
        line.getStyleClass().remove("edge-selected");
        if (selected) {
            line.getStyleClass().add("edge-selected");
        }
    }

    void setBroken(boolean broken) {
        line.getStyleClass().remove("edge-broken");
        if (broken) {
            line.getStyleClass().add("edge-broken");
        }
    }
}
