package org.netwright.app.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * How long one drawing of the loss chart takes with a million training-loss points, every point against the decimated
 * series the app draws. Run by hand; it prints figures and asserts nothing:
 * {@code mvn -B test -pl app -am -Dtest=LossChartDecimationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (it is a JUnit class so Maven can run it; its name leaves it out of the default test pattern).
 */
class LossChartDecimationBenchmark {
    private static final int POINTS = 1_000_000;
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 400;

    @org.junit.jupiter.api.Test
    void drawAMillionPoints() {
        Random r = new Random(1);
        DecimatedSeries curve = new DecimatedSeries("train loss");
        XYSeries raw = new XYSeries("train loss", false, true);
        for (int i = 0; i < POINTS; i++) {
            double x = i / 10_000.0;
            double y = 2 * Math.exp(-i / 200_000.0) + 0.1 * Math.abs(r.nextGaussian());
            curve.add(x, y);
            raw.add(x, y, false);
        }
        double rawMs = median(() -> draw(raw), 3);
        long t0 = System.nanoTime();
        curve.setBuckets(WIDTH);
        curve.refresh();
        double decimateMs = (System.nanoTime() - t0) / 1e6;
        double shownMs = median(() -> draw(curve.shown()), 5);
        System.out.printf(Locale.ROOT, "loss chart, %,d points, %dx%d px: every point %.0f ms a drawing; decimated"
                        + " to %,d points %.1f ms (+ %.1f ms to decimate)%n", POINTS, WIDTH, HEIGHT, rawMs,
                curve.shown().getItemCount(), shownMs, decimateMs);
    }

    private static void draw(XYSeries series) {
        XYSeriesCollection data = new XYSeriesCollection(series);
        JFreeChart chart = ChartFactory.createXYLineChart(null, "epoch", "loss", data, PlotOrientation.VERTICAL, true,
                false, false);
        chart.setAntiAlias(true);
        chart.getXYPlot().setRenderer(new XYLineAndShapeRenderer(true, false));
        chart.getXYPlot().getRenderer().setSeriesPaint(0, new Color(0x1a, 0x73, 0xe8));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        g.dispose();
    }

    private static double median(Runnable r, int times) {
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[times / 2];
    }
}
