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
 * its ends; when neither is free (a wire drawn back to a card left of its source, among others) it takes the shortest
 * route around the cards, found on the lines beside their sides. A pure function of the ends and the cards' bounds.
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
        // No route of those shapes is free (a wire drawn back past cards it must go around): search the lines along
        // the cards' sides for one.
        List<Point2D> around = around(from, to, allCards);
        if (around != null) {
            return around;
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

    /** Turning costs as much as this much more length: of two routes nearly as long, the one with fewer turns. */
    private static final double TURN = 60;
    /** The most cards {@link #around} searches among; more cards (only on a crowded canvas) get the plain route. */
    private static final int MOST_SEARCHED = 120;

    /**
     * The shortest route, with few turns, from {@code from} to {@code to} that crosses no card, on the lines that run
     * beside the cards' sides and through the ends; it leaves {@code from} to the right and enters {@code to} from the
     * left, as every route does. It keeps within a box around the ends, wider at a second try, so that only the cards
     * near the edge are searched. Null when no such route is found.
     */
    private static List<Point2D> around(Point2D from, Point2D to, Cards allCards) {
        double left = Math.min(from.getX(), to.getX()) - STUB;
        double right = Math.max(from.getX(), to.getX()) + STUB;
        double top = Math.min(from.getY(), to.getY());
        double bottom = Math.max(from.getY(), to.getY());
        for (double room : new double[] {NodeGeometry.WIDTH, 3 * NodeGeometry.WIDTH}) {
            double lo = left - room;
            double hi = right + room;
            double up = top - room;
            double down = bottom + room;
            List<Bounds> cards = new ArrayList<>();
            for (Bounds b : allCards.across(lo, hi)) {
                if (b.getMaxY() + CLEARANCE > up && b.getMinY() - CLEARANCE < down) {
                    cards.add(b);
                }
            }
            if (cards.size() > MOST_SEARCHED) {
                return null;
            }
            List<Point2D> found = search(from, to, cards, lo, hi, up, down);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Dijkstra over the crossings of the lines beside the cards, within the box; see {@link #around}. */
    private static List<Point2D> search(Point2D from, Point2D to, List<Bounds> cards, double lo, double hi, double up,
                                        double down) {
        double gap = CLEARANCE + 4;
        java.util.TreeSet<Double> xSet = new java.util.TreeSet<>(List.of(from.getX(), to.getX(), from.getX() + STUB,
                to.getX() - STUB, lo, hi));
        java.util.TreeSet<Double> ySet = new java.util.TreeSet<>(List.of(from.getY(), to.getY(), up, down));
        for (Bounds b : cards) {
            xSet.add(b.getMinX() - gap);
            xSet.add(b.getMaxX() + gap);
            ySet.add(b.getMinY() - gap);
            ySet.add(b.getMaxY() + gap);
            // Between two cards closer than that, the line down the middle of the gap.
            for (Bounds o : cards) {
                if (o.getMinX() > b.getMaxX() && o.getMinX() - b.getMaxX() < 2 * gap) {
                    xSet.add((o.getMinX() + b.getMaxX()) / 2);
                }
                if (o.getMinY() > b.getMaxY() && o.getMinY() - b.getMaxY() < 2 * gap) {
                    ySet.add((o.getMinY() + b.getMaxY()) / 2);
                }
            }
        }
        double[] xs = xSet.subSet(lo, true, hi, true).stream().mapToDouble(Double::doubleValue).toArray();
        double[] ys = ySet.subSet(up, true, down, true).stream().mapToDouble(Double::doubleValue).toArray();
        int nx = xs.length;
        int ny = ys.length;
        int start = java.util.Arrays.binarySearch(xs, from.getX()) * ny + java.util.Arrays.binarySearch(ys, from.getY());
        int end = java.util.Arrays.binarySearch(xs, to.getX()) * ny + java.util.Arrays.binarySearch(ys, to.getY());
        // A state is a crossing and whether the route arrived there along a row (0) or a column (1).
        double[] dist = new double[nx * ny * 2];
        int[] prev = new int[nx * ny * 2];
        java.util.Arrays.fill(dist, Double.MAX_VALUE);
        java.util.PriorityQueue<double[]> queue = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingDouble(q -> q[0]));
        dist[start * 2] = 0;
        prev[start * 2] = -1;
        queue.add(new double[] {0, start * 2});
        int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!queue.isEmpty()) {
            double[] head = queue.poll();
            int state = (int) head[1];
            if (head[0] > dist[state]) {
                continue;
            }
            int node = state / 2;
            if (node == end) {
                return path(prev, state, xs, ys, ny);
            }
            int i = node / ny;
            int j = node % ny;
            for (int[] step : steps) {
                // The route leaves its source's port to the right and enters its target's port from the left.
                if (node == start && step[0] != 1) {
                    continue;
                }
                int ni = i + step[0];
                int nj = j + step[1];
                if (ni < 0 || ni >= nx || nj < 0 || nj >= ny) {
                    continue;
                }
                int next = ni * ny + nj;
                if (next == end && step[0] != 1) {
                    continue;
                }
                Point2D a = new Point2D(xs[i], ys[j]);
                Point2D b = new Point2D(xs[ni], ys[nj]);
                // Away from the ports a route keeps clear of every card's sides too, not only of its inside; the run
                // straight out of a port or into one starts at its card's side.
                boolean atPort = a.getY() == b.getY() && ((a.getY() == from.getY() && Math.min(a.getX(), b.getX())
                        >= from.getX() && Math.max(a.getX(), b.getX()) <= from.getX() + STUB)
                        || (a.getY() == to.getY() && Math.min(a.getX(), b.getX()) >= to.getX() - STUB
                        && Math.max(a.getX(), b.getX()) <= to.getX()));
                if (!(atPort ? free(a, b, cards) : clear(a, b, cards))) {
                    continue;
                }
                int dir = step[0] != 0 ? 0 : 1;
                int nextState = next * 2 + dir;
                double cost = dist[state] + a.distance(b) + (state % 2 != dir && node != start ? TURN : 0);
                if (cost < dist[nextState]) {
                    dist[nextState] = cost;
                    prev[nextState] = state;
                    queue.add(new double[] {cost, nextState});
                }
            }
        }
        return null;
    }

    /** The corners of the route that ends in {@code state}, the ends included and straight runs joined. */
    private static List<Point2D> path(int[] prev, int state, double[] xs, double[] ys, int ny) {
        List<Point2D> points = new ArrayList<>();
        for (int s = state; s != -1; s = prev[s]) {
            int node = s / 2;
            points.add(0, new Point2D(xs[node / ny], ys[node % ny]));
        }
        List<Point2D> corners = new ArrayList<>();
        for (Point2D p : points) {
            int n = corners.size();
            if (n >= 2) {
                Point2D a = corners.get(n - 2);
                Point2D b = corners.get(n - 1);
                if ((a.getX() == b.getX() && b.getX() == p.getX()) || (a.getY() == b.getY() && b.getY() == p.getY())) {
                    corners.set(n - 1, p);
                    continue;
                }
            }
            corners.add(p);
        }
        return corners;
    }

    /** True when the axis-parallel segment keeps half the clearance away from every card on all sides. */
    private static boolean clear(Point2D a, Point2D b, List<Bounds> cards) {
        double minX = Math.min(a.getX(), b.getX());
        double maxX = Math.max(a.getX(), b.getX());
        double minY = Math.min(a.getY(), b.getY());
        double maxY = Math.max(a.getY(), b.getY());
        double margin = CLEARANCE / 2;
        for (Bounds c : cards) {
            if (maxX > c.getMinX() - margin && minX < c.getMaxX() + margin && maxY > c.getMinY() - margin
                    && minY < c.getMaxY() + margin) {
                return false;
            }
        }
        return true;
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
