package org.netwright.templates.data;

import java.util.List;
import java.util.Random;
import org.netwright.model.task.DataField;

/**
 * A translation set where the translation is reversal: random token sequences {@code source} (ids
 * {@code 1..V-1}), the decoder's input {@code target_in} (the start token {@link #START} followed by the reversed
 * source without its last token) and the answer {@code target_out} (the reversed source), all T token ids of a
 * vocabulary of V.
 */
public final class ReverseTokens {
    /** The start-of-target token; never part of a source. */
    public static final int START = 0;
    public static final int DEFAULT_LENGTH = 8;
    public static final int DEFAULT_VOCABULARY = 12;

    private ReverseTokens() {
    }

    /** {@code samples} sequences of {@code length} tokens of a vocabulary of {@code vocabulary} (start token included). */
    public static Samples generate(int samples, int length, int vocabulary, long seed) {
        if (samples < 1 || samples > 1_000_000) {
            throw new IllegalArgumentException("The reverse_tokens generator makes 1 to 1000000 samples; got " + samples);
        }
        if (length < 1 || length > 10_000) {
            throw new IllegalArgumentException("The reverse_tokens generator makes sequences of 1 to 10000 tokens; got "
                    + length);
        }
        if (vocabulary < 3) {
            throw new IllegalArgumentException("The reverse_tokens generator needs a vocabulary of at least 3 (the start"
                    + " token and two others); got " + vocabulary);
        }
        Random r = new Random(seed);
        float[] source = new float[samples * length];
        float[] targetIn = new float[samples * length];
        float[] targetOut = new float[samples * length];
        for (int i = 0; i < samples; i++) {
            int o = i * length;
            for (int t = 0; t < length; t++) {
                source[o + t] = 1 + r.nextInt(vocabulary - 1);
            }
            for (int t = 0; t < length; t++) {
                targetOut[o + t] = source[o + length - 1 - t];
                targetIn[o + t] = t == 0 ? START : targetOut[o + t - 1];
            }
        }
        return new Samples(List.of(new Samples.Column(DataField.tokens("source", length, vocabulary), source),
                new Samples.Column(DataField.tokens("target_in", length, vocabulary), targetIn),
                new Samples.Column(DataField.tokens("target_out", length, vocabulary), targetOut)), samples, false);
    }
}
