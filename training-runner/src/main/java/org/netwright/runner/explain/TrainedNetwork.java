package org.netwright.runner.explain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.List;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Objective;
import org.netwright.model.task.Task;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.LoadReport;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;

/**
 * A trained network opened for looking inside: its graph compiled on the CPU with a checkpoint's weights, one input
 * layer and one output layer. Attributions are taken at its entry: the input values themselves, or for a token input
 * the vectors its embedding looks up (ids have no gradient). Close it to free the weights.
 */
public final class TrainedNetwork implements AutoCloseable {
    private final NDManager manager;
    private final GraphBlock block;
    private final NetworkEnds.End input;
    private final NetworkEnds.End output;
    private final boolean logits;
    /** The port whose values attributions are taken against: the input's own, or its embedding's output. */
    private final String entryPort;
    private final Shape entryShape;
    /** The graph with composites flattened, so layer ids are the compiled block's. */
    private final Graph flat;

    private TrainedNetwork(Graph graph, String outputNode, boolean lossTakesLogits, byte[] weights) {
        NetworkEnds ends = NetworkEnds.of(graph);
        List<NetworkEnds.End> inputs = ends.inputs();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("Looking inside a network needs exactly one input layer with one port;"
                    + " this one has " + inputs.size() + " (" + String.join(", ", inputs.stream().map(
                    NetworkEnds.End::ref).toList()) + ").");
        }
        this.input = inputs.get(0);
        this.output = ends.output(outputNode).orElseThrow(() -> new IllegalArgumentException("'" + outputNode
                + "' is not an output layer of the network."));
        boolean softmax = graph.require(outputNode).type().equals("softmax");
        this.logits = softmax || lossTakesLogits;
        this.block = GraphCompiler.compile(graph, List.of(output.ref()), softmax ? List.of(outputNode) : List.of());
        if (input.type().equals("token_input")) {
            List<Edge> fed = graph.edges().stream().filter(e -> e.from().nodeId().equals(input.nodeId())).toList();
            if (fed.size() != 1 || !graph.require(fed.get(0).to().nodeId()).type().equals("embedding")) {
                throw new IllegalArgumentException("The token input '" + input.nodeId() + "' must feed one embedding"
                        + " layer to be looked into: attributions are taken on the vectors it looks up.");
            }
            this.entryPort = fed.get(0).to().nodeId() + ".out";
        } else {
            this.entryPort = input.ref();
        }
        this.entryShape = block.portShape(entryPort);
        this.flat = org.netwright.model.graph.CompositeFlattening.flatten(graph);
        this.manager = NDManager.newBaseManager(Device.cpu());
        try {
            // Zeros, not random draws: the checkpoint overwrites every weight and the engine's random stream stays put.
            block.setInitializer(Initializer.ZEROS, p -> true);
            block.initialize(manager, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(input.shape().withBatch(1)));
            LoadReport report = Checkpoints.load(block, weights);
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

    /**
     * The network a run of {@code task} trained, scored at its first objective's output, with {@code weights} (a
     * checkpoint's tensors).
     */
    public static TrainedNetwork open(Graph graph, Task task, byte[] weights) {
        if (Task.GAN.equals(task.recipe())) {
            throw new IllegalArgumentException("A GAN's generator scores no input; look inside classifiers and"
                    + " regressors.");
        }
        if (task.objectives().isEmpty()) {
            throw new IllegalArgumentException("The run's task has no objective, so no output to explain.");
        }
        Objective o = task.objectives().get(0);
        return new TrainedNetwork(graph, o.output(), org.netwright.model.task.Losses.takesClassIds(o.lossName()),
                weights);
    }

    /** The network scored at output layer {@code outputNode}; {@code logits} when a loss read its values as logits. */
    public static TrainedNetwork open(Graph graph, String outputNode, boolean logits, byte[] weights) {
        return new TrainedNetwork(graph, outputNode, logits, weights);
    }

    /** The input layer: its id, type and per-sample shape. */
    public NetworkEnds.End input() {
        return input;
    }

    /** The output layer: its id, type and per-sample shape. */
    public NetworkEnds.End output() {
        return output;
    }

    /** True when the input is token ids (attributions are then taken on the embedding's vectors). */
    public boolean tokenInput() {
        return !entryPort.equals(input.ref());
    }

    /** The type of layer {@code node} (ids of layers inside composites are {@code block/inner}). */
    public String layerType(String node) {
        if (!flat.nodes().containsKey(node)) {
            throw new IllegalArgumentException("The network has no layer '" + node + "'; layers: "
                    + String.join(", ", block.nodeOrder()) + ".");
        }
        return flat.require(node).type();
    }

    /** The layer ids in the order the network runs them. */
    public List<String> layers() {
        return block.nodeOrder();
    }

    /** The compiled block, for reading a layer's weights or a port's shape. */
    public GraphBlock block() {
        return block;
    }

    /** True when the output's values are raw scores that a softmax turns into probabilities. */
    public boolean scoresAreLogits() {
        return logits;
    }

    /** The per-sample shape at the entry: the input's, or T×D of the embedding's vectors. */
    Shape entryShape() {
        return entryShape;
    }

    int inputSize() {
        return Math.toIntExact(input.shape().size());
    }

    int entrySize() {
        return Math.toIntExact(entryShape.size());
    }

    /** The output values of {@code count} samples laid one after another (logits when {@link #scoresAreLogits}). */
    public float[] scores(float[] inputs, int count) {
        try (NDManager scope = manager.newSubManager()) {
            return forward(scope, feed(scope, inputs, count), null).toFloatArray();
        }
    }

    /**
     * The output of {@code count} samples as the user reads it: class probabilities (a softmax of the scores when
     * they are logits), else the values themselves.
     */
    public float[] predictions(float[] inputs, int count) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray out = forward(scope, feed(scope, inputs, count), null);
            return (logits ? out.softmax(-1) : out).toFloatArray();
        }
    }

    /** The values one sample makes at {@code port} ("node.port"), e.g. a conv layer's feature maps. */
    public float[] portValues(float[] input, String port) {
        requirePort(port);
        try (NDManager scope = manager.newSubManager()) {
            NDArray[] seen = new NDArray[1];
            forward(scope, feed(scope, input, 1), (p, v) -> {
                if (p.equals(port)) {
                    seen[0] = v;
                }
                return v;
            });
            return seen[0].toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    /**
     * What each layer makes for {@code count} inputs laid one after another: the values at its first output port, by
     * layer id in the order the network runs them; input layers are left out (their values are the inputs).
     */
    public java.util.Map<String, float[]> layerOutputs(float[] inputs, int count) {
        java.util.Map<String, String> firstPort = new java.util.LinkedHashMap<>();
        for (String id : block.nodeOrder()) {
            List<String> ports = block.portsOf(id);
            if (!ports.isEmpty() && !layerType(id).endsWith("_input")) {
                firstPort.put(ports.get(0), id);
            }
        }
        java.util.Map<String, float[]> out = new java.util.LinkedHashMap<>();
        firstPort.values().forEach(id -> out.put(id, null));
        try (NDManager scope = manager.newSubManager()) {
            forward(scope, feed(scope, inputs, count), (p, v) -> {
                String id = firstPort.get(p);
                if (id != null) {
                    out.put(id, v.toType(DataType.FLOAT32, false).toFloatArray());
                }
                return v;
            });
        }
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    /** The per-sample shape of a port ("node.port"); refused when the network has no such port. */
    public Shape portShape(String port) {
        requirePort(port);
        return block.portShape(port);
    }

    private void requirePort(String port) {
        int dot = port.lastIndexOf('.');
        String node = dot < 0 ? port : port.substring(0, dot);
        if (!block.nodeOrder().contains(node) || !block.portsOf(node).contains(port)) {
            throw new IllegalArgumentException("The network has no layer output '" + port + "'; layers: "
                    + String.join(", ", block.nodeOrder()) + ".");
        }
    }

    /** A weight of a layer ({@code weight}, {@code bias}...) as its values and its shape. */
    public float[] weight(String node, String name) {
        return parameter(node, name).getArray().toFloatArray();
    }

    /** The shape of a layer's weight, e.g. filters×channels×kh×kw of a conv layer's {@code weight}. */
    public long[] weightShape(String node, String name) {
        return parameter(node, name).getArray().getShape().getShape();
    }

    private Parameter parameter(String node, String name) {
        Block child = block.weightedNodes().get(node);
        if (child == null) {
            throw new IllegalArgumentException("The layer '" + node + "' has no weights.");
        }
        for (var p : child.getParameters()) {
            if (p.getValue().getName().equals(name)) {
                return p.getValue();
            }
        }
        throw new IllegalArgumentException("The layer '" + node + "' has no weight named '" + name + "'.");
    }

    /** One sample's values at the entry (the input itself, or its embedding's vectors). */
    float[] entryValues(float[] input) {
        if (!tokenInput()) {
            return input.clone();
        }
        return portValues(input, entryPort);
    }

    /**
     * The gradient of output {@code index}'s value with respect to the entry, for {@code count} entry values laid one
     * after another (all of one input sample {@code input} for a token input, whose ids stay the same); the scores
     * themselves go to {@code scores} when it is not null.
     */
    float[] entryGradients(float[] input, float[] entries, int count, int index, float[] scores) {
        try (NDManager scope = manager.newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray leaf = scope.create(entries, new ai.djl.ndarray.types.Shape(entryShape.withBatch(count)));
            leaf.setRequiresGradient(true);
            NDArray out;
            if (tokenInput()) {
                float[] ids = new float[count * inputSize()];
                for (int i = 0; i < count; i++) {
                    System.arraycopy(input, 0, ids, i * inputSize(), inputSize());
                }
                out = forward(scope, feed(scope, ids, count), (p, v) -> p.equals(entryPort) ? leaf : v);
            } else {
                out = forward(scope, leaf, null);
            }
            NDArray score = out.reshape(count, -1).get(":, " + index);
            if (scores != null) {
                System.arraycopy(score.toFloatArray(), 0, scores, 0, count);
            }
            collector.backward(score.sum());
            return leaf.getGradient().toFloatArray();
        }
    }

    /**
     * One sample's values at {@code port} and the gradient of output {@code index}'s value with respect to them, as
     * two arrays; the port's value is made a leaf there, so the gradient stops at it (Grad-CAM).
     */
    float[][] portGradient(float[] input, String port, int index) {
        requirePort(port);
        try (NDManager scope = manager.newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray[] leaf = new NDArray[1];
            NDArray out = forward(scope, feed(scope, input, 1), (p, v) -> {
                if (!p.equals(port)) {
                    return v;
                }
                NDArray a = v.stopGradient();
                a.setRequiresGradient(true);
                leaf[0] = a;
                return a;
            });
            collector.backward(out.reshape(1, -1).get(":, " + index).sum());
            return new float[][] {leaf[0].toFloatArray(), leaf[0].getGradient().toFloatArray()};
        }
    }

    private NDArray feed(NDManager scope, float[] inputs, int count) {
        if (inputs.length != (long) count * inputSize()) {
            throw new IllegalArgumentException("The input layer '" + input.nodeId() + "' takes " + input.shape()
                    .describe() + " per sample (" + inputSize() + " values); got " + inputs.length + " values for "
                    + count + " sample(s).");
        }
        return scope.create(inputs, new ai.djl.ndarray.types.Shape(input.shape().withBatch(count)));
    }

    private NDArray forward(NDManager scope, NDArray x, GraphBlock.PortHook hook) {
        return block.forwardWith(new ParameterStore(scope, false), new NDList(x), false, hook).singletonOrThrow();
    }

    @Override
    public void close() {
        manager.close();
    }
}
