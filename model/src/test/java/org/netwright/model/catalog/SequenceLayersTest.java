package org.netwright.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/** Shape rules of the recurrent and attention layers: output shapes, PyTorch parameter counts and MACs. */
class SequenceLayersTest {

    private static LayerOutput apply(String id, Map<String, Object> params, Shape... inputs) {
        LayerSpec spec = LayerCatalog.standard().require(id);
        return spec.shapeRule().apply(spec.resolve(params), List.of(inputs));
    }

    @ParameterizedTest(name = "{0} hidden 128 on 10×300, bidirectional={1}")
    @CsvSource({"lstm, false, 220160, 2191360", "lstm, true, 440320, 4382720", "gru, false, 165120, 1643520",
                "rnn, false, 55040, 547840"})
    void recurrentCountsFollowPyTorchsLayout(String id, boolean bidirectional, long params, long macs) {
        // MACs per direction: T · gates·H · (F + H), e.g. LSTM 10 · 512 · 428.
        LayerOutput out = apply(id, Map.of("hidden", 128, "bidirectional", bidirectional), Shape.of(10, 300));
        assertEquals(params, out.params());
        assertEquals(macs, out.macs());
        assertEquals(Shape.of(bidirectional ? 256 : 128), out.outputs().get(0));
    }

    @Test
    void returnSequencesKeepsTheTimeAxisAndStackedLayersReadTheJoinedWidth() {
        LayerOutput out = apply("gru", Map.of("hidden", 4, "layers", 2, "bidirectional", true,
                "return_sequences", true), Shape.of(7, 3));
        assertEquals(Shape.of(7, 8), out.outputs().get(0));
        // Layer 1: 2 · 3·4·(3+4+2) = 216; layer 2 reads 8 features: 2 · 3·4·(8+4+2) = 336.
        assertEquals(552, out.params());
    }

    @Test
    void multiHeadAttentionGivesItsOutputAndOneWeightMapPerHead() {
        LayerOutput self = apply("multi_head_attention", Map.of("d_model", 8, "heads", 2),
                Shape.of(5, 8), Shape.of(5, 8), Shape.of(5, 8));
        assertEquals(List.of(Shape.of(5, 8), Shape.of(2, 5, 5)), self.outputs());
        assertEquals(4 * (64 + 8), self.params());
        // Four projections of 5 rows (4·5·8·8) plus scores and weighted sums (2·5·5·8).
        assertEquals(1280 + 400, self.macs());
        LayerOutput cross = apply("multi_head_attention", Map.of("d_model", 8, "heads", 2),
                Shape.of(5, 8), Shape.of(3, 6), Shape.of(3, 4));
        assertEquals(List.of(Shape.of(5, 8), Shape.of(2, 5, 3)), cross.outputs());
        // As nn.MultiheadAttention(8, 2, kdim=6, vdim=4): 8·8 + 8·6 + 8·4 + 3·8 + 8·8 + 8.
        assertEquals(240, cross.params());
    }

    @Test
    void scaledDotProductAttentionNeedsMatchingWidthsAndLengths() {
        assertEquals(List.of(Shape.of(4, 2), Shape.of(4, 6)), apply("scaled_dot_product_attention", Map.of(),
                Shape.of(4, 3), Shape.of(6, 3), Shape.of(6, 2)).outputs());
        var e = assertThrows(ShapeMismatch.class, () -> apply("scaled_dot_product_attention", Map.of(),
                Shape.of(4, 3), Shape.of(6, 5), Shape.of(6, 2)));
        assertEquals("needs query and key of the same width d_k, but query is 4×3 and key is 6×5", e.getMessage());
        e = assertThrows(ShapeMismatch.class, () -> apply("scaled_dot_product_attention", Map.of(),
                Shape.of(4, 3), Shape.of(6, 3), Shape.of(5, 2)));
        assertEquals("needs key and value of the same length, but key is 6×3 and value is 5×2", e.getMessage());
    }

    @Test
    void paddingMaskAddsAPortThatTakesOneTokenIdPerKey() {
        LayerSpec spec = LayerCatalog.standard().require("multi_head_attention");
        assertEquals(List.of("query", "key", "value", "key_padding"),
                spec.inputPorts(spec.resolve(Map.of("padding_mask", true))));
        var e = assertThrows(ShapeMismatch.class, () -> apply("multi_head_attention",
                Map.of("d_model", 8, "heads", 2, "padding_mask", true),
                Shape.of(5, 8), Shape.of(5, 8), Shape.of(5, 8), Shape.of(4)));
        assertEquals("expects token ids of length 5 (one per key) on 'key_padding', but got a vector of 4",
                e.getMessage());
    }

    @Test
    void transformerBlocksCountLikePyTorch() {
        Map<String, Object> p = Map.of("d_model", 512, "heads", 8, "ff_dim", 2048);
        assertEquals(3_152_384, apply("transformer_encoder_block", p, Shape.of(10, 512)).params());
        assertEquals(4_204_032, apply("transformer_decoder_block", p, Shape.of(10, 512), Shape.of(12, 512)).params());
        LayerOutput ff = apply("feed_forward", Map.of("hidden", 16), Shape.of(5, 8));
        assertEquals(2 * 8 * 16 + 16 + 8, ff.params());
        assertEquals(5 * 2 * 8 * 16, ff.macs());
    }

    @Test
    void positionalEncodingLearnsMaxLenRowsOrNothing() {
        assertEquals(0, apply("positional_encoding", Map.of(), Shape.of(5, 8)).params());
        assertEquals(80, apply("positional_encoding", Map.of("kind", "learned", "max_len", 10), Shape.of(5, 8)).params());
    }

    @Test
    void patchEmbeddingAndClassTokenMakeAVitSequence() {
        LayerOutput patches = apply("patch_embedding", Map.of("patch", 16, "embed_dim", 768), Shape.of(3, 224, 224));
        assertEquals(Shape.of(196, 768), patches.outputs().get(0));
        assertEquals(590_592, patches.params());
        assertEquals(3L * 16 * 16 * 768 * 196, patches.macs());
        LayerOutput token = apply("class_token", Map.of(), Shape.of(196, 768));
        assertEquals(Shape.of(197, 768), token.outputs().get(0));
        assertEquals(768, token.params());
    }
}
