package org.netwright.runner.compile;

/** Plain-Java scaled dot-product and multi-head attention in double precision, for checking the runner's blocks. */
final class AttentionReference {
    private AttentionReference() {
    }

    /** The output (T_q×d_v) and the attention weights (T_q×T_k) of one attention. */
    record Result(double[][] out, double[][] weights) {
    }

    /**
     * softmax(Q·Kᵀ/√d_k)·V where query i sees key j only if {@code keep[j]} and, when causal, j ≤ i;
     * {@code keep} null keeps every key.
     */
    static Result attend(double[][] q, double[][] k, double[][] v, boolean causal, boolean[] keep) {
        int tq = q.length;
        int tk = k.length;
        double[][] w = new double[tq][tk];
        double[][] out = new double[tq][v[0].length];
        for (int i = 0; i < tq; i++) {
            double max = Double.NEGATIVE_INFINITY;
            boolean[] allowed = new boolean[tk];
            for (int j = 0; j < tk; j++) {
                allowed[j] = (!causal || j <= i) && (keep == null || keep[j]);
                double s = 0;
                for (int c = 0; c < q[i].length; c++) {
                    s += q[i][c] * k[j][c];
                }
                w[i][j] = s / Math.sqrt(q[i].length);
                if (allowed[j]) {
                    max = Math.max(max, w[i][j]);
                }
            }
            double sum = 0;
            for (int j = 0; j < tk; j++) {
                w[i][j] = allowed[j] ? Math.exp(w[i][j] - max) : 0;
                sum += w[i][j];
            }
            for (int j = 0; j < tk; j++) {
                w[i][j] /= sum;
                for (int c = 0; c < v[0].length; c++) {
                    out[i][c] += w[i][j] * v[j][c];
                }
            }
        }
        return new Result(out, w);
    }

    /** x·Wᵀ + b with W row-major (out × in), as a Linear layer stores it. */
    static double[][] linear(double[][] x, float[] weight, float[] bias) {
        int outs = bias.length;
        int ins = x[0].length;
        double[][] y = new double[x.length][outs];
        for (int t = 0; t < x.length; t++) {
            for (int o = 0; o < outs; o++) {
                double s = bias[o];
                for (int c = 0; c < ins; c++) {
                    s += x[t][c] * weight[o * ins + c];
                }
                y[t][o] = s;
            }
        }
        return y;
    }

    /** Columns from..from+width of every row. */
    static double[][] columns(double[][] x, int from, int width) {
        double[][] y = new double[x.length][width];
        for (int t = 0; t < x.length; t++) {
            System.arraycopy(x[t], from, y[t], 0, width);
        }
        return y;
    }

    /** Sample s of a B×T×F array given flat, as T×F. */
    static double[][] sample(float[] flat, int s, int steps, int width) {
        double[][] y = new double[steps][width];
        for (int t = 0; t < steps; t++) {
            for (int c = 0; c < width; c++) {
                y[t][c] = flat[(s * steps + t) * width + c];
            }
        }
        return y;
    }
}
