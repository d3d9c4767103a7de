package org.netwright.runner.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** How a language model's next token is drawn from its scores: temperature and top-k. */
class TokenSamplerDrawTest {
    private static final float[] SCORES = {1f, 3f, 2f, 0f};

    private static double[] shares(double temperature, int topK) {
        Random r = new Random(7);
        double[] counts = new double[SCORES.length];
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            counts[TokenSampler.draw(SCORES, temperature, topK, r)]++;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] /= n;
        }
        return counts;
    }

    @Test
    void atTemperatureOneTheSharesAreTheSoftmax() {
        double z = Math.exp(1) + Math.exp(3) + Math.exp(2) + Math.exp(0);
        double[] s = shares(1, 0);
        assertEquals(Math.exp(3) / z, s[1], 0.005);
        assertEquals(Math.exp(2) / z, s[2], 0.005);
        assertEquals(Math.exp(0) / z, s[3], 0.005);
    }

    @Test
    void temperatureDividesTheScores() {
        // At T = 2 the shares follow exp(score / 2).
        double z = Math.exp(0.5) + Math.exp(1.5) + Math.exp(1) + 1;
        assertEquals(Math.exp(1.5) / z, shares(2, 0)[1], 0.005);
        assertEquals(1.0, shares(0.01, 0)[1], 1e-9);
    }

    @Test
    void topKKeepsOnlyTheBestScoresRenormalised() {
        double[] s = shares(1, 2);
        assertEquals(0, s[0]);
        assertEquals(0, s[3]);
        assertEquals(Math.exp(3) / (Math.exp(3) + Math.exp(2)), s[1], 0.005);
        assertTrue(shares(1, 1)[1] == 1.0);
    }
}
