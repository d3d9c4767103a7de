package org.netwright.runner.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.netwright.model.shape.Shape;

/**
 * What a trained network's layers hold and make for a sample: a conv layer's feature maps and filters, the attention
 * map of one head, and the tokens whose embedding vectors are nearest to a token's.
 */
public final class Inspections {
    private Inspections() {
    }

    /** Values with their per-sample shape, row-major (e.g. feature maps channels×height×width). */
    public record Maps(Shape shape, float[] values) {
    }

    /** A token id and its vector's cosine similarity to the asked token's. */
    public record Neighbour(int token, double similarity) {
    }

    /** The feature maps layer {@code node} makes for one sample (its first output, channels×height×width for conv2d). */
    public static Maps featureMaps(TrainedNetwork net, float[] input, String node) {
        String port = net.block().portsOf(requireLayer(net, node)).get(0);
        return new Maps(net.portShape(port), net.portValues(input, port));
    }

    /** A conv layer's filters: its {@code weight}, filters×input channels×kernel height×kernel width. */
    public static Maps filters(TrainedNetwork net, String node) {
        long[] s = net.weightShape(requireLayer(net, node), "weight");
        int[] dims = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            dims[i] = Math.toIntExact(s[i]);
        }
        return new Maps(Shape.of(dims), net.weight(node, "weight"));
    }

    /**
     * The attention map of head {@code head} of attention layer {@code node} for one sample: T_q×T_k weights, row i
     * saying how much query step i takes from each key step (rows sum to 1).
     */
    public static Maps attention(TrainedNetwork net, float[] input, String node, int head) {
        requireLayer(net, node);
        String port = node + ".weights";
        if (!net.block().portsOf(node).contains(port)) {
            throw new IllegalArgumentException("The layer '" + node + "' (" + net.layerType(node) + ") has no attention"
                    + " weights; pick an attention layer.");
        }
        Shape s = net.portShape(port);
        float[] all = net.portValues(input, port);
        // Multi-head attention gives heads×T_q×T_k; single-head attention T_q×T_k.
        int heads = s.rank() == 3 ? s.dim(0) : 1;
        if (head < 0 || head >= heads) {
            throw new IllegalArgumentException("The layer '" + node + "' has " + heads + " head(s); the head must be"
                    + " from 0 to " + (heads - 1) + "; got " + head + ".");
        }
        int tq = s.dim(s.rank() - 2);
        int tk = s.dim(s.rank() - 1);
        float[] one = new float[tq * tk];
        System.arraycopy(all, head * tq * tk, one, 0, tq * tk);
        return new Maps(Shape.of(tq, tk), one);
    }

    /**
     * The {@code k} tokens whose vectors in embedding layer {@code node} are most like token {@code token}'s, by cosine
     * similarity, most similar first (the token itself left out).
     */
    public static List<Neighbour> nearestTokens(TrainedNetwork net, String node, int token, int k) {
        requireLayer(net, node);
        if (!net.layerType(node).equals("embedding")) {
            throw new IllegalArgumentException("The layer '" + node + "' is a " + net.layerType(node)
                    + ", not an embedding.");
        }
        long[] s = net.weightShape(node, "weight");
        int v = Math.toIntExact(s[0]);
        int d = Math.toIntExact(s[1]);
        if (token < 0 || token >= v) {
            throw new IllegalArgumentException("The token must be an id from 0 to " + (v - 1) + "; got " + token + ".");
        }
        float[] w = net.weight(node, "weight");
        double[] norms = new double[v];
        for (int i = 0; i < v; i++) {
            double n = 0;
            for (int j = 0; j < d; j++) {
                n += w[i * d + j] * (double) w[i * d + j];
            }
            norms[i] = Math.sqrt(n);
        }
        List<Neighbour> all = new ArrayList<>();
        for (int i = 0; i < v; i++) {
            if (i == token) {
                continue;
            }
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += w[i * d + j] * (double) w[token * d + j];
            }
            double denominator = norms[i] * norms[token];
            all.add(new Neighbour(i, denominator == 0 ? 0 : dot / denominator));
        }
        all.sort(Comparator.comparingDouble(Neighbour::similarity).reversed());
        return List.copyOf(all.subList(0, Math.min(Math.max(0, k), all.size())));
    }

    private static String requireLayer(TrainedNetwork net, String node) {
        net.layerType(node);
        return node;
    }
}
