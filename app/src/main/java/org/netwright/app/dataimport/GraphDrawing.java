package org.netwright.app.dataimport;

import java.util.List;
import java.util.Random;

/**
 * Places a small graph's nodes for a preview: a seeded force-directed layout (Fruchterman and Reingold: joined nodes
 * pull, all nodes push apart, the moves cool down), scaled into the unit square. The same graph always looks the same.
 */
final class GraphDrawing {
    private static final int ROUNDS = 200;

    private GraphDrawing() {
    }

    /** Positions {x[], y[]} in [0, 1] of {@code n} nodes joined by {@code edges} (node index pairs). */
    static double[][] layout(int n, List<int[]> edges) {
        double[] x = new double[n];
        double[] y = new double[n];
        // Start on a circle with a little seeded jitter, so symmetric graphs still unfold.
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / Math.max(1, n);
            x[i] = Math.cos(a) + 0.01 * random.nextGaussian();
            y[i] = Math.sin(a) + 0.01 * random.nextGaussian();
        }
        double k = Math.sqrt(4.0 / Math.max(1, n));
        double temperature = 0.2;
        for (int round = 0; round < ROUNDS && n > 1; round++) {
            double[] dx = new double[n];
            double[] dy = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double ex = x[i] - x[j];
                    double ey = y[i] - y[j];
                    double d2 = Math.max(1e-6, ex * ex + ey * ey);
                    double push = k * k / d2;
                    dx[i] += ex * push;
                    dy[i] += ey * push;
                    dx[j] -= ex * push;
                    dy[j] -= ey * push;
                }
            }
            for (int[] e : edges) {
                double ex = x[e[0]] - x[e[1]];
                double ey = y[e[0]] - y[e[1]];
                double d = Math.max(1e-6, Math.sqrt(ex * ex + ey * ey));
                double pull = d / k;
                dx[e[0]] -= ex * pull;
                dy[e[0]] -= ey * pull;
                dx[e[1]] += ex * pull;
                dy[e[1]] += ey * pull;
            }
            for (int i = 0; i < n; i++) {
                double len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
                if (len > 0) {
                    double step = Math.min(len, temperature);
                    x[i] += dx[i] / len * step;
                    y[i] += dy[i] / len * step;
                }
            }
            temperature *= 0.98;
        }
        return unit(x, y);
    }

    /** Both coordinates scaled by one factor into [0, 1] and centred, so the drawing keeps its proportions. */
    private static double[][] unit(double[] x, double[] y) {
        double[] bx = bounds(x);
        double[] by = bounds(y);
        double range = Math.max(bx[1] - bx[0], by[1] - by[0]);
        double[] ox = new double[x.length];
        double[] oy = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            ox[i] = range > 0 ? 0.5 + (x[i] - (bx[0] + bx[1]) / 2) / range : 0.5;
            oy[i] = range > 0 ? 0.5 + (y[i] - (by[0] + by[1]) / 2) / range : 0.5;
        }
        return new double[][] {ox, oy};
    }

    private static double[] bounds(double[] v) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double d : v) {
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return new double[] {min, max};
    }
}
