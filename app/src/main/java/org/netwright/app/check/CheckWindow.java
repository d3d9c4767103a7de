package org.netwright.app.check;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.netwright.app.charts.ChartExport;

/**
 * The window of one quick check: its sentence, a bar while it runs, the curve (loss per step on the batch, or loss
 * against the learning rate on a logarithmic axis with the suggested rate marked), Cancel while it runs (closing the
 * window cancels too), Run Again, and for the range test "Use this rate".
 */
public final class CheckWindow extends Stage {
    private static final Color RAW = new Color(0x1a, 0x73, 0xe8, 0x55);
    private static final Color SMOOTH = new Color(0x1a, 0x73, 0xe8);
    private static final Color MARK = new Color(0xd9, 0x30, 0x25);
    private final CheckViewModel model;
    private final ChartViewer viewer = new ChartViewer(emptyChart());

    public CheckWindow(Window owner, List<String> stylesheets, CheckViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(model.kind().title());
        Label message = new Label();
        message.setId("check-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((o, was, is) -> {
            message.getStyleClass().remove("error");
            if (is) {
                message.getStyleClass().add("error");
            }
        });
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setId("check-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());

        viewer.setId("check-chart");
        viewer.setPrefSize(640, 360);
        ChartExport.install(viewer, model.kind() == CheckViewModel.Kind.OVERFIT ? "overfit-check" : "lr-range");
        VBox.setVgrow(viewer, Priority.ALWAYS);
        model.overfitProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewer.setChart(overfitChart(now));
            }
        });
        model.curveProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewer.setChart(rateChart(now));
            }
        });

        Button again = new Button("Run Again");
        again.setId("check-again");
        again.disableProperty().bind(model.runningProperty());
        again.setOnAction(e -> model.start());
        Button cancel = new Button("Cancel");
        cancel.setId("check-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Button close = new Button("Close");
        close.setId("check-close");
        close.setOnAction(e -> hide());
        // A check nobody can see any more is not worth its CPU: closing the window ends it.
        setOnHidden(e -> model.cancel());
        HBox buttons = new HBox(8);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        if (model.kind() == CheckViewModel.Kind.RATE) {
            Button use = new Button("Use this rate");
            use.setId("use-rate-button");
            use.disableProperty().bind(model.runningProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> model.curveProperty().get() == null || model.curveProperty().get().suggested().isEmpty(),
                    model.curveProperty())));
            use.setOnAction(e -> model.useSuggestedRate());
            buttons.getChildren().add(use);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        buttons.getChildren().addAll(gap, cancel, again, close);

        VBox root = new VBox(10, message, bar, viewer, buttons);
        root.setPadding(new Insets(14));
        Scene scene = new Scene(root, 700, 500);
        scene.getStylesheets().addAll(stylesheets);
        setScene(scene);
    }

    /** Shows the window and starts the check when none has run yet. */
    public void open() {
        show();
        toFront();
        if (!model.runningProperty().get() && model.overfitProperty().get() == null
                && model.curveProperty().get() == null) {
            model.start();
        }
    }

    /** The chart as it is now, for tests. */
    public JFreeChart chart() {
        return viewer.getChart();
    }

    private static JFreeChart emptyChart() {
        XYPlot plot = new XYPlot(new XYSeriesCollection(), new NumberAxis(), new NumberAxis("loss"),
                new XYLineAndShapeRenderer(true, false));
        return styled(new JFreeChart(plot));
    }

    /** The batch's loss after each step. */
    static JFreeChart overfitChart(CheckViewModel.Overfit o) {
        XYSeries s = new XYSeries("loss on the batch", false, true);
        for (int i = 0; i < o.losses().length; i++) {
            if (Double.isFinite(o.losses()[i])) {
                s.add(i + 1, o.losses()[i], false);
            }
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, o.healthy() ? SMOOTH : MARK);
        r.setSeriesStroke(0, new BasicStroke(1.6f));
        NumberAxis y = new org.netwright.app.charts.ReadableAxis("loss");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), new NumberAxis("step"), y, r);
        return styled(new JFreeChart(plot));
    }

    /** Loss and smoothed loss against the rate on a logarithmic axis, the suggested rate as a marked line. */
    static JFreeChart rateChart(CheckViewModel.RateCurve c) {
        XYSeries raw = new XYSeries("loss", false, true);
        XYSeries smooth = new XYSeries("smoothed loss", false, true);
        for (int i = 0; i < c.rates().length; i++) {
            double rate = c.rates()[i];
            if (!(rate > 0)) {
                continue;
            }
            if (Double.isFinite(c.losses()[i])) {
                raw.add(rate, c.losses()[i], false);
            }
            if (Double.isFinite(c.smoothed()[i])) {
                smooth.add(rate, c.smoothed()[i], false);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(raw);
        data.addSeries(smooth);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, RAW);
        r.setSeriesPaint(1, SMOOTH);
        r.setSeriesStroke(1, new BasicStroke(2f));
        LogAxis x = new LogAxis("learning rate (log scale)");
        x.setBase(10);
        x.setSmallestValue(1e-12);
        // Whole decades (10^-6, 10^-5, ...), not half ones.
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0, new java.text.DecimalFormat("0")));
        NumberAxis y = new org.netwright.app.charts.ReadableAxis("loss");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        c.suggested().ifPresent(rate -> {
            ValueMarker m = new ValueMarker(rate, MARK, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
            m.setLabel("suggested " + CheckViewModel.rateText(rate));
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            m.setLabelPaint(MARK);
            placeLabelInside(m, rate, c.rates());
            plot.addDomainMarker(m);
        });
        return styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /**
     * Puts the suggested rate's label inside the plot: a little below its top edge, and on the side of the line that
     * has room (left of it when the rate lies in the right half of the rates tried, on the log scale drawn).
     */
    static void placeLabelInside(ValueMarker m, double rate, double[] rates) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double r : rates) {
            if (r > 0) {
                lo = Math.min(lo, Math.log10(r));
                hi = Math.max(hi, Math.log10(r));
            }
        }
        boolean rightHalf = hi > lo && Math.log10(rate) > (lo + hi) / 2;
        m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(8, 6, 8, 6));
        m.setLabelAnchor(rightHalf ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(rightHalf ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
    }

    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xe6, 0xea, 0xef));
        plot.setRangeGridlinePaint(new Color(0xe6, 0xea, 0xef));
        return chart;
    }
}
