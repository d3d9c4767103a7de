package org.netwright.runner.compile;

import static org.netwright.runner.compile.Chains.assertLossFalls;
import static org.netwright.runner.compile.Chains.chain;
import static org.netwright.runner.compile.Graphs.node;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sequence, token, noise and label inputs: shapes agree with DJL and each feeds a graph that learns. */
class InputFamilyTest {

    static Stream<LayerCase> cases() {
        return Stream.of(
                new LayerCase("sequence_input", Map.of("steps", 5, "features", 3), List.of()),
                new LayerCase("token_input", Map.of("length", 6, "vocabulary", 10, "padding_id", 0), List.of()),
                new LayerCase("noise_input", Map.of("latent", 8, "distribution", "uniform"), List.of()),
                new LayerCase("label_input", Map.of("classes", 4), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inferredShapeEqualsDjls(LayerCase c) {
        ShapeAgreement.check(c);
    }

    @Test
    void aSequenceInputFeedsADenseOnEveryStep() {
        assertLossFalls(chain(node("x", "sequence_input", Map.of("steps", 5, "features", 3)),
                        node("d", "dense", Map.of("units", 2))),
                m -> new NDList(m.randomNormal(new Shape(8, 5, 3))), m -> m.randomNormal(new Shape(8, 5, 2)),
                Loss.l2Loss(), 0.05f);
    }

    @Test
    void tokenIdsFeedAnEmbedding() {
        assertLossFalls(chain(node("x", "token_input", Map.of("length", 4, "vocabulary", 7)),
                        node("e", "embedding", Map.of("vocabulary", 7, "dimension", 3)),
                        node("f", "flatten", Map.of()), node("d", "dense", Map.of("units", 1))),
                m -> new NDList(m.randomInteger(0, 7, new Shape(16, 4), DataType.INT32).toType(DataType.FLOAT32, false)),
                m -> m.randomNormal(new Shape(16, 1)), Loss.l2Loss(), 0.05f);
    }

    @Test
    void noiseFeedsAGeneratorLikeAnyInput() {
        assertLossFalls(chain(node("z", "noise_input", Map.of("latent", 6)), node("d", "dense", Map.of("units", 4)),
                        node("t", "tanh", Map.of())),
                m -> new NDList(m.randomNormal(new Shape(16, 6))), m -> m.randomUniform(-0.5f, 0.5f, new Shape(16, 4)),
                Loss.l2Loss(), 0.05f);
    }

    @Test
    void aClassIdPerSampleIsLearnedThroughAnEmbedding() {
        // Label i must come out as class (i + 1) mod 4: only the embedding of the id can tell them apart.
        assertLossFalls(chain(node("y", "label_input", Map.of("classes", 4)),
                        node("e", "embedding", Map.of("vocabulary", 4, "dimension", 4)),
                        node("f", "flatten", Map.of()), node("d", "dense", Map.of("units", 4))),
                m -> new NDList(m.arange(0f, 16f).reshape(16, 1).mod(4)),
                m -> m.arange(1f, 17f).mod(4), Loss.softmaxCrossEntropyLoss(), 0.05f);
    }
}
