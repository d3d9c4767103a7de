package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.task.DataField;

/** The marker, reversal and counting generators make the fields and values their tasks promise. */
class SequenceGeneratorsTest {

    @Test
    void markerSitsInTheFirstFiveStepsWithTheLabelsSign() {
        Samples s = Generators.generateSamples(DataRecipe.generator("marker_sequences",
                Map.of("samples", 200, "noise", 0.2)), 7);
        float[] x = s.require("sequence").values();
        float[] y = s.require("label").values();
        assertEquals(2, s.require("label").field().classes());
        for (int i = 0; i < 200; i++) {
            int found = -1;
            for (int t = 0; t < MarkerSequences.MARKER_STEPS; t++) {
                if (Math.abs(x[i * 50 + t]) == 1f) {
                    found = t;
                }
            }
            assertTrue(found >= 0, "sample " + i);
            assertEquals(y[i] == 1 ? 1f : -1f, x[i * 50 + found]);
        }
    }

    @Test
    void reverseTokensTargetIsTheReversedSourceBehindAStartToken() {
        Samples s = ReverseTokens.generate(50, 6, 10, 3);
        assertEquals(DataField.Kind.TOKEN_IDS, s.require("source").field().kind());
        float[] src = s.require("source").values();
        float[] in = s.require("target_in").values();
        float[] out = s.require("target_out").values();
        for (int i = 0; i < 50; i++) {
            assertEquals(ReverseTokens.START, in[i * 6]);
            for (int t = 0; t < 6; t++) {
                assertTrue(src[i * 6 + t] != ReverseTokens.START);
                assertEquals(src[i * 6 + 5 - t], out[i * 6 + t]);
                if (t > 0) {
                    assertEquals(out[i * 6 + t - 1], in[i * 6 + t]);
                }
            }
        }
    }

    @Test
    void patternedTextNextTokensAreTheTokensOneStepAhead() {
        Samples s = PatternedText.generate(40, 12, 16, 5);
        float[] tok = s.require("tokens").values();
        float[] next = s.require("next_tokens").values();
        for (int i = 0; i < 40; i++) {
            float[] a = java.util.Arrays.copyOfRange(tok, i * 12 + 1, i * 12 + 12);
            float[] b = java.util.Arrays.copyOfRange(next, i * 12, i * 12 + 11);
            assertArrayEquals(a, b);
        }
    }

    @Test
    void badOptionsAreRefusedWithTheGeneratorsName() {
        var e = assertThrows(IllegalArgumentException.class, () -> ReverseTokens.generate(10, 4, 2, 1));
        assertTrue(e.getMessage().contains("reverse_tokens"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MarkerSequences.generate(10, 3, 0.1, 1));
    }
}
