package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RNN;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Stacked RNN/LSTM/GRU layers over batch-first sequences (B×T×F), optionally bidirectional.
 * Each layer and direction is its own one-way, one-layer DJL block (named {@code l0_forward},
 * {@code l0_backward}, ...), because DJL's bidirectional mode fails on the PyTorch engine: the
 * backward direction reads the sequence flipped on the time axis and its output is flipped back.
 * Each child keeps PyTorch's weight layout, so parameter counts equal PyTorch's.
 */
public final class RecurrentStack extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int hidden;
    private final int layers;
    private final boolean bidirectional;
    private final float dropout;
    private final boolean returnSequences;
    private final List<Block> forward = new ArrayList<>();
    private final List<Block> backward = new ArrayList<>();

    /**
     * @param kind {@code rnn}, {@code lstm} or {@code gru}
     * @param rnnActivation {@code tanh} or {@code relu}; used by {@code rnn} only
     */
    public RecurrentStack(String kind, String rnnActivation, int hidden, int layers, boolean bidirectional,
                          float dropout, boolean returnSequences) {
        super(VERSION);
        this.hidden = hidden;
        this.layers = layers;
        this.bidirectional = bidirectional;
        this.dropout = dropout;
        this.returnSequences = returnSequences;
        for (int l = 0; l < layers; l++) {
            forward.add(addChildBlock("l" + l + "_forward", oneWay(kind, rnnActivation, hidden)));
            if (bidirectional) {
                backward.add(addChildBlock("l" + l + "_backward", oneWay(kind, rnnActivation, hidden)));
            }
        }
    }

    private static Block oneWay(String kind, String rnnActivation, int hidden) {
        return switch (kind) {
            // Each also returns its final hidden state (second output), which the end states are read from.
            case "lstm" -> LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(true)
                    .build();
            case "gru" -> GRU.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(true)
                    .build();
            // DJL's RNN has no default activation on this engine (a null reaches the native call).
            case "rnn" -> RNN.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(true)
                    .setActivation("relu".equals(rnnActivation) ? RNN.Activation.RELU : RNN.Activation.TANH).build();
            default -> throw new IllegalArgumentException("Not a recurrent layer: " + kind);
        };
    }

    /** The one-way block of a layer (0-based) in one direction, e.g. to read its weights. */
    public Block direction(int layer, boolean backwards) {
        return backwards ? backward.get(layer) : forward.get(layer);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        // Each direction's final hidden state (1×B×H): the forward one after the last step, the backward one after
        // the first step, the last it read.
        NDArray forwardState = null;
        NDArray backwardState = null;
        for (int l = 0; l < layers; l++) {
            if (l > 0 && dropout > 0) {
                x = Dropout.dropout(x, dropout, training).singletonOrThrow();
            }
            NDList forwardOut = forward.get(l).forward(store, new NDList(x), training, params);
            NDArray f = forwardOut.get(0);
            forwardState = forwardOut.get(1);
            // The backward direction's outputs in the order it read them (the sequence reversed).
            NDArray reversed = null;
            if (bidirectional) {
                NDList backwardOut = backward.get(l).forward(store, new NDList(x.flip(1)), training, params);
                reversed = backwardOut.get(0);
                backwardState = backwardOut.get(1);
            }
            // The last layer of a stack that returns end states feeds no sequence on: its outputs are neither
            // flipped back nor joined, only the end states below are read (two full-sequence copies saved per step).
            boolean feedsOn = l < layers - 1 || returnSequences;
            if (bidirectional && feedsOn) {
                x = NDArrays.concat(new NDList(f, reversed.flip(1)), 2);
            } else if (feedsOn) {
                x = f;
            }
        }
        if (returnSequences) {
            return new NDList(x);
        }
        // The final states are the outputs' last steps (the same numbers, and the same gradients): read as the states
        // the layers return, not indexed out of the output sequences, which costs an index op each and, backward, a
        // zero-filled sequence each.
        NDArray last = bidirectional ? NDArrays.concat(new NDList(forwardState, backwardState), 2) : forwardState;
        return new NDList(last.reshape(last.getShape().get(1), last.getShape().get(2)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long width = (long) hidden * (bidirectional ? 2 : 1);
        return new Shape[] {returnSequences ? new Shape(in.get(0), in.get(1), width) : new Shape(in.get(0), width)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long width = in.get(2);
        for (int l = 0; l < layers; l++) {
            Shape layerIn = new Shape(in.get(0), in.get(1), width);
            forward.get(l).initialize(manager, dataType, layerIn);
            if (bidirectional) {
                backward.get(l).initialize(manager, dataType, layerIn);
            }
            width = (long) hidden * (bidirectional ? 2 : 1);
        }
    }
}
