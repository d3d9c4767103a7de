package org.netwright.runner.compile;

/** The textbook equations of the graph layers in plain Java loops, one graph at a time, to check the NDArray code against. */
final class GraphReference {
    private GraphReference() {
    }

    /** H' = D^-1/2 (A+I) D^-1/2 H W + b (without I when {@code selfLoops} is false). */
    static double[][] gcn(double[][] h, double[][] a, double[][] w, double[] b, boolean selfLoops) {
        int n = h.length;
        double[][] ahat = new double[n][n];
        double[] degree = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ahat[i][j] = a[i][j] + (selfLoops && i == j ? 1 : 0);
                degree[i] += ahat[i][j];
            }
        }
        double[][] hw = matMul(h, w);
        double[][] out = new double[n][w[0].length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (ahat[i][j] == 0) {
                    continue;
                }
                double norm = ahat[i][j] / Math.sqrt(degree[i] * degree[j]);
                for (int u = 0; u < out[i].length; u++) {
                    out[i][u] += norm * hw[j][u];
                }
            }
            addBias(out[i], b);
        }
        return out;
    }

    /**
     * GAT: per head k, z = H W_k, e_ij = LeakyReLU(attI_k·z_i + attJ_k·z_j) for (A+I)_ij ≠ 0, α = softmax_j(e),
     * out_i = Σ_j α_ij z_j; heads concatenated (head 0 first) or averaged, then + b. W is F×(heads·units), head-major.
     */
    static double[][] gat(double[][] h, double[][] a, double[][] w, double[][] attI, double[][] attJ, double[] b,
                          int heads, int units, boolean concat, double slope) {
        int n = h.length;
        double[][] z = matMul(h, w);
        double[][] out = new double[n][concat ? heads * units : units];
        for (int k = 0; k < heads; k++) {
            for (int i = 0; i < n; i++) {
                double[] e = new double[n];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (a[i][j] == 0 && i != j) {
                        e[j] = Double.NEGATIVE_INFINITY;
                        continue;
                    }
                    double s = 0;
                    for (int u = 0; u < units; u++) {
                        s += attI[k][u] * z[i][k * units + u] + attJ[k][u] * z[j][k * units + u];
                    }
                    e[j] = s > 0 ? s : slope * s;
                    max = Math.max(max, e[j]);
                }
                double total = 0;
                for (int j = 0; j < n; j++) {
                    e[j] = Math.exp(e[j] - max);
                    total += e[j];
                }
                for (int j = 0; j < n; j++) {
                    double alpha = e[j] / total;
                    for (int u = 0; u < units; u++) {
                        double v = alpha * z[j][k * units + u];
                        if (concat) {
                            out[i][k * units + u] += v;
                        } else {
                            out[i][u] += v / heads;
                        }
                    }
                }
            }
        }
        for (double[] row : out) {
            addBias(row, b);
        }
        return out;
    }

    /** h_i' = act(W_self h_i + AGG_{j: A_ij ≠ 0} W_msg h_j + b); a node without neighbours aggregates 0. */
    static double[][] messagePassing(double[][] h, double[][] a, double[][] wSelf, double[][] wMsg, double[] b,
                                     String aggregation, String activation) {
        int n = h.length;
        double[][] self = matMul(h, wSelf);
        double[][] msg = matMul(h, wMsg);
        int units = self[0].length;
        double[][] out = new double[n][units];
        for (int i = 0; i < n; i++) {
            for (int u = 0; u < units; u++) {
                double agg = aggregation.equals("max") ? Double.NEGATIVE_INFINITY : 0;
                int count = 0;
                for (int j = 0; j < n; j++) {
                    if (a[i][j] != 0) {
                        count++;
                        agg = aggregation.equals("max") ? Math.max(agg, msg[j][u]) : agg + msg[j][u];
                    }
                }
                if (count == 0) {
                    agg = 0;
                } else if (aggregation.equals("mean")) {
                    agg /= count;
                }
                double v = self[i][u] + agg + (b == null ? 0 : b[u]);
                out[i][u] = switch (activation) {
                    case "relu" -> Math.max(0, v);
                    case "tanh" -> Math.tanh(v);
                    default -> v;
                };
            }
        }
        return out;
    }

    static double[][] matMul(double[][] x, double[][] w) {
        double[][] out = new double[x.length][w[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < w.length; k++) {
                for (int j = 0; j < w[0].length; j++) {
                    out[i][j] += x[i][k] * w[k][j];
                }
            }
        }
        return out;
    }

    private static void addBias(double[] row, double[] b) {
        if (b != null) {
            for (int u = 0; u < row.length; u++) {
                row[u] += b[u];
            }
        }
    }

    /** Rows of a row-major float array. */
    static double[][] rows(float[] flat, int offset, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = flat[offset + i * cols + j];
            }
        }
        return out;
    }
}
