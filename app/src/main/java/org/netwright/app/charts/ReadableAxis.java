package org.netwright.app.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A value axis that labels at most a handful of ticks: JFreeChart picks the smallest unit whose labels do not
 * overlap, which on a tall chart means a label every 0.02 (33 of them); this one widens the unit until the ticks are
 * at least {@link #MIN_GAP_PX} apart and no more than {@link #MAX_TICKS}.
 */
public final class ReadableAxis extends NumberAxis {
    /** The fewest pixels between two labelled ticks. */
    public static final double MIN_GAP_PX = 40;
    /** The most labelled ticks on one axis, however long it is. */
    public static final int MAX_TICKS = 8;

    /** An axis titled {@code label}. */
    public ReadableAxis(String label) {
        super(label);
    }

    /**
     * Puts a readable axis in place of {@code plot}'s range axis, keeping its title and whether its range includes 0;
     * returns the new axis.
     */
    public static ReadableAxis onRange(XYPlot plot) {
        NumberAxis old = (NumberAxis) plot.getRangeAxis();
        ReadableAxis axis = new ReadableAxis(old.getLabel());
        axis.setAutoRangeIncludesZero(old.getAutoRangeIncludesZero());
        plot.setRangeAxis(axis);
        return axis;
    }

    /** How many ticks an axis {@code lengthPx} long may label. */
    public static int maxTicks(double lengthPx) {
        return (int) Math.max(2, Math.min(MAX_TICKS, Math.floor(lengthPx / MIN_GAP_PX)));
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectAutoTickUnit(g2, dataArea, edge);
        double length = RectangleEdge.isLeftOrRight(edge) ? dataArea.getHeight() : dataArea.getWidth();
        double range = getRange().getLength();
        int most = maxTicks(length);
        if (range > 0 && range / getTickUnit().getSize() > most) {
            TickUnit wider = getStandardTickUnits().getCeilingTickUnit(range / most);
            if (wider instanceof NumberTickUnit unit) {
                setTickUnit(unit, false, false);
            }
        }
    }
}
