package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Learned positional encoding: one trained vector per position (parameter {@code embedding},
 * max_len×D, drawn from N(0, 0.02²) as in BERT and GPT-2), added to the first T rows of a B×T×D
 * sequence. {@link #sinusoidal} gives the fixed alternative, which needs no block.
 */
public final class PositionalEncodingBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Parameter embedding;

    public PositionalEncodingBlock(int maxLen, int width) {
        super(VERSION);
        embedding = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.02f)).optShape(new Shape(maxLen, width)).build());
    }

    /**
     * The fixed table of "Attention is all you need", row-major T×D: PE(t, 2i) = sin(t / 10000^(2i/D))
     * and PE(t, 2i+1) = cos(t / 10000^(2i/D)).
     */
    public static float[] sinusoidal(int steps, int width) {
        float[] table = new float[steps * width];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < width; j++) {
                int pair = j - j % 2;
                double angle = t / Math.pow(10000.0, (double) pair / width);
                table[t * width + j] = (float) (j % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return table;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long steps = x.getShape().get(1);
        NDArray table = store.getValue(embedding, x.getDevice(), training);
        return new NDList(x.add(StepScope.with(x, table.get(new NDIndex("0:{}", steps)))));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
