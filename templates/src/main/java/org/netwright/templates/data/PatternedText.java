package org.netwright.templates.data;

import java.util.List;
import java.util.Random;
import org.netwright.model.task.DataField;

/**
 * A corpus for next-token prediction with a rule to find: each sequence counts through the vocabulary from a
 * random start with a random stride of 1 to {@link #MAX_STRIDE} (modulo V), so every token after the second
 * follows from the two before it. Fields {@code tokens} (T ids) and {@code next_tokens} (the same sequence one
 * step ahead, T ids).
 */
public final class PatternedText {
    public static final int DEFAULT_LENGTH = 32;
    public static final int DEFAULT_VOCABULARY = 16;
    public static final int MAX_STRIDE = 3;

    private PatternedText() {
    }

    /** {@code samples} sequences of {@code length} tokens of a vocabulary of {@code vocabulary}. */
    public static Samples generate(int samples, int length, int vocabulary, long seed) {
        if (samples < 1 || samples > 1_000_000) {
            throw new IllegalArgumentException("The patterned_text generator makes 1 to 1000000 samples; got " + samples);
        }
        if (length < 2 || length > 10_000) {
            throw new IllegalArgumentException("The patterned_text generator makes sequences of 2 to 10000 tokens; got "
                    + length);
        }
        if (vocabulary <= MAX_STRIDE) {
            throw new IllegalArgumentException("The patterned_text generator needs a vocabulary above " + MAX_STRIDE
                    + "; got " + vocabulary);
        }
        Random r = new Random(seed);
        float[] tokens = new float[samples * length];
        float[] next = new float[samples * length];
        for (int i = 0; i < samples; i++) {
            int start = r.nextInt(vocabulary);
            int stride = 1 + r.nextInt(MAX_STRIDE);
            for (int t = 0; t < length; t++) {
                tokens[i * length + t] = (start + (long) stride * t) % vocabulary;
                next[i * length + t] = (start + (long) stride * (t + 1)) % vocabulary;
            }
        }
        return new Samples(List.of(new Samples.Column(DataField.tokens("tokens", length, vocabulary), tokens),
                new Samples.Column(DataField.tokens("next_tokens", length, vocabulary), next)), samples, false);
    }
}
