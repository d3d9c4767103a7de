package org.netwright.runner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.runner.export.onnx.OnnxImportException;
import org.netwright.runner.export.onnx.OnnxImporter;
import org.netwright.runner.export.onnx.OnnxModelReader;
import org.netwright.runner.export.onnx.proto.Onnx.ModelProto;

/**
 * ONNX models written by PyTorch's exporter (made by src/test/resources/onnx/make_models.py) import as our layers and
 * compute what PyTorch computed: MLP, CNN with batch norm, residual, LSTM, GRU, stacked bidirectional LSTM, token ids
 * through an embedding, shape arithmetic folded to sizes, grouped and depthwise convolutions. A model with an
 * operator we lack is refused naming it.
 */
class OnnxForeignModelsTest {
    static ModelProto model(String name) throws IOException {
        try (InputStream in = OnnxForeignModelsTest.class.getResourceAsStream("/onnx/" + name + ".onnx")) {
            return OnnxModelReader.parse(in.readAllBytes(), name + ".onnx");
        }
    }

    static JsonNode expected(String name) throws IOException {
        try (InputStream in = OnnxForeignModelsTest.class.getResourceAsStream("/onnx/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"torch_mlp", "torch_cnn", "torch_residual", "torch_lstm", "torch_gru", "torch_bilstm",
        "torch_tokens", "torch_tokens_lstm", "torch_shape_arithmetic", "torch_grouped"})
    void pytorchModelImportsAndComputesWhatPytorchComputed(String name) throws IOException {
        OnnxImporter.Imported imported = OnnxImporter.importModel(model(name), OnnxModelReader.forFile(Path.of(
                name + ".onnx")));
        JsonNode e = expected(name);
        List<float[]> out = OnnxHarness.runDjl(imported.graph(), imported.checkpoint(), List.of(floats(e.get("input"))));
        float[] want = floats(e.get("output"));
        double diff = OnnxHarness.maxAbsDifference(List.of(want), out);
        System.out.printf("PyTorch model %s: %d layers, %d parameters, max abs difference %.3g%n", name,
                imported.graph().nodes().size(), imported.parameters(), diff);
        assertTrue(diff <= 1e-4, name + " differs from PyTorch by " + diff);
        assertTrue(imported.graph().nodes().containsKey("y"), "the output layer keeps the model's output name");
    }

    @Test
    void tokenIdsShapeArithmeticAndGroupedConvolutionsBecomeOurLayers() throws IOException {
        Graph tokens = importOf("torch_tokens");
        Node ids = tokens.nodes().get("x");
        assertEquals("token_input", ids.type());
        assertEquals(20, ((Number) ids.params().get("vocabulary")).intValue());
        assertEquals(6, ((Number) ids.params().get("length")).intValue());
        assertEquals(List.of("embedding"), types(tokens, "embedding"));
        // view(x.size(0), -1): Shape, Gather, Unsqueeze, Concat folded into one reshape to -1.
        assertEquals("-1", only(tokens, "reshape").params().get("target"));
        // reshape(b, c * h * w): the sizes multiplied out to 36.
        assertEquals("36", only(importOf("torch_shape_arithmetic"), "reshape").params().get("target"));
        Graph grouped = importOf("torch_grouped");
        List<Integer> groups = grouped.nodes().values().stream().filter(n -> n.type().startsWith("conv"))
                .map(n -> ((Number) n.params().get("groups")).intValue()).sorted().toList();
        assertEquals(List.of(1, 2, 6, 8), groups);
        assertEquals("8,-1", only(grouped, "reshape").params().get("target"));
    }

    private static Graph importOf(String name) throws IOException {
        return OnnxImporter.importModel(model(name), OnnxModelReader.forFile(Path.of(name + ".onnx"))).graph();
    }

    private static List<String> types(Graph g, String type) {
        return g.nodes().values().stream().map(Node::type).filter(type::equals).toList();
    }

    private static Node only(Graph g, String type) {
        List<Node> found = g.nodes().values().stream().filter(n -> n.type().equals(type)).toList();
        assertEquals(1, found.size(), type + " in " + g.nodes().keySet());
        return found.get(0);
    }

    @Test
    void operatorWithoutALayerIsListedByNameAndType() {
        OnnxImportException e = assertThrows(OnnxImportException.class, () -> OnnxImporter.importModel(
                model("torch_unsupported"), OnnxModelReader.forFile(Path.of("torch_unsupported.onnx"))));
        assertTrue(e.getMessage().startsWith("2 operator(s) cannot be imported"), e.getMessage());
        assertTrue(e.getMessage().contains("'/Softplus' (Softplus)"), e.getMessage());
        assertTrue(e.getMessage().contains("'/HardSwish' (HardSwish)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was written"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
