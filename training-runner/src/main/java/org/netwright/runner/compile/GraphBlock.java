package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled graph as one DJL block: runs the nodes in topological order, each reading the outputs
 * of the nodes that feed it. Layers with weights are child blocks named by our node ids.
 */
public final class GraphBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    /**
     * One node ready to run: its id, the output ports ("node.port") feeding its input ports in port
     * order, its own output ports in spec order, and its op.
     */
    record Step(String nodeId, List<String> sources, List<String> outputs, NodeOp op) {
    }

    private final List<Step> steps;
    private final List<String> inputIds;
    private final List<String> inputPorts;
    private final List<String> outputPorts;
    private final Map<String, Block> weighted;
    private final Map<String, org.netwright.model.shape.Shape> shapes;
    private final java.util.Set<String> softmaxSkipped;
    private final java.util.Set<String> frozen;

    GraphBlock(List<Step> steps, List<String> inputIds, List<String> outputPorts, Map<String, Block> weighted,
               Map<String, org.netwright.model.shape.Shape> shapes, java.util.Set<String> softmaxSkipped,
               java.util.Set<String> frozen) {
        super(VERSION);
        this.frozen = java.util.Set.copyOf(frozen);
        this.steps = List.copyOf(steps);
        this.inputIds = List.copyOf(inputIds);
        // Read by every forward pass: listed once.
        this.inputPorts = inputPorts(this.steps, this.inputIds);
        this.outputPorts = List.copyOf(outputPorts);
        this.shapes = Map.copyOf(shapes);
        this.softmaxSkipped = java.util.Set.copyOf(softmaxSkipped);
        Map<String, Block> children = new LinkedHashMap<>();
        for (Map.Entry<String, Block> e : weighted.entrySet()) {
            children.put(e.getKey(), addChildBlock(e.getKey(), e.getValue()));
        }
        this.weighted = Collections.unmodifiableMap(children);
    }

    /**
     * The input nodes' output ports ("node.port") in the order the forward pass expects its arrays:
     * one array per port, so an input with two ports (graph features and adjacency) takes two.
     */
    public List<String> inputPorts() {
        return inputPorts;
    }

    private static List<String> inputPorts(List<Step> steps, List<String> inputIds) {
        List<String> out = new ArrayList<>();
        for (Step step : steps) {
            if (inputIds.contains(step.nodeId())) {
                out.addAll(step.outputs());
            }
        }
        return List.copyOf(out);
    }

    /** Input node ids, in the order their arrays come in the forward pass. */
    public List<String> inputIds() {
        return inputIds;
    }

    /** The id of the node whose output is the block's first output. */
    public String outputId() {
        return nodeOf(outputPorts.get(0));
    }

    /** The ports ("node.port") whose values the forward pass returns, in order. */
    public List<String> outputPorts() {
        return outputPorts;
    }

    /** The node ids of the block's outputs, in order. */
    public List<String> outputIds() {
        return outputPorts.stream().map(GraphBlock::nodeOf).toList();
    }

    private static String nodeOf(String port) {
        return port.substring(0, port.lastIndexOf('.'));
    }

    /** The ids of the layers whose weights do not train (their {@code trainable} flag is off). */
    public java.util.Set<String> frozenNodes() {
        return frozen;
    }

    /** The child block of every node that has weights, by node id, in topological order. */
    public Map<String, Block> weightedNodes() {
        return weighted;
    }

    /** The node ids in the order the forward pass runs them (composites flattened, ids {@code block/inner}). */
    public List<String> nodeOrder() {
        return steps.stream().map(Step::nodeId).toList();
    }

    /** The output ports ("node.port") of a node, in the layer spec's order. */
    public List<String> portsOf(String nodeId) {
        for (Step step : steps) {
            if (step.nodeId().equals(nodeId)) {
                return step.outputs();
            }
        }
        throw new IllegalArgumentException("No node " + nodeId);
    }

    /** The per-sample shape our shape inference gave a node's first output port (no batch axis). */
    public org.netwright.model.shape.Shape outputShape(String nodeId) {
        return shapes.get(firstPort(nodeId));
    }

    /** The per-sample shape of one output port, named "node.port". */
    public org.netwright.model.shape.Shape portShape(String port) {
        return shapes.get(port);
    }

    private String firstPort(String nodeId) {
        for (Step step : steps) {
            if (step.nodeId().equals(nodeId)) {
                return step.outputs().get(0);
            }
        }
        throw new IllegalArgumentException("No node " + nodeId);
    }

    /** True when the first output is a softmax that the forward pass leaves out so the loss sees raw scores. */
    public boolean finalSoftmaxSkipped() {
        return softmaxSkipped.contains(outputId());
    }

    /** True when the output node {@code nodeId} is a softmax the forward pass leaves out. */
    public boolean softmaxSkipped(String nodeId) {
        return softmaxSkipped.contains(nodeId);
    }

    /**
     * Sees each value the forward pass makes, by port ("node.port"), and returns the value the rest of the pass reads:
     * the same array to watch it (feature maps, attention weights), another to replace it (a leaf that collects the
     * gradient at that point, for Grad-CAM and attributions of token models).
     */
    @FunctionalInterface
    public interface PortHook {
        NDArray apply(String port, NDArray value);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return run(store, inputs, training, params, null, null);
    }

    /**
     * Runs the network as {@link #forward} does, passing every port's value through {@code hook} (input ports
     * included) as it is made. Training never calls it, so a hook costs the training step nothing.
     */
    public NDList forwardWith(ParameterStore store, NDList inputs, boolean training, PortHook hook) {
        return run(store, inputs, training, null, hook, null);
    }

    /**
     * Runs the network node by node as {@link #forward} does, handing each node's outputs to {@code observer} as
     * soon as they are made; when it returns false the pass ends there and null is returned (e.g. at the first node
     * whose output is not finite). For looking inside a run: activation statistics, the origin of a NaN.
     */
    public NDList forwardObserved(ParameterStore store, NDList inputs, boolean training, NodeObserver observer) {
        return run(store, inputs, training, new PairList<>(), null, java.util.Objects.requireNonNull(observer, "observer"));
    }

    /** Sees each node's outputs during {@link #forwardObserved}; returns false to end the pass. */
    @FunctionalInterface
    public interface NodeObserver {
        boolean seen(String nodeId, NDList outputs);
    }

    private NDList run(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params,
                       PortHook hook, NodeObserver observer) {
        List<String> ports = inputPorts();
        if (inputs.size() != ports.size()) {
            throw new IllegalArgumentException("The network takes " + ports.size() + " input array(s) " + ports
                    + " but got " + inputs.size());
        }
        // Values by output port ("node.port"); an input node's single port carries the array fed in.
        Map<String, NDArray> values = new HashMap<>();
        for (int i = 0; i < ports.size(); i++) {
            values.put(ports.get(i), hook == null ? inputs.get(i) : hook.apply(ports.get(i), inputs.get(i)));
        }
        for (Step step : steps) {
            if (inputIds.contains(step.nodeId())) {
                continue;
            }
            List<NDArray> in = new ArrayList<>(step.sources().size());
            for (String source : step.sources()) {
                in.add(values.get(source));
            }
            NDList out = step.op().apply(store, in, training, params);
            for (int i = 0; i < step.outputs().size(); i++) {
                String port = step.outputs().get(i);
                values.put(port, hook == null ? out.get(i) : hook.apply(port, out.get(i)));
            }
            if (observer != null && !observer.seen(step.nodeId(), out)) {
                return null;
            }
        }
        NDList out = new NDList(outputPorts.size());
        for (String port : outputPorts) {
            out.add(values.get(port));
        }
        return out;
    }

    /** Runs the network for prediction: no dropout, and each skipped final softmax applied. */
    public NDList predict(ParameterStore store, NDList inputs) {
        NDList out = forward(store, inputs, false);
        NDList result = new NDList(out.size());
        for (int i = 0; i < out.size(); i++) {
            result.add(softmaxSkipped.contains(nodeOf(outputPorts.get(i))) ? out.get(i).softmax(-1) : out.get(i));
        }
        return result;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes.length == 0 ? 1 : inputShapes[0].get(0);
        return outputPorts.stream().map(p -> new Shape(shapes.get(p).withBatch(batch))).toArray(Shape[]::new);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes.length == 0 ? 1 : inputShapes[0].get(0);
        for (Step step : steps) {
            Block child = weighted.get(step.nodeId());
            if (child == null) {
                continue;
            }
            // Children are sized from our own shape inference, so DJL and the editor can never disagree on a layer's input.
            Shape[] childInputs = step.sources().stream()
                    .map(source -> new Shape(shapes.get(source).withBatch(batch)))
                    .toArray(Shape[]::new);
            child.initialize(manager, dataType, childInputs);
            if (frozen.contains(step.nodeId())) {
                // A frozen layer keeps its weights: no gradient is kept for them, so no optimizer moves them.
                child.freezeParameters(true);
            }
        }
    }

    @Override
    public String toString() {
        return "GraphBlock" + steps.stream().map(Step::nodeId).toList();
    }
}
