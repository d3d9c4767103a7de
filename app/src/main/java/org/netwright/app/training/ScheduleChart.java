package org.netwright.app.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** The small chart of the learning-rate schedule against epochs, in the loss chart's colours and fonts. */
final class ScheduleChart {
    private static final Color LINE = new Color(0x1a, 0x73, 0xe8);
    private static final Color GRID = new Color(0xe6, 0xea, 0xef);
    private static final Color TEXT = new Color(0x1f, 0x29, 0x33);
    private static final Color ERROR = new Color(0xc6, 0x28, 0x28);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private ScheduleChart() {
    }

    /** A viewer (CSS id {@code schedule-chart}); a refused spec leaves it empty with the parser's message inside. */
    static ChartViewer create(SchedulePreview preview) {
        JFreeChart chart = ChartFactory.createXYLineChart(null, "epoch", "learning rate", preview.data(),
                PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setNoDataMessageFont(LABEL);
        plot.setNoDataMessagePaint(ERROR);
        plot.setNoDataMessage(preview.noteProperty().get());
        preview.noteProperty().addListener((o, was, now) -> plot.setNoDataMessage(now));

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, LINE);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(renderer);

        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        // From 0, so a decay looks as large as it is.
        y.setAutoRangeIncludesZero(true);
        for (NumberAxis axis : new NumberAxis[] {x, y}) {
            axis.setLabelFont(LABEL);
            axis.setTickLabelFont(TICK);
            axis.setLabelPaint(TEXT);
            axis.setTickLabelPaint(TEXT);
            axis.setAxisLinePaint(GRID);
        }
        // Backgrounds, grid and axes in the app's theme, following it when it changes.
        org.netwright.app.theme.ChartColors.follow(chart);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("schedule-chart");
        return viewer;
    }
}
