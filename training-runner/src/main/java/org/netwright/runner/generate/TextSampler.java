package org.netwright.runner.generate;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.netwright.model.graph.Graph;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.NetworkEnds;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.LoadReport;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.templates.data.TextVocabulary;

/**
 * A trained causal character-level language model, ready to write text: the graph (one token input of T ids, one
 * output of T×V next-character scores) compiled on the CPU with a checkpoint's weights, and the vocabulary that maps
 * ids to characters. Close it to free the weights.
 */
public final class TextSampler implements AutoCloseable {
    private final NDManager manager;
    private final GraphBlock block;
    private final TextVocabulary vocabulary;
    private final int length;

    private TextSampler(Graph graph, byte[] checkpoint, TextVocabulary vocabulary) {
        NetworkEnds ends = NetworkEnds.of(graph);
        if (ends.inputs().size() != 1 || !ends.inputs().get(0).type().equals("token_input")) {
            throw new IllegalArgumentException("Text is written by a network with one token input; this one has "
                    + ends.inputs().size() + " input(s).");
        }
        if (ends.outputs().size() != 1) {
            throw new IllegalArgumentException("Text is written by a network with one output; this one has "
                    + ends.outputs().size() + ".");
        }
        Shape in = ends.inputs().get(0).shape();
        Shape out = ends.outputs().get(0).shape();
        this.length = Math.toIntExact(in.dim(0));
        if (!out.equals(Shape.of(length, vocabulary.size()))) {
            throw new IllegalArgumentException("The output layer '" + ends.outputs().get(0).nodeId() + "' gives "
                    + out.describe() + "; writing text with a vocabulary of " + vocabulary.size() + " needs "
                    + length + "×" + vocabulary.size() + ".");
        }
        this.vocabulary = vocabulary;
        this.block = GraphCompiler.compile(graph, true);
        this.manager = NDManager.newBaseManager(Device.cpu());
        try {
            block.initialize(manager, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, length));
            LoadReport report = Checkpoints.load(block, checkpoint);
            if (!report.skipped().isEmpty()) {
                var first = report.skipped().entrySet().iterator().next();
                throw new IllegalArgumentException("The checkpoint does not fit the network: layer '" + first.getKey()
                        + "' is " + first.getValue() + ".");
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The language model {@code graph} with the weights of {@code checkpoint}, writing with {@code vocabulary}. */
    public static TextSampler open(Graph graph, byte[] checkpoint, TextVocabulary vocabulary) {
        return new TextSampler(graph, checkpoint, vocabulary);
    }

    /**
     * {@code count} characters that continue {@code prompt} (not repeated in the result). Each is the most likely
     * one when {@code temperature} is 0, else drawn from the scores divided by {@code temperature}, among the
     * {@code topK} best only when {@code topK > 0}; {@code seed} makes the draws repeatable. The model sees the last
     * T characters; a shorter context is padded at the end, which a causal model does not look at.
     */
    public String generate(String prompt, int count, double temperature, int topK, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("Ask for 0 or more characters; got " + count + ".");
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("The temperature is 0 (always the likeliest character) or more; got "
                    + temperature + ".");
        }
        Random random = new Random(seed);
        List<Integer> context = new ArrayList<>();
        for (int id : vocabulary.ids(prompt)) {
            context.add(id);
        }
        int[] written = new int[count];
        float[] window = new float[length];
        for (int i = 0; i < count; i++) {
            int from = Math.max(0, context.size() - length);
            int used = context.size() - from;
            java.util.Arrays.fill(window, 0);
            for (int t = 0; t < used; t++) {
                window[t] = context.get(from + t);
            }
            float[] scores = scores(window, Math.max(used, 1) - 1);
            int next = temperature == 0 ? argmax(scores) : draw(scores, temperature, topK, random);
            written[i] = next;
            context.add(next);
        }
        return vocabulary.text(written);
    }

    /** The next-character scores at position {@code at} of one window. */
    private float[] scores(float[] window, int at) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(window, new ai.djl.ndarray.types.Shape(1, length));
            NDArray out = block.forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow();
            return out.get(0, at).toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    private static int argmax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int draw(float[] scores, double temperature, int topK, Random random) {
        double cut = Double.NEGATIVE_INFINITY;
        if (topK > 0 && topK < scores.length) {
            float[] sorted = scores.clone();
            java.util.Arrays.sort(sorted);
            cut = sorted[sorted.length - topK];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            p[i] = scores[i] >= cut ? Math.exp((scores[i] - max) / temperature) : 0;
            sum += p[i];
        }
        double u = random.nextDouble() * sum;
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u < 0 && p[i] > 0) {
                return i;
            }
        }
        return argmax(scores);
    }

    @Override
    public void close() {
        manager.close();
    }
}
