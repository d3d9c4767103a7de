package org.netwright.templates.data;

import java.util.Random;
import org.netwright.model.shape.Shape;

/**
 * Token-id sequences of varying length, padded with id 0 to a fixed length, labelled 1 when the
 * "yes" token (id 1) occurs more often than the "no" token (id 2), else 0. A first task for token
 * inputs, embeddings and attention: the model must count two ids wherever they occur and ignore
 * the padding and the other ids. Ids are carried as float32 like every input.
 */
public final class TokenSequences {
    /** Sequence length (with padding) when a recipe does not say. */
    public static final int DEFAULT_LENGTH = 16;
    /** Vocabulary size when a recipe does not say; id 0 is padding. */
    public static final int DEFAULT_VOCABULARY = 20;
    static final int PAD = 0;
    static final int YES = 1;
    static final int NO = 2;

    private TokenSequences() {
    }

    /** {@code n} sequences, about half of each class. */
    public static Dataset generate(int n, int length, int vocabulary, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("Token sequences needs at least 2 samples; got " + n);
        }
        if (length < 4) {
            throw new IllegalArgumentException("Token sequences needs a length of at least 4; got " + length);
        }
        if (vocabulary < 4) {
            throw new IllegalArgumentException("Token sequences needs a vocabulary of at least 4 ids; got " + vocabulary);
        }
        Random random = new Random(seed);
        float[] ids = new float[Math.multiplyExact(n, length)];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int wanted = i % 2;
            int[] seq;
            do {
                seq = sequence(random, length, vocabulary);
            } while (label(seq) != wanted);
            for (int t = 0; t < length; t++) {
                ids[i * length + t] = seq[t];
            }
            labels[i] = wanted;
        }
        return new Dataset(ids, Shape.of(length), labels, 2).subset(Dataset.shuffledIndices(n, random));
    }

    /** A sequence of random length between half and all of {@code length}, then padding. */
    private static int[] sequence(Random random, int length, int vocabulary) {
        int used = length / 2 + random.nextInt(length - length / 2 + 1);
        int[] seq = new int[length];
        for (int t = 0; t < used; t++) {
            seq[t] = 1 + random.nextInt(vocabulary - 1);
        }
        return seq;
    }

    /** 1 when YES outnumbers NO, 0 when NO outnumbers YES, -1 on a tie (such sequences are drawn again). */
    static int label(int[] seq) {
        int yes = 0;
        int no = 0;
        for (int id : seq) {
            yes += id == YES ? 1 : 0;
            no += id == NO ? 1 : 0;
        }
        return yes == no ? -1 : yes > no ? 1 : 0;
    }
}
