package org.netwright.runner.generate;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.netwright.model.graph.Graph;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Task;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.LoadReport;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;

/**
 * A trained causal language model, ready to write token sequences: one token input of T positions and one output
 * of T×V next-token scores. Each new token is drawn from the scores at the last filled position, over the last T
 * tokens, with a temperature and an optional top-k cut. Close it to free the weights.
 */
public final class TokenSampler implements AutoCloseable {
    private final NDManager manager;
    private final GraphBlock block;
    private final int length;
    private final int vocabulary;

    private TokenSampler(Graph graph, NetworkEnds.End input, NetworkEnds.End output, byte[] checkpoint) {
        this.length = Math.toIntExact(input.shape().dim(0));
        this.vocabulary = Math.toIntExact(output.shape().dim(1));
        this.block = GraphCompiler.compile(graph, List.of(output.ref()), List.of(output.nodeId()));
        this.manager = NDManager.newBaseManager(Device.cpu());
        try {
            block.initialize(manager, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(input.shape().withBatch(1)));
            LoadReport report = Checkpoints.load(block, checkpoint);
            if (!report.skipped().isEmpty()) {
                var first = report.skipped().entrySet().iterator().next();
                throw new IllegalArgumentException("The checkpoint does not fit the language model: layer '"
                        + first.getKey() + "' is " + first.getValue() + ".");
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Why {@code task} on {@code graph} is not a causal language model (one token input of T positions, one
     * output of T×V scores trained against token ids), or empty when it is one.
     */
    public static Optional<String> whyNot(Graph graph, Task task) {
        NetworkEnds ends = NetworkEnds.of(graph);
        if (!Task.PLAIN.equals(task.recipe()) || ends.inputs().size() != 1 || ends.outputs().size() != 1
                || task.objectives().size() != 1) {
            return Optional.of("a language model has one token input and one output of next-token scores");
        }
        NetworkEnds.End in = ends.inputs().get(0);
        NetworkEnds.End out = ends.outputs().get(0);
        if (!"token_input".equals(in.type()) || in.shape() == null || out.shape() == null || out.shape().rank() != 2
                || out.shape().dim(0) != in.shape().dim(0) || in.shape().rank() != 1) {
            return Optional.of("a language model reads T tokens and gives T×V next-token scores");
        }
        return Optional.empty();
    }

    /** The language model {@code task} trains on {@code graph}, with the weights of {@code checkpoint}. */
    public static TokenSampler open(Graph graph, Task task, byte[] checkpoint) {
        whyNot(graph, task).ifPresent(why -> {
            throw new IllegalArgumentException("This is not a causal language model: " + why + ".");
        });
        NetworkEnds ends = NetworkEnds.of(graph);
        return new TokenSampler(graph, ends.inputs().get(0), ends.outputs().get(0), checkpoint);
    }

    /** How many token ids the model knows (V). */
    public int vocabulary() {
        return vocabulary;
    }

    /** How many tokens the model reads at once (T). */
    public int contextLength() {
        return length;
    }

    /**
     * {@code count} token ids after {@code prompt}, the prompt included at the start; each drawn from the softmax of
     * the scores divided by {@code temperature}, among the {@code topK} best (0 keeps all), with {@code random}.
     */
    public int[] generate(int[] prompt, int count, double temperature, int topK, Random random) {
        if (prompt.length == 0 || !(temperature > 0) || topK < 0) {
            throw new IllegalArgumentException("Generation needs a prompt of at least one token, a temperature above"
                    + " 0 and a top-k of 0 or more.");
        }
        int[] tokens = Arrays.copyOf(prompt, prompt.length + count);
        for (int n = prompt.length; n < tokens.length; n++) {
            int from = Math.max(0, n - length);
            float[] window = new float[length];
            for (int i = from; i < n; i++) {
                window[i - from] = tokens[i];
            }
            float[] scores = scores(window, n - from - 1);
            tokens[n] = draw(scores, temperature, topK, random);
        }
        return tokens;
    }

    /** The scores at {@code position} for one window of token ids (later positions hold 0; a causal model ignores them). */
    private float[] scores(float[] window, int position) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(window, new ai.djl.ndarray.types.Shape(1, length));
            NDArray out = block.forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow();
            return out.get(0, position).toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    /** One index drawn from softmax(scores / temperature) restricted to the {@code topK} largest scores. */
    static int draw(float[] scores, double temperature, int topK, Random random) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        int keep = topK == 0 ? scores.length : Math.min(topK, scores.length);
        double max = scores[order[0]];
        double[] weights = new double[keep];
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            weights[i] = Math.exp((scores[order[i]] - max) / temperature);
            sum += weights[i];
        }
        double u = random.nextDouble() * sum;
        for (int i = 0; i < keep; i++) {
            u -= weights[i];
            if (u < 0) {
                return order[i];
            }
        }
        return order[keep - 1];
    }

    @Override
    public void close() {
        manager.close();
    }
}
