package org.netwright.runner.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.data.Generators;

/** A recurrent graph trains end to end through the normal training run on generated sequence data. */
class SineWavesLstmTest {

    @Test
    void anLstmTellsSineWavesApartByFrequency() {
        int length = 30;
        Graph g = Graph.of(List.of(
                        new Node("input", "sequence_input", Map.of("steps", length, "features", 1), 0, 0),
                        new Node("lstm", "lstm", Map.of("hidden", 16), 0, 0),
                        new Node("head", "dense", Map.of("units", 3), 0, 0)),
                List.of(Edge.of("input", "out", "lstm", "in"), Edge.of("lstm", "out", "head", "in")));
        DataRecipe data = DataRecipe.generator("sine_waves", Map.of("samples", 600, "length", length, "noise", 0.1));
        TrainingSettings settings = new TrainingSettings(15, 32, 0.02, "adam", "cross_entropy", 1, 0.15, 0.15, data);
        var split = Generators.generate(data, settings.seed()).split(0.15, 0.15, settings.seed());
        RunResult result = new TrainingRun(g, settings, split).run();
        assertEquals("completed", result.status(), result.message());
        assertTrue(result.metrics().testAccuracy() >= 0.9, result.metrics().toString());
    }
}
