package org.netwright.runner.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The masked node loss from one-hot labels equals the one from −1-coded labels bit for bit, gradients included. */
class MaskedNodeLossTest {
    private static final int NODES = 301;
    private static final int CLASSES = 3;

    @Test
    void oneHotLabelsGiveTheSameLossAndGradientsBitForBit() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            float[] logits = new float[NODES * CLASSES];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = (float) (random.nextGaussian() * 3);
            }
            float[] coded = new float[NODES];
            Arrays.fill(coded, -1f);
            float[] oneHot = new float[NODES * CLASSES];
            int labelled = 1 + random.nextInt(NODES);
            int[] nodes = random.ints(0, NODES).distinct().limit(labelled).toArray();
            for (int node : nodes) {
                int c = random.nextInt(CLASSES);
                coded[node] = c;
                oneHot[node * CLASSES + c] = 1f;
            }
            float[][] viaCodes = lossAndGradient(logits, x -> new MaskedNodeLoss().evaluate(
                    new NDList(x.getManager().create(coded, new Shape(1, NODES))), new NDList(x)));
            float[][] viaOneHot = lossAndGradient(logits, x -> new MaskedNodeLoss().evaluate(x,
                    x.getManager().create(oneHot, new Shape(1, NODES, CLASSES)), nodes.length));
            assertEquals(Float.floatToIntBits(viaCodes[0][0]), Float.floatToIntBits(viaOneHot[0][0]),
                    "loss of trial " + trial + ": " + viaCodes[0][0] + " vs " + viaOneHot[0][0]);
            assertArrayEquals(viaCodes[1], viaOneHot[1], 0f, "gradient of trial " + trial);
        }
    }

    private static float[][] lossAndGradient(float[] logits, java.util.function.Function<NDArray, NDArray> loss) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(logits, new Shape(1, NODES, CLASSES));
            x.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                NDArray l = loss.apply(x);
                c.backward(l);
                return new float[][] {l.toFloatArray(), x.getGradient().toFloatArray()};
            }
        }
    }
}
