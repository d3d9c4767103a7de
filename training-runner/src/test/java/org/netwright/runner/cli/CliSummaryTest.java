package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.json.GraphJson;
import org.netwright.templates.TemplateLibrary;

/** {@code summary}: MACs per node and in total, multi-output nodes, graph files and the reference architectures. */
class CliSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode summaryJson(String... args) throws IOException {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.status(), r.err());
        return JSON.readTree(r.out());
    }

    private static JsonNode node(JsonNode root, String id) {
        for (JsonNode n : root.get("nodes")) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no node " + id + " in " + root);
    }

    private Path graphFile(String name, String nodes, String edges) throws IOException {
        return Files.writeString(dir.resolve(name), "{\"format\":\"netwright-graph\",\"version\":1,\"nodes\":[" + nodes
                + "],\"edges\":[" + edges + "]}");
    }

    @ParameterizedTest(name = "{0} has {1} parameters")
    @CsvSource({"lenet5, 61706", "alexnet, 61100840", "vgg16, 138357544", "resnet18, 11689512"})
    void referenceArchitecturesHaveThePublishedParameterCounts(String id, long params) throws IOException {
        JsonNode root = summaryJson("summary", "--template", id, "--json");
        assertEquals(params, root.get("total_params").asLong());
        long sum = 0;
        for (JsonNode n : root.get("nodes")) {
            sum += n.get("macs").asLong();
        }
        assertEquals(sum, root.get("total_macs").asLong());
    }

    /** Published multiply-accumulate counts: LeNet-5 0.42 M, AlexNet 0.71 G, VGG16 15.5 G, ResNet-18 1.82 G. */
    @ParameterizedTest(name = "{0} takes about {1} MACs")
    @CsvSource({"lenet5, 0.42e6", "alexnet, 0.71e9", "vgg16, 15.5e9", "resnet18, 1.82e9"})
    void referenceArchitecturesTakeThePublishedMultiplyAccumulates(String id, double macs) throws IOException {
        long total = summaryJson("summary", "--template", id, "--json").get("total_macs").asLong();
        assertEquals(macs, total, macs * 0.05, id + " total MACs " + total);
    }

    @Test
    void resnetBlocksAreCompositesWithTheirBodysShapeAndCounts() throws IOException {
        JsonNode block = node(summaryJson("summary", "--template", "resnet18", "--json"), "layer2_0");
        assertEquals("composite", block.get("type").asText());
        assertEquals("[128,28,28]", block.get("output_shape").toString());
        assertEquals(3 * 3 * 64 * 128 + 3 * 3 * 128 * 128 + 64 * 128 + 3 * 2 * 128, block.get("params").asInt());
        assertFalse(block.has("outputs"), "a block with one output port");
    }

    /** ResNet-18 written as a graph file (its composites nested) reads back with the same count. */
    @Test
    void aGraphFileWithNestedCompositesIsSummarised() throws IOException {
        Path file = Files.writeString(dir.resolve("resnet18.json"),
                GraphJson.write(TemplateLibrary.find("resnet18").orElseThrow().graph()));
        assertEquals(11_689_512, summaryJson("summary", file.toString(), "--json").get("total_params").asLong());
    }

    @Test
    void everyNodeReportsItsMacsAndConvolutionsCountTheirs() throws IOException {
        JsonNode root = summaryJson("summary", "--template", "lenet5", "--json");
        // conv2d_1: 6 filters of 5×5×1 at each of 28×28 positions.
        assertEquals(6L * 25 * 28 * 28, node(root, "conv2d_1").get("macs").asLong());
        assertEquals(84L * 10, node(root, "dense_3").get("macs").asLong());
        assertEquals(0, node(root, "input").get("macs").asLong());
    }

    @Test
    void theTableHasAMacsColumnAndTheTotal() {
        CliRunner r = CliRunner.run("summary", "--template", "shapes-cnn");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Param #  "), r.out());
        assertTrue(r.out().matches("(?s).*conv2d_1 \\(conv2d\\) +\\(None, 8, 16, 16\\) +80 +18,432\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\nTotal MACs per sample: [0-9,]+\n.*"), r.out());
    }

    @Test
    void aGraphFileIsSummarised() throws IOException {
        Path g = graphFile("three.json",
                "{\"id\":\"x\",\"type\":\"vector_input\",\"x\":0,\"y\":0,\"params\":{\"features\":4}},"
                        + "{\"id\":\"h\",\"type\":\"dense\",\"x\":200,\"y\":0,\"params\":{\"units\":8}},"
                        + "{\"id\":\"y\",\"type\":\"dense\",\"x\":400,\"y\":0,\"params\":{\"units\":3}}",
                "{\"from\":\"x.out\",\"to\":\"h.in\"},{\"from\":\"h.out\",\"to\":\"y.in\"}");
        JsonNode root = summaryJson("summary", g.toString(), "--json");
        assertEquals(4 * 8 + 8 + 8 * 3 + 3, root.get("total_params").asInt());
        assertEquals(4 * 8 + 8 * 3, root.get("total_macs").asInt());
        assertFalse(node(root, "h").has("outputs"), "one output port: no outputs map");
    }

    /** The README's example graph file is a valid graph with the parameter count the README states. */
    @Test
    void theReadmeExampleGraphIsValid() throws IOException {
        Path readme = Path.of("..", "README.md");
        assumeTrue(Files.isRegularFile(readme), "no README at " + readme.toAbsolutePath());
        String text = Files.readString(readme);
        // The graph file example is the JSON block that declares the graph format (others show event lines).
        int start = text.indexOf("```json\n");
        while (start >= 0 && !text.substring(start, text.indexOf("```", start + 8)).contains("netwright-graph")) {
            start = text.indexOf("```json\n", start + 8);
        }
        assertTrue(start >= 0, "the README shows a graph file");
        String example = text.substring(start + 8, text.indexOf("```", start + 8));
        JsonNode root = summaryJson("summary", Files.writeString(dir.resolve("readme.json"), example).toString(), "--json");
        assertEquals(131, root.get("total_params").asInt());
        assertTrue(text.contains("gives 4·16+16 + 16·3+3 = 131 parameters"), "the README states the count");
    }

    @Test
    void aNodeWithSeveralOutputPortsListsEachInJsonAndItsFirstInTheTable() throws IOException {
        Path g = graphFile("split.json",
                "{\"id\":\"x\",\"type\":\"vector_input\",\"x\":0,\"y\":0,\"params\":{\"features\":6}},"
                        + "{\"id\":\"s\",\"type\":\"split\",\"x\":200,\"y\":0,\"params\":{\"parts\":3}},"
                        + "{\"id\":\"y\",\"type\":\"add\",\"x\":400,\"y\":0,\"params\":{\"inputs\":3}}",
                "{\"from\":\"x.out\",\"to\":\"s.in\"},{\"from\":\"s.out1\",\"to\":\"y.in1\"},"
                        + "{\"from\":\"s.out2\",\"to\":\"y.in2\"},{\"from\":\"s.out3\",\"to\":\"y.in3\"}");
        JsonNode s = node(summaryJson("summary", g.toString(), "--json"), "s");
        assertEquals("[2]", s.get("output_shape").toString());
        assertEquals("{\"out1\":[2],\"out2\":[2],\"out3\":[2]}", s.get("outputs").toString());
        CliRunner table = CliRunner.run("summary", g.toString());
        assertEquals(0, table.status(), table.err());
        assertEquals(1, table.outLines().stream().filter(l -> l.startsWith("s (split)")).count(), table.out());
        assertTrue(table.out().contains("(None, 2) out1; also out2, out3"), table.out());
    }

    @Test
    void oneTransformerEncoderBlockHasPyTorchsCount() throws IOException {
        Path g = graphFile("encoder.json",
                "{\"id\":\"x\",\"type\":\"sequence_input\",\"x\":0,\"y\":0,\"params\":{\"steps\":10,\"features\":512}},"
                        + "{\"id\":\"enc\",\"type\":\"transformer_encoder_block\",\"x\":200,\"y\":0,"
                        + "\"params\":{\"d_model\":512,\"heads\":8,\"ff_dim\":2048}}",
                "{\"from\":\"x.out\",\"to\":\"enc.in\"}");
        JsonNode root = summaryJson("summary", g.toString(), "--json");
        assertEquals(3_152_384, root.get("total_params").asLong());
        assertEquals("[10,512]", node(root, "enc").get("output_shape").toString());
    }

    @Test
    void anLstmFromThreeHundredToOneHundredTwentyEightHasPyTorchsCount() throws IOException {
        Path g = graphFile("lstm.json",
                "{\"id\":\"x\",\"type\":\"sequence_input\",\"x\":0,\"y\":0,\"params\":{\"steps\":7,\"features\":300}},"
                        + "{\"id\":\"lstm\",\"type\":\"lstm\",\"x\":200,\"y\":0,\"params\":{\"hidden\":128}}",
                "{\"from\":\"x.out\",\"to\":\"lstm.in\"}");
        assertEquals(220_160, summaryJson("summary", g.toString(), "--json").get("total_params").asLong());
    }
}
