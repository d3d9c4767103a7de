package org.netwright.templates.data;

import java.util.List;
import org.netwright.model.task.DataField;

/**
 * A text cut into samples for character-level language modelling: consecutive, disjoint windows of
 * {@code length + 1} characters, each giving {@code tokens} (its first {@code length} ids) and {@code next_tokens}
 * (the same shifted one character ahead). The samples are in text order, so a split keeps the training windows at
 * the start, then validation, then test, and no two parts share a character.
 */
public final class TextWindows {
    public static final int DEFAULT_LENGTH = 64;

    private TextWindows() {
    }

    /** How many windows of {@code length} a text of {@code characters} code points gives. */
    public static int count(int characters, int length) {
        return characters / (length + 1);
    }

    /**
     * The stretch of {@code text} that the training windows cover when the windows are split with
     * {@code validationFraction} and {@code testFraction} ({@link Samples#split}): the text a vocabulary may learn from.
     */
    public static String trainingStretch(String text, int length, double validationFraction, double testFraction) {
        int windows = count(text.codePointCount(0, text.length()), length);
        int train = Samples.trainSize(windows, validationFraction, testFraction);
        return text.substring(0, text.offsetByCodePoints(0, train * (length + 1)));
    }

    /** The windows of {@code text}, ids from {@code vocabulary}; a tail shorter than a window is left out. */
    public static Samples cut(String text, int length, TextVocabulary vocabulary) {
        if (length < 1 || length > 100_000) {
            throw new IllegalArgumentException("Text windows are 1 to 100000 characters long; got " + length + ".");
        }
        int[] ids = vocabulary.ids(text);
        int n = count(ids.length, length);
        if (n < 1) {
            throw new IllegalArgumentException("The text has " + ids.length + " characters, fewer than one window of "
                    + (length + 1) + ".");
        }
        float[] tokens = new float[n * length];
        float[] next = new float[n * length];
        for (int i = 0; i < n; i++) {
            int start = i * (length + 1);
            for (int t = 0; t < length; t++) {
                tokens[i * length + t] = ids[start + t];
                next[i * length + t] = ids[start + t + 1];
            }
        }
        int v = vocabulary.size();
        return new Samples(List.of(new Samples.Column(DataField.tokens("tokens", length, v), tokens),
                new Samples.Column(DataField.tokens("next_tokens", length, v), next)), n, true);
    }
}
