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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect} on runs trained by the CLI: a CNN's layers, filters and feature maps, and a token network's attention
 * map and nearest tokens, each one JSON object on one line shaped as its Javadoc says.
 */
@Tag("training")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliInspectTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** token_input -> embedding -> two-head self-attention -> mean over the steps -> dense 2, on the tokens generator. */
    static final String ATTENTION_GRAPH = "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":["
            + "{\"id\":\"tokens\",\"type\":\"token_input\",\"x\":0,\"y\":0,\"params\":{\"length\":16,\"vocabulary\":20}},"
            + "{\"id\":\"embed\",\"type\":\"embedding\",\"x\":0,\"y\":0,\"params\":{\"vocabulary\":20,\"dimension\":16}},"
            + "{\"id\":\"attend\",\"type\":\"multi_head_attention\",\"x\":0,\"y\":0,\"params\":{\"d_model\":16,"
            + "\"heads\":2}},"
            + "{\"id\":\"turn\",\"type\":\"permute\",\"x\":0,\"y\":0,\"params\":{\"order\":\"1,0\"}},"
            + "{\"id\":\"mean\",\"type\":\"global_avg_pool\",\"x\":0,\"y\":0,\"params\":{}},"
            + "{\"id\":\"out\",\"type\":\"dense\",\"x\":0,\"y\":0,\"params\":{\"units\":2}}],"
            + "\"edges\":[{\"from\":\"tokens.out\",\"to\":\"embed.in\"},{\"from\":\"embed.out\",\"to\":\"attend.query\"},"
            + "{\"from\":\"embed.out\",\"to\":\"attend.key\"},{\"from\":\"embed.out\",\"to\":\"attend.value\"},"
            + "{\"from\":\"attend.out\",\"to\":\"turn.in\"},{\"from\":\"turn.out\",\"to\":\"mean.in\"},"
            + "{\"from\":\"mean.out\",\"to\":\"out.in\"}]}";
    @TempDir
    static Path dir;
    private Path cnn;
    private Path tokens;

    @BeforeAll
    void train() throws IOException {
        cnn = dir.resolve("cnn.nwproj");
        CliRunner r = CliRunner.run("train", "--template", "shapes-cnn", "--epochs", "1", "--data",
                "gen:shapes:samples=200", "--save", cnn.toString());
        assertEquals(0, r.status(), r.err());
        Path graph = dir.resolve("attention.json");
        Files.writeString(graph, ATTENTION_GRAPH);
        tokens = dir.resolve("tokens.nwproj");
        CliRunner t = CliRunner.run("train", graph.toString(), "--data", "gen:tokens:samples=300", "--epochs", "1",
                "--save", tokens.toString());
        assertEquals(0, t.status(), t.err());
    }

    private static JsonNode answer(String... args) throws IOException {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.outLines().size(), r.out());
        return JSON.readTree(r.outLines().get(0));
    }

    private static List<Integer> shape(JsonNode o) {
        List<Integer> dims = new ArrayList<>();
        o.get("shape").forEach(d -> dims.add(d.asInt()));
        return dims;
    }

    @Test
    void aCnnListsItsLayersAndShowsFiltersAndFeatureMaps() throws IOException {
        JsonNode layers = answer("inspect", cnn.toString(), "--what", "layers", "--json");
        String conv = null;
        for (JsonNode l : layers.get("layers")) {
            if (l.get("type").asText().equals("conv2d") && conv == null) {
                conv = l.get("id").asText();
                assertTrue(l.get("offers").toString().contains("filters"), l.toString());
                assertTrue(l.get("offers").toString().contains("feature-maps"), l.toString());
            }
        }
        assertTrue(conv != null, layers.toString());
        JsonNode filters = answer("inspect", cnn.toString(), "--what", "filters", "--layer", conv, "--json");
        List<Integer> f = shape(filters);
        assertEquals(4, f.size());
        assertEquals(1, (int) f.get(1), "the first conv layer reads one grey channel");
        assertEquals(f.stream().reduce(1, (a, b) -> a * b), filters.get("values").size());
        JsonNode maps = answer("inspect", cnn.toString(), "--what", "feature-maps", "--sample", "2", "--json");
        assertEquals(conv, maps.get("layer").asText(), "without --layer, the first layer with feature maps");
        List<Integer> m = shape(maps);
        assertEquals(3, m.size());
        assertEquals(f.get(0), m.get(0), "one map per filter");
        assertEquals(m.get(0) * m.get(1) * m.get(2), maps.get("values").size());
        CliRunner wrong = CliRunner.run("inspect", cnn.toString(), "--what", "attention", "--json");
        assertEquals(2, wrong.status());
        assertTrue(wrong.err().startsWith("netwright: ") && wrong.err().contains("attention"), wrong.err());
    }

    @Test
    void aTokenNetworkShowsAnAttentionMapOfAHeadAndNearestTokens() throws IOException {
        JsonNode a = answer("inspect", tokens.toString(), "--what", "attention", "--layer", "attend", "--head", "1",
                "--json");
        assertEquals(2, a.get("heads").asInt());
        assertEquals(List.of(16, 16), shape(a));
        assertEquals(16, a.get("tokens").size());
        for (int row = 0; row < 16; row++) {
            double sum = 0;
            for (int col = 0; col < 16; col++) {
                sum += a.get("values").get(row * 16 + col).asDouble();
            }
            assertEquals(1.0, sum, 1e-4, "each query's weights sum to one");
        }
        JsonNode n = answer("inspect", tokens.toString(), "--what", "neighbours", "--token", "3", "--k", "4", "--json");
        assertEquals(3, n.get("token").get("id").asInt());
        assertEquals(4, n.get("neighbours").size());
        double last = 1.0;
        for (JsonNode e : n.get("neighbours")) {
            assertTrue(e.get("id").asInt() != 3);
            assertTrue(e.get("similarity").asDouble() <= last + 1e-9, "most similar first");
            last = e.get("similarity").asDouble();
        }
        CliRunner head = CliRunner.run("inspect", tokens.toString(), "--what", "attention", "--head", "5");
        assertEquals(2, head.status());
        assertTrue(head.err().contains("head"), head.err());
    }

    @Test
    void activationsGiveEachLayersStatisticsOverTestSamples() throws IOException {
        JsonNode o = answer("inspect", cnn.toString(), "--what", "activations", "--count", "16", "--json");
        assertEquals(16, o.get("samples").asInt());
        JsonNode layers = answer("inspect", cnn.toString(), "--what", "layers", "--json").get("layers");
        assertEquals(layers.size() - 1, o.get("layers").size(), "every layer but the input: " + o);
        for (JsonNode l : o.get("layers")) {
            long total = 0;
            for (JsonNode c : l.get("histogram")) {
                total += c.asLong();
            }
            assertEquals(l.get("count").asLong(), total, "the histogram holds every value of " + l.get("id"));
            assertTrue(l.get("min").asDouble() <= l.get("mean").asDouble()
                    && l.get("mean").asDouble() <= l.get("max").asDouble(), l.toString());
            if (l.get("type").asText().equals("relu")) {
                assertTrue(l.get("zeros").asDouble() > 0 && l.get("min").asDouble() == 0, l.toString());
                assertTrue(l.get("saturated").isNull(), "a ReLU does not saturate");
            }
        }
    }

    @Test
    void samplesGiveTheChosenTestImagesAndRefuseAnIndexOutside() throws IOException {
        JsonNode o = answer("inspect", cnn.toString(), "--what", "samples", "--samples", "2,0", "--json");
        assertEquals("image", o.get("kind").asText());
        assertEquals(List.of(1, 32, 32).size(), shape(o).size());
        int pixels = shape(o).stream().reduce(1, (a, b) -> a * b);
        assertEquals(2, o.get("samples").size());
        assertEquals(2, o.get("samples").get(0).get("index").asInt());
        assertEquals(pixels, o.get("samples").get(1).get("values").size());
        CliRunner bad = CliRunner.run("inspect", cnn.toString(), "--what", "samples", "--samples", "0,100000");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("samples 0 to"), bad.err());
    }
}
