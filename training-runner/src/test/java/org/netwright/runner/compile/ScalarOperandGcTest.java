package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.runner.nd.Scalars;
import org.netwright.runner.optim.Losses;

/**
 * Gradients must not change when Java's garbage collector runs between the forward and the backward pass. DJL makes
 * the scalar of {@code x.mul(2f)} in a Java direct buffer and closes it at once; libtorch keeps it for the backward
 * pass, so after a collection that pass read freed memory (wrong gradients at random steps; runs of one seed
 * differing between processes). Each case computes a gradient plainly and then many times with a collection and
 * fresh direct buffers written between forward and backward; all must agree exactly.
 */
class ScalarOperandGcTest {
    private static final float[] X = {0.7f, -1.3f, 2.1f, -0.2f, 0.05f, 1.6f, -2.4f, 0.9f};
    private static final int TRIES = 12;

    /** Runs {@code f} on a fresh copy of {@link #X} (shape 2x4) in its own manager and returns d(sum f)/dx. */
    private static float[] gradient(BiFunction<NDManager, NDArray, NDArray> f, boolean collectInBetween)
            throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray x = m.create(X, new Shape(2, 4));
            x.setRequiresGradient(true);
            NDArray y = f.apply(m, x).sum();
            if (collectInBetween) {
                collectAndReuseFreedMemory();
            }
            gc.backward(y);
            return x.getGradient().toFloatArray();
        }
    }

    /** A collection (which frees unreachable direct buffers), then new small direct buffers filled with 99. */
    private static void collectAndReuseFreedMemory() throws InterruptedException {
        System.gc();
        Thread.sleep(5);
        List<ByteBuffer> fill = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 * (1 + i % 4)).order(ByteOrder.nativeOrder());
            while (b.remaining() >= 4) {
                b.putFloat(99f);
            }
            fill.add(b);
        }
    }

    private static void assertStable(String what, BiFunction<NDManager, NDArray, NDArray> f) throws InterruptedException {
        float[] plain = gradient(f, false);
        for (int i = 0; i < TRIES; i++) {
            assertArrayEquals(plain, gradient(f, true), what + ": gradient after a collection, try " + (i + 1));
        }
    }

    @Test
    void scalarArithmeticKeepsItsGradient() throws InterruptedException {
        assertStable("mul", (m, x) -> Scalars.mul(x, 3));
        assertStable("div", (m, x) -> Scalars.div(x, 4));
        assertStable("pow", (m, x) -> Scalars.pow(x, 2));
        assertStable("maximum", (m, x) -> Scalars.maximum(x, 0));
        assertStable("minimum", (m, x) -> Scalars.minimum(x, 0));
        // The values themselves, so a stable but wrong gradient fails too.
        float[] expected = new float[X.length];
        for (int i = 0; i < X.length; i++) {
            expected[i] = 2 * X[i];
        }
        assertArrayEquals(expected, gradient((m, x) -> Scalars.pow(x, 2), true), 1e-6f);
    }

    static List<String> lossNames() {
        return Losses.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lossNames")
    void everyLossKeepsItsGradient(String name) throws InterruptedException {
        Map<String, Double> params = "cross_entropy".equals(name) ? Map.of("label_smoothing", 0.1) : Map.of();
        boolean classes = name.equals("cross_entropy") || name.equals("focal");
        assertStable(name, (m, x) -> {
            NDArray target = classes ? m.create(new float[] {2, 0})
                    : name.equals("kl") ? m.create(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.5f, 0f, 0f}, new Shape(2, 4))
                    : m.create(new float[] {0, 1, 1, 0, 1, 0, 0, 1}, new Shape(2, 4));
            return Losses.create(name, params).evaluate(new NDList(target), new NDList(x));
        });
    }

    @Test
    void djlActivationsWeUseKeepTheirGradient() throws InterruptedException {
        // DJL's swish is not among them: it multiplies by beta through a freed scalar, so SiLU is written out.
        assertStable("silu", (m, x) -> x.mul(ai.djl.nn.Activation.sigmoid(x)));
        assertStable("elu", (m, x) -> ai.djl.nn.Activation.elu(x, 0.7f));
        assertStable("selu", (m, x) -> ai.djl.nn.Activation.selu(x));
        assertStable("gelu", (m, x) -> ai.djl.nn.Activation.gelu(x));
        assertStable("leaky relu", (m, x) -> ai.djl.nn.Activation.leakyRelu(x, 0.1f));
    }

    @Test
    void attentionKeepsItsGradient() throws InterruptedException {
        assertStable("attention", (m, x) -> {
            NDArray q = x.reshape(1, 2, 4);
            return AttentionKernel.attend(q, q, q, null, 0f, false).get(0);
        });
    }

    @Test
    void vaeTermsKeepTheirGradient() throws InterruptedException {
        assertStable("kl divergence", (m, x) -> GenerativeOps.klDivergence(x, x.sin()));
        Engine.getInstance().setRandomSeed(5);
        float[] first = gradient((m, x) -> GenerativeOps.sample(x, x.cos()), false);
        for (int i = 0; i < 4; i++) {
            Engine.getInstance().setRandomSeed(5);
            assertArrayEquals(first, gradient((m, x) -> GenerativeOps.sample(x, x.cos()), true), "sampling");
        }
    }
}
