package org.netwright.runner.compile;

/**
 * Plain-Java RNN, LSTM and GRU with PyTorch's gate order and equations, in double precision, for
 * checking the runner's layers. Weights are row-major: W_ih (gates·H × F), W_hh (gates·H × H).
 */
final class RecurrentReference {
    private RecurrentReference() {
    }

    /** One direction's weights as PyTorch lays them out. */
    record Weights(float[] wih, float[] whh, float[] bih, float[] bhh, int hidden) {
    }

    /** Runs one direction over x (T×F) and returns the hidden state at every step (T×H). */
    static double[][] run(String kind, Weights w, double[][] x) {
        int h = w.hidden();
        int gates = switch (kind) {
            case "lstm" -> 4;
            case "gru" -> 3;
            default -> 1;
        };
        double[] state = new double[h];
        double[] cell = new double[h];
        double[][] out = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            double[] gi = affine(w.wih(), w.bih(), x[t], gates * h);
            double[] gh = affine(w.whh(), w.bhh(), state, gates * h);
            double[] next = new double[h];
            for (int j = 0; j < h; j++) {
                switch (kind) {
                    case "lstm" -> {
                        // Chunks i, f, g, o.
                        double i = sigmoid(gi[j] + gh[j]);
                        double f = sigmoid(gi[h + j] + gh[h + j]);
                        double g = Math.tanh(gi[2 * h + j] + gh[2 * h + j]);
                        double o = sigmoid(gi[3 * h + j] + gh[3 * h + j]);
                        cell[j] = f * cell[j] + i * g;
                        next[j] = o * Math.tanh(cell[j]);
                    }
                    case "gru" -> {
                        // Chunks r, z, n; the reset gate scales the recurrent part of n, bias included.
                        double r = sigmoid(gi[j] + gh[j]);
                        double z = sigmoid(gi[h + j] + gh[h + j]);
                        double n = Math.tanh(gi[2 * h + j] + r * gh[2 * h + j]);
                        next[j] = (1 - z) * n + z * state[j];
                    }
                    case "rnn_relu" -> next[j] = Math.max(0, gi[j] + gh[j]);
                    default -> next[j] = Math.tanh(gi[j] + gh[j]);
                }
            }
            state = next;
            out[t] = next;
        }
        return out;
    }

    private static double[] affine(float[] w, float[] b, double[] x, int rows) {
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = b[r];
            for (int c = 0; c < x.length; c++) {
                s += w[r * x.length + c] * x[c];
            }
            y[r] = s;
        }
        return y;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
