package org.netwright.runner.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.runner.explain.Trained.node;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;
import org.netwright.model.task.InputBinding;
import org.netwright.model.task.Objective;
import org.netwright.model.task.Task;
import org.netwright.templates.data.Samples;

/**
 * Honesty of attention maps: a one-head causal attention layer trained to copy, at every position, the token two
 * places back must be shown taking most from exactly that position.
 */
@Tag("training")
class CopyBackAttentionTest {
    private static final int LENGTH = 12;
    private static final int VOCABULARY = 10;
    private static final int BACK = 2;

    /** Random token sequences and, per position, the token {@value #BACK} places back (the token itself at the start). */
    static Samples copyBack(int samples, long seed) {
        Random r = new Random(seed);
        float[] x = new float[samples * LENGTH];
        float[] y = new float[samples * LENGTH];
        for (int i = 0; i < samples; i++) {
            for (int t = 0; t < LENGTH; t++) {
                x[i * LENGTH + t] = r.nextInt(VOCABULARY);
            }
            for (int t = 0; t < LENGTH; t++) {
                y[i * LENGTH + t] = x[i * LENGTH + (t < BACK ? t : t - BACK)];
            }
        }
        return new Samples(List.of(new Samples.Column(DataField.tokens("tokens", LENGTH, VOCABULARY), x),
                new Samples.Column(DataField.tokens("copied", LENGTH, VOCABULARY), y)), samples, false);
    }

    static Graph attention() {
        return Graph.of(List.of(
                        node("tokens", "token_input", Map.of("length", LENGTH, "vocabulary", VOCABULARY, "padding_id", -1)),
                        node("embed", "embedding", Map.of("vocabulary", VOCABULARY, "dimension", 32)),
                        node("position", "positional_encoding", Map.of("kind", "learned", "max_len", LENGTH)),
                        node("attend", "multi_head_attention", Map.of("d_model", 32, "heads", 1, "causal", true)),
                        node("out", "dense", Map.of("units", VOCABULARY))),
                List.of(Edge.of("tokens", "out", "embed", "in"), Edge.of("embed", "out", "position", "in"),
                        Edge.of("position", "out", "attend", "query"), Edge.of("position", "out", "attend", "key"),
                        Edge.of("position", "out", "attend", "value"), Edge.of("attend", "out", "out", "in")));
    }

    @Test
    void theTrainedHeadLooksTwoPlacesBack() {
        Samples data = copyBack(2000, 5);
        Task task = new Task(Task.PLAIN, List.of(new InputBinding("tokens", "tokens")),
                List.of(new Objective("out", "cross_entropy", "copied", 1)), List.of(), Map.of());
        TrainingSettings settings = new TrainingSettings(20, 32, 0.01, "adam", "auto", 5, 0.1, 0.1,
                DataRecipe.generator("tokens", Map.of())).withTask(task);
        Samples.Split split = data.split(0.1, 0.1, 5);
        Trained trained = Trained.train(attention(), settings, split);
        double accuracy = trained.result().metrics().values().getOrDefault("test_token_accuracy", 0.0);
        assertTrue(accuracy >= 0.9, "the network should learn to copy first; token accuracy " + accuracy);
        int right = 0;
        int positions = 0;
        try (TrainedNetwork net = TrainedNetwork.open(trained.graph(), task, trained.weights())) {
            float[] tokens = split.test().require("tokens").values();
            for (int i = 0; i < 50; i++) {
                float[] x = Arrays.copyOfRange(tokens, i * LENGTH, (i + 1) * LENGTH);
                Inspections.Maps map = Inspections.attention(net, x, "attend", 0);
                assertEquals(Shape.of(LENGTH, LENGTH), map.shape());
                float[] w = map.values();
                for (int t = BACK; t < LENGTH; t++) {
                    int best = 0;
                    for (int k = 1; k < LENGTH; k++) {
                        best = w[t * LENGTH + k] > w[t * LENGTH + best] ? k : best;
                    }
                    right += best == t - BACK ? 1 : 0;
                    positions++;
                }
            }
        }
        double share = (double) right / positions;
        System.out.println("attention on the token two places back: " + share + " of " + positions + " positions");
        assertTrue(share >= 0.9, "the head's largest weight is two places back at " + share + " of the positions");
    }
}
