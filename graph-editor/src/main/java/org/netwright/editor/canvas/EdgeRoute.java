package org.netwright.editor.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/**
 * An orthogonal route for an edge, from an output port on a card's right edge to an input port on a card's left
 * edge, that goes around the cards in its way: a forward edge turns once in the gap before its target when it can;
 * otherwise (a skip over cards, an edge back to the start of the next row) it runs along the free line nearest to
 * its ends. A pure function of the ends and the cards' bounds.
 */
final class EdgeRoute {
    /** How far an edge runs straight out of a port before it turns. */
    static final double STUB = 18;
    /** Room kept between an edge and a card it passes. */
    private static final double CLEARANCE = 10;

    private EdgeRoute() {
    }

    /** The corner points of the route from {@code from} to {@code to}, both ends included. */
    static List<Point2D> route(Point2D from, Point2D to, List<Bounds> allCards) {
        return route(from, to, new Cards(allCards));
    }

    /** As {@link #route(Point2D, Point2D, List)}, with the cards sorted once for all the edges routed among them. */
    static List<Point2D> route(Point2D from, Point2D to, Cards allCards) {
        // Only cards across the edge's horizontal span can be in its way; on a large canvas that is a few of them.
        double left = Math.min(from.getX(), to.getX()) - STUB - 1;
        double right = Math.max(from.getX(), to.getX()) + STUB + 1;
        List<Bounds> cards = allCards.across(left, right);
        if (to.getX() - from.getX() >= 2 * STUB) {
            if (Math.abs(to.getY() - from.getY()) < 0.5 && free(from, to, cards)) {
                return List.of(from, to);
            }
            // One turn, as late as possible: the vertical part sits in the gap before the target's column.
            for (double mx : new double[] {to.getX() - STUB, (from.getX() + to.getX()) / 2, from.getX() + STUB}) {
                Point2D a = new Point2D(mx, from.getY());
                Point2D b = new Point2D(mx, to.getY());
                if (free(from, a, cards) && free(a, b, cards) && free(b, to, cards)) {
                    return List.of(from, a, b, to);
                }
            }
        }
        double outX = from.getX() + STUB;
        double inX = to.getX() - STUB;
        for (double y : lanes(from, to, cards)) {
            Point2D a = new Point2D(outX, from.getY());
            Point2D b = new Point2D(outX, y);
            Point2D c = new Point2D(inX, y);
            Point2D d = new Point2D(inX, to.getY());
            if (free(a, b, cards) && free(b, c, cards) && free(c, d, cards)) {
                return List.of(from, a, b, c, d, to);
            }
        }
        // Nothing is free (cards stacked on each other): the plain three-part route.
        Point2D a = new Point2D(outX, from.getY());
        Point2D b = new Point2D(outX, (from.getY() + to.getY()) / 2);
        Point2D c = new Point2D(inX, (from.getY() + to.getY()) / 2);
        Point2D d = new Point2D(inX, to.getY());
        return List.of(from, a, b, c, d, to);
    }

    /** Heights the long run may take: the ends' own, then the gaps above and below cards, nearest the ends first. */
    private static List<Double> lanes(Point2D from, Point2D to, List<Bounds> cards) {
        List<Double> out = new ArrayList<>();
        double mid = (from.getY() + to.getY()) / 2;
        out.add(from.getY());
        out.add(to.getY());
        // Between a higher source and a lower target (a row wrapping to the next), the gap between them first.
        double[] gaps = new double[cards.size() * 2];
        int n = 0;
        for (Bounds b : cards) {
            gaps[n++] = b.getMinY() - CLEARANCE - 4;
            gaps[n++] = b.getMaxY() + CLEARANCE + 4;
        }
        // Sorted once, then taken outwards from the middle: nearest first, of two as near the higher first (the route
        // does not depend on the order the cards come in). Cards of a row share their gaps; each is tried once.
        java.util.Arrays.sort(gaps, 0, n);
        int above = 0;
        while (above < n && gaps[above] < mid) {
            above++;
        }
        int below = above - 1;
        double last = Double.NaN;
        while (below >= 0 || above < n) {
            boolean takeBelow = above >= n || (below >= 0 && mid - gaps[below] <= gaps[above] - mid);
            double gap = takeBelow ? gaps[below--] : gaps[above++];
            if (gap != last) {
                out.add(gap);
                last = gap;
            }
        }
        return out;
    }

    /** True when the axis-parallel segment from {@code a} to {@code b} touches no card (with clearance). */
    static boolean free(Point2D a, Point2D b, List<Bounds> cards) {
        double minX = Math.min(a.getX(), b.getX());
        double maxX = Math.max(a.getX(), b.getX());
        double minY = Math.min(a.getY(), b.getY());
        double maxY = Math.max(a.getY(), b.getY());
        for (Bounds c : cards) {
            // A segment that starts or ends on a card's edge (at a port) does not count as crossing it.
            if (maxX > c.getMinX() + 1 && minX < c.getMaxX() - 1 && maxY > c.getMinY() - CLEARANCE / 2
                    && minY < c.getMaxY() + CLEARANCE / 2) {
                return false;
            }
        }
        return true;
    }

    /**
     * Cards sorted by their left edge, so that those across an edge's horizontal span are found by a binary search:
     * routing the few hundred edges in view scanned a thousand cards for each.
     */
    static final class Cards {
        private final Bounds[] byLeft;
        private final double[] lefts;
        private final double widest;

        Cards(java.util.Collection<Bounds> cards) {
            byLeft = cards.toArray(Bounds[]::new);
            java.util.Arrays.sort(byLeft, java.util.Comparator.comparingDouble(Bounds::getMinX));
            lefts = new double[byLeft.length];
            double w = 0;
            for (int i = 0; i < byLeft.length; i++) {
                lefts[i] = byLeft[i].getMinX();
                w = Math.max(w, byLeft[i].getWidth());
            }
            widest = w;
        }

        /** The cards reaching into the open span from {@code left} to {@code right}, by left edge. */
        List<Bounds> across(double left, double right) {
            // A card reaches past left only when its left edge is within the widest card's width of it.
            List<Bounds> out = new ArrayList<>();
            for (int i = firstAbove(left - widest); i < byLeft.length && lefts[i] < right; i++) {
                if (byLeft[i].getMaxX() > left) {
                    out.add(byLeft[i]);
                }
            }
            return out;
        }

        /** The first index whose left edge is above {@code x}. */
        private int firstAbove(double x) {
            int lo = 0;
            int hi = lefts.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (lefts[mid] > x) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }

    /** A card's bounds on the canvas. */
    static Bounds card(double x, double y, double height) {
        return new BoundingBox(x, y, NodeGeometry.WIDTH, height);
    }
}
