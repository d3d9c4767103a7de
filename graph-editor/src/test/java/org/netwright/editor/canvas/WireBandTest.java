package org.netwright.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.shape.CubicCurve;
import org.junit.jupiter.api.Test;

/** The wire being dragged stays right of the canvas's origin, so drawing it never shifts the canvas. */
class WireBandTest {
    @Test
    void aWireDrawnBackToTheFirstColumnDoesNotBulgePastTheOrigin() {
        CubicCurve band = new CubicCurve();
        EdgeView.shape(band, new Point2D(830, 216), new Point2D(40, 342));
        assertTrue(band.getControlX2() >= 0, "control point at " + band.getControlX2());
        assertTrue(band.getControlX1() >= 0 && band.getStartX() >= 0 && band.getEndX() >= 0);
    }

    @Test
    void aForwardWireKeepsItsUsualPull() {
        CubicCurve band = new CubicCurve();
        EdgeView.shape(band, new Point2D(100, 50), new Point2D(400, 50));
        assertTrue(band.getControlX1() == 250 && band.getControlX2() == 250);
    }
}
