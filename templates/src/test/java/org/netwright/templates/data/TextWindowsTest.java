package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netwright.model.task.DataField;

class TextWindowsTest {

    @Test
    void vocabularyMapsCharactersToIdsAndBack() {
        TextVocabulary v = TextVocabulary.of("abca");
        assertEquals("abc", v.characters());
        assertEquals(4, v.size());
        assertArrayEquals(new int[] {1, 2, 3, 0}, v.ids("abcz"));
        assertEquals("abc\uFFFD", v.text(new int[] {1, 2, 3, 0}));
        assertThrows(IllegalArgumentException.class, () -> new TextVocabulary("aa"));
    }

    @Test
    void windowsAreDisjointAndShiftedByOne() {
        // 3 windows of 3 + 1 characters; the last 2 characters are left out.
        Samples s = TextWindows.cut("abcdefghijklmn", 3, TextVocabulary.of("abcdefghijklmn"));
        assertEquals(3, s.size());
        assertTrue(s.ordered());
        assertEquals(DataField.tokens("tokens", 3, 15), s.require("tokens").field());
        // a..d, e..h, i..l: tokens a b c / e f g / i j k, next b c d / f g h / j k l.
        assertArrayEquals(new float[] {1, 2, 3, 5, 6, 7, 9, 10, 11}, s.require("tokens").values());
        assertArrayEquals(new float[] {2, 3, 4, 6, 7, 8, 10, 11, 12}, s.require("next_tokens").values());
    }

    @Test
    void trainingStretchIsWhatTheSplitTrainsOn() {
        String text = "abcdefghijklmnopqrstuvwxyz0123456789";
        // 9 windows of 3 + 1; 0.2 and 0.2 of 9 round to 2 and 2, leaving 5 windows (20 characters) to train on.
        assertEquals(text.substring(0, 20), TextWindows.trainingStretch(text, 3, 0.2, 0.2));
        Samples.Split s = TextWindows.cut(text, 3, TextVocabulary.of(text)).split(0.2, 0.2, 7);
        assertEquals(5, s.train().size());
        // Ids follow code points: digits 1..10, then a = 11.
        assertEquals(11, s.train().require("tokens").values()[0]);
        // The validation part starts where the training stretch ends: 'u', the 21st letter.
        assertEquals(31, s.validation().require("tokens").values()[0]);
    }

    @Test
    void aTextShorterThanAWindowIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> TextWindows.cut("abc", 3, TextVocabulary.of("abc")));
        assertTrue(e.getMessage().contains("fewer than one window"), e.getMessage());
    }
}
