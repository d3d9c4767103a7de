package org.netwright.app.insight;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A regression's test part drawn two ways: predicted against true values with the line where they would be equal,
 * and the residuals (predicted minus true) against the true values with the zero line.
 */
final class RegressionCharts {
    private static final Color POINTS = new Color(0x1a, 0x73, 0xe8, 0x99);
    private static final Color LINE = new Color(0x5b, 0x66, 0x73);

    private RegressionCharts() {
    }

    /** The points (true, predicted) and the diagonal y = x across their range. */
    static XYSeriesCollection predictedAgainstTrue(InsightData.Values v) {
        XYSeries points = new XYSeries("samples", false, true);
        for (int i = 0; i < v.truth().length; i++) {
            points.add(v.truth()[i], v.predicted()[i], false);
        }
        double[] range = range(v.truth(), v.predicted());
        XYSeries diagonal = new XYSeries("predicted = true", false, true);
        diagonal.add(range[0], range[0], false);
        diagonal.add(range[1], range[1], false);
        XYSeriesCollection c = new XYSeriesCollection(points);
        c.addSeries(diagonal);
        return c;
    }

    /** The points (true, predicted - true) and the zero line across the true values' range. */
    static XYSeriesCollection residuals(InsightData.Values v) {
        XYSeries points = new XYSeries("residuals", false, true);
        double[] r = v.residuals();
        for (int i = 0; i < r.length; i++) {
            points.add(v.truth()[i], r[i], false);
        }
        double[] range = range(v.truth(), v.truth());
        XYSeries zero = new XYSeries("zero", false, true);
        zero.add(range[0], 0, false);
        zero.add(range[1], 0, false);
        XYSeriesCollection c = new XYSeriesCollection(points);
        c.addSeries(zero);
        return c;
    }

    /** A scatter of the first series with the second drawn as a thin line. */
    static JFreeChart chart(XYSeriesCollection data, String x, String y) {
        JFreeChart chart = ChartFactory.createScatterPlot(null, x, y, data, PlotOrientation.VERTICAL, false, false,
                false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xe6, 0xea, 0xef));
        plot.setRangeGridlinePaint(new Color(0xe6, 0xea, 0xef));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        r.setSeriesPaint(0, POINTS);
        r.setSeriesLinesVisible(1, true);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, LINE);
        r.setSeriesStroke(1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 3f}, 0f));
        plot.setRenderer(r);
        return org.netwright.app.theme.ChartColors.follow(chart);
    }

    private static double[] range(double[] a, double[] b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] values : new double[][] {a, b}) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }
}
