package org.netwright.app.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.junit.jupiter.api.Test;
import org.netwright.app.charts.ReadableAxis;

/** The Find Rate chart: a handful of loss labels however tall it is, and the suggested rate's label inside the plot. */
class RateChartTest {
    private static CheckViewModel.RateCurve curve(double suggested) {
        int n = 120;
        double[] rates = new double[n];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            rates[i] = 1e-6 * Math.pow(10, i / 20.0);
            losses[i] = 0.2 + 1.8 * Math.abs(Math.sin(i / 7.0)) * (1 - i / (double) n);
        }
        return new CheckViewModel.RateCurve(rates, losses, losses, Optional.of(suggested));
    }

    @Test
    void aTallChartLabelsAtMostAHandfulOfLosses() {
        JFreeChart chart = CheckWindow.rateChart(curve(0.01));
        BufferedImage image = new BufferedImage(700, 700, BufferedImage.TYPE_INT_ARGB);
        chart.draw(image.createGraphics(), new java.awt.geom.Rectangle2D.Double(0, 0, 700, 700));
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        double ticks = y.getRange().getLength() / y.getTickUnit().getSize();
        assertTrue(ticks <= ReadableAxis.MAX_TICKS, ticks + " ticks of " + y.getTickUnit().getSize());
        assertTrue(ticks >= 2, ticks + " ticks");
        assertEquals(8, ReadableAxis.maxTicks(640));
        assertEquals(3, ReadableAxis.maxTicks(150));
        assertEquals(4, ReadableAxis.maxTicks(160));
    }

    @Test
    void theSuggestedRatesLabelStaysInsideThePlot() {
        ValueMarker left = (ValueMarker) CheckWindow.rateChart(curve(1e-4)).getXYPlot().getDomainMarkers(
                org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals(RectangleAnchor.TOP_RIGHT, left.getLabelAnchor(), "right of a line in the left half");
        assertTrue(left.getLabelOffset().getTop() >= 6, "below the plot's top edge");
        ValueMarker right = (ValueMarker) CheckWindow.rateChart(curve(0.5)).getXYPlot().getDomainMarkers(
                org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals(RectangleAnchor.TOP_LEFT, right.getLabelAnchor(), "left of a line near the right edge");
    }
}
