package org.netwright.runner.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.run.RunListener;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.data.Samples;

/** Trains a small graph in a real run and keeps its last weights, for the tests that look inside it. */
record Trained(Graph graph, byte[] weights, RunResult result) {

    static Trained train(Graph graph, TrainingSettings settings, Samples.Split data) {
        byte[][] last = new byte[1][];
        TrainingRun run = new TrainingRun(graph, settings, data).addListener(new RunListener() {
            @Override
            public void checkpoint(int epoch, byte[] weights) {
                last[0] = weights;
            }
        });
        RunResult result = run.run();
        assertEquals("completed", result.status(), result.message());
        return new Trained(graph, last[0], result);
    }

    static Node node(String id, String type, Map<String, Object> params) {
        return new Node(id, type, params, 0, 0);
    }

    static Edge edge(String from, String to) {
        return Edge.of(from, "out", to, "in");
    }
}
