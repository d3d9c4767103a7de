package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netwright.model.shape.Shape;

class TokenSequencesTest {
    @Test
    void everyLabelSaysWhetherTheYesTokenOutnumbersTheNoToken() {
        Dataset d = TokenSequences.generate(300, 12, 10, 7);
        assertEquals(Shape.of(12), d.sampleShape());
        for (int i = 0; i < d.size(); i++) {
            int[] seq = new int[12];
            for (int t = 0; t < 12; t++) {
                seq[t] = (int) d.features()[i * 12 + t];
                assertTrue(seq[t] >= 0 && seq[t] < 10, "id out of the vocabulary");
            }
            assertEquals(TokenSequences.label(seq), d.labels()[i], "sample " + i);
        }
    }

    @Test
    void sequencesEndInPaddingAndClassesAreBalanced() {
        Dataset d = TokenSequences.generate(200, 16, 20, 3);
        int padded = 0;
        for (int i = 0; i < d.size(); i++) {
            padded += d.features()[i * 16 + 15] == TokenSequences.PAD ? 1 : 0;
        }
        assertTrue(padded > 50, "most sequences are shorter than the length: " + padded);
        assertArrayEquals(new int[] {100, 100}, d.classCounts());
    }

    @Test
    void sameSeedSameData() {
        assertArrayEquals(TokenSequences.generate(50, 8, 6, 9).features(), TokenSequences.generate(50, 8, 6, 9).features());
    }

    @Test
    void tooSmallAVocabularyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenSequences.generate(10, 8, 3, 1));
    }
}
