package org.netwright.app.theme;

import java.awt.Color;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/**
 * The colours of our charts' frame (backgrounds, grid, axes, legend) in the current theme; a chart styled here is
 * styled again whenever the theme changes. The series keep their own colours, chosen to read on both.
 */
public final class ChartColors {
    private static final Color LIGHT_BACKGROUND = Color.WHITE;
    private static final Color LIGHT_GRID = new Color(0xe6, 0xea, 0xef);
    private static final Color LIGHT_TEXT = new Color(0x33, 0x40, 0x4d);
    private static final Color DARK_BACKGROUND = new Color(0x0d, 0x11, 0x17);
    private static final Color DARK_GRID = new Color(0x30, 0x36, 0x3d);
    private static final Color DARK_TEXT = new Color(0xc9, 0xd1, 0xd9);
    private static final Set<JFreeChart> STYLED = Collections.newSetFromMap(new WeakHashMap<>());

    static {
        Themes.darkProperty().addListener((o, was, now) -> {
            for (JFreeChart chart : STYLED.toArray(new JFreeChart[0])) {
                paint(chart, now);
            }
        });
    }

    private ChartColors() {
    }

    /** Paints {@code chart}'s frame for the current theme and keeps it following the theme; returns it. */
    public static JFreeChart follow(JFreeChart chart) {
        STYLED.add(chart);
        paint(chart, Themes.isDark());
        return chart;
    }

    /** The text colour of charts in the current theme (for labels a chart draws itself). */
    public static Color text() {
        return Themes.isDark() ? DARK_TEXT : LIGHT_TEXT;
    }

    private static void paint(JFreeChart chart, boolean dark) {
        Color background = dark ? DARK_BACKGROUND : LIGHT_BACKGROUND;
        Color grid = dark ? DARK_GRID : LIGHT_GRID;
        Color text = dark ? DARK_TEXT : LIGHT_TEXT;
        chart.setBackgroundPaint(background);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(background);
        plot.setNoDataMessagePaint(text);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i), text, grid);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i), text, grid);
            }
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setBackgroundPaint(background);
                legend.setItemPaint(text);
            }
        }
    }

    private static void axis(Axis axis, Color text, Color line) {
        if (axis == null) {
            return;
        }
        axis.setLabelPaint(text);
        axis.setTickLabelPaint(text);
        axis.setAxisLinePaint(line);
        axis.setTickMarkPaint(line);
    }
}
