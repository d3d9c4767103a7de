package org.netwright.app.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeriesCollection;

/** The live loss chart: training loss per step and validation loss per epoch, against epochs. */
final class LossChart {
    private static final Color TRAIN = new Color(0x1a, 0x73, 0xe8);
    private static final Color VALIDATION = new Color(0xe6, 0x51, 0x00);
    private static final Color GRID = new Color(0xe6, 0xea, 0xef);
    private static final Color WARNING = new Color(0xc2, 0x41, 0x0c);
    private static final Color TEXT = new Color(0x1f, 0x29, 0x33);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private static final String IDLE = "Press Train: the loss appears here as the network learns.";
    private static final String STARTING = "Starting: loading the network and its data. The first points follow in a few seconds.";

    private LossChart() {
    }

    /** A warning's marker: a dashed line at its epoch, labelled at the top. */
    static org.jfree.chart.plot.ValueMarker marker(WarningMarker w) {
        org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(w.epoch(), WARNING,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        m.setLabel("\u26a0 " + w.label());
        m.setLabelFont(TICK);
        m.setLabelPaint(WARNING);
        m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
        return m;
    }

    /**
     * A viewer (CSS id {@code loss-chart}) that redraws whenever the series change; while a run is
     * known, the x axis spans all its epochs, so the curve grows to the right instead of rescaling.
     */
    static ChartViewer create(XYSeriesCollection data, ReadOnlyIntegerProperty epochs, ObservableBooleanValue running) {
        return create(data, epochs, running, javafx.collections.FXCollections.observableArrayList());
    }

    /**
     * As above, with a dashed orange marker and its label at each epoch that raised health warnings (vanishing or
     * exploding gradients, dead ReLUs, overfitting), following {@code warnings}.
     */
    static ChartViewer create(XYSeriesCollection data, ReadOnlyIntegerProperty epochs, ObservableBooleanValue running,
                              javafx.collections.ObservableList<WarningMarker> warnings) {
        JFreeChart chart = ChartFactory.createXYLineChart(null, "epoch", "loss", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setNoDataMessage(IDLE);
        // Starting a run takes seconds (a JVM and PyTorch load): say so instead of "Press Train".
        running.addListener((o, was, now) -> plot.setNoDataMessage(now ? STARTING : IDLE));
        plot.setNoDataMessageFont(LABEL);
        plot.setNoDataMessagePaint(new Color(0x5b, 0x66, 0x73));

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, TRAIN);
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        renderer.setSeriesPaint(1, VALIDATION);
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        // Validation has one point per epoch: markers make a short run's few points visible.
        renderer.setSeriesShapesVisible(1, true);
        plot.setRenderer(renderer);

        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // A handful of loss labels at any height (the taller chart labelled every 0.1).
        NumberAxis y = org.netwright.app.charts.ReadableAxis.onRange(plot);
        y.setAutoRangeIncludesZero(true);
        for (NumberAxis axis : new NumberAxis[] {x, y}) {
            axis.setLabelFont(LABEL);
            axis.setTickLabelFont(TICK);
            axis.setLabelPaint(TEXT);
            axis.setTickLabelPaint(TEXT);
            axis.setAxisLinePaint(GRID);
        }
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(LABEL);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 4, 2, 18));

        epochs.addListener((o, was, now) -> {
            if (now.intValue() > 0) {
                x.setRange(0, now.intValue());
            } else {
                x.setAutoRange(true);
            }
        });

        warnings.addListener((javafx.collections.ListChangeListener<WarningMarker>) change -> {
            plot.clearDomainMarkers();
            for (WarningMarker w : warnings) {
                plot.addDomainMarker(marker(w));
            }
        });

        // Backgrounds, grid and axes in the app's theme, following it when it changes.
        org.netwright.app.theme.ChartColors.follow(chart);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("loss-chart");
        return viewer;
    }

    /**
     * Keeps {@code curve} (the training loss) drawn for {@code viewer}: one bucket per pixel of the plot's width, the
     * x range in view (zooming in shows the points there), and a refresh at most every 100 ms while the curve changes,
     * so a million points cost a few thousand drawn ones.
     */
    static void pace(ChartViewer viewer, org.netwright.app.charts.DecimatedSeries curve) {
        XYPlot plot = viewer.getChart().getXYPlot();
        viewer.widthProperty().addListener((o, was, now) -> curve.setBuckets((int) Math.max(100, now.doubleValue())));
        plot.getDomainAxis().addChangeListener(e -> {
            var axis = plot.getDomainAxis();
            // An automatic range follows the data: decimate the whole curve; a zoom shows its own part.
            if (axis.isAutoRange()) {
                curve.setRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            } else {
                curve.setRange(axis.getLowerBound(), axis.getUpperBound());
            }
        });
        javafx.animation.Timeline tick = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(100), e -> curve.refreshIfDue(System.nanoTime())));
        tick.setCycleCount(javafx.animation.Animation.INDEFINITE);
        // Ticks only while the chart is in a window.
        viewer.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                tick.stop();
            } else {
                tick.play();
            }
        });
        if (viewer.getScene() != null) {
            tick.play();
        }
    }
}
