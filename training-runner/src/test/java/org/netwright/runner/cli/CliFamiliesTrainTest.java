package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.json.GraphJson;

/**
 * Graphs of our own from each layer family, written as JSON files the way another tool would, trained
 * end to end through {@code train FILE.json --data gen:...}: each must learn its task, not merely run.
 */
class CliFamiliesTrainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void tokensThroughEmbeddingAndATransformerBlockLearnToCount() throws IOException {
        Graph g = chain(node("tokens", "token_input", Map.of("length", 16, "vocabulary", 20)),
                node("embed", "embedding", Map.of("vocabulary", 20, "dimension", 16, "padding_id", 0)),
                node("encoder", "transformer_encoder_block", Map.of("d_model", 16, "heads", 2, "ff_dim", 32,
                        "dropout", 0.0)),
                node("flat", "flatten", Map.of()),
                node("head", "dense", Map.of("units", 2)));
        JsonNode last = train(g, "gen:tokens:samples=800", "--epochs", "15", "--lr", "0.005");
        assertTrue(last.get("test_accuracy").asDouble() >= 0.8, last.toString());
    }

    @Test
    void aGruTellsSineWavesApart() throws IOException {
        Graph g = chain(node("waves", "sequence_input", Map.of("steps", 30, "features", 1)),
                node("gru", "gru", Map.of("hidden", 16)),
                node("head", "dense", Map.of("units", 3)));
        JsonNode last = train(g, "gen:sine_waves:samples=450,length=30", "--epochs", "15", "--lr", "0.02");
        assertTrue(last.get("test_accuracy").asDouble() >= 0.85, last.toString());
    }

    @Test
    void aConvNetWithBatchNormAndGlobalPoolingTellsShapesApart() throws IOException {
        Graph g = chain(node("img", "image_input", Map.of("channels", 1, "height", 16, "width", 16)),
                node("conv", "conv2d", Map.of("filters", 8, "kernel", 3)),
                node("bn", "batch_norm", Map.of()),
                node("act", "leaky_relu", Map.of()),
                node("pool", "avg_pool2d", Map.of("kernel", 2, "stride", 2)),
                node("conv2", "conv2d", Map.of("filters", 16, "kernel", 3)),
                node("act2", "gelu", Map.of()),
                node("gap", "global_max_pool", Map.of()),
                node("head", "dense", Map.of("units", 3)));
        JsonNode last = train(g, "gen:shapes:samples=600", "--epochs", "10", "--lr", "0.01");
        assertTrue(last.get("test_accuracy").asDouble() >= 0.8, last.toString());
    }

    @Test
    void aVariationalBottleneckWithSamplingStillClassifies() throws IOException {
        List<Node> nodes = List.of(node("x", "vector_input", Map.of("features", 2)),
                node("hidden", "dense", Map.of("units", 16)), node("act", "tanh", Map.of()),
                node("mu", "dense", Map.of("units", 4)), node("log_var", "dense", Map.of("units", 4)),
                node("z", "sampling", Map.of()), node("decode", "dense", Map.of("units", 16)),
                node("act2", "relu", Map.of()), node("head", "dense", Map.of("units", 2)));
        List<Edge> edges = List.of(Edge.of("x", "out", "hidden", "in"), Edge.of("hidden", "out", "act", "in"),
                Edge.of("act", "out", "mu", "in"), Edge.of("act", "out", "log_var", "in"),
                Edge.of("mu", "out", "z", "mu"), Edge.of("log_var", "out", "z", "log_var"),
                Edge.of("z", "out", "decode", "in"), Edge.of("decode", "out", "act2", "in"),
                Edge.of("act2", "out", "head", "in"));
        JsonNode last = train(Graph.of(nodes, edges), "gen:two_moons", "--epochs", "20", "--lr", "0.01");
        assertTrue(last.get("test_accuracy").asDouble() >= 0.9, last.toString());
    }

    private JsonNode train(Graph g, String data, String... more) throws IOException {
        Path file = Files.writeString(dir.resolve("graph.json"), GraphJson.write(g));
        List<String> args = new ArrayList<>(List.of("train", file.toString(), "--data", data, "--json"));
        args.addAll(List.of(more));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.outLines();
        JsonNode last = JSON.readTree(lines.get(lines.size() - 1)).get("final");
        assertEquals("completed", last.get("status").asText(), r.out());
        return last;
    }

    private static Node node(String id, String type, Map<String, Object> params) {
        return new Node(id, type, params, 0, 0);
    }

    /** Nodes wired one after another, out to in. */
    private static Graph chain(Node... nodes) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.length; i++) {
            edges.add(Edge.of(nodes[i - 1].id(), "out", nodes[i].id(), "in"));
        }
        return Graph.of(List.of(nodes), edges);
    }
}
