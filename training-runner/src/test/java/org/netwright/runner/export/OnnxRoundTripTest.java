package org.netwright.runner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.graph.Graph;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.Tensor;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.runner.export.onnx.OnnxImporter;
import org.netwright.runner.export.onnx.OnnxModelReader;
import org.netwright.runner.export.onnx.OnnxWriter;
import org.netwright.runner.export.onnx.proto.Onnx.ModelProto;
import org.netwright.runner.export.onnx.proto.Onnx.NodeProto;
import org.netwright.runner.export.onnx.proto.Onnx.ValueInfoProto;
import org.netwright.templates.TemplateLibrary;

/**
 * Export to ONNX then import gives the same parameter count and the same outputs (within 1e-4) for every template;
 * with our layer marks stripped, as a model from elsewhere, the templates made of plain operators still come back.
 */
class OnnxRoundTripTest {
    /** Templates whose every layer is one plain ONNX operator (or a Gemm/MatMul with its bias, a pooling and flatten). */
    static final List<String> PLAIN = List.of(TemplateLibrary.TWO_MOONS_MLP, TemplateLibrary.SHAPES_CNN,
            TemplateLibrary.LENET5, "regression-mlp", "conv1d-forecast", "autoencoder", "denoising-autoencoder",
            "resnet-mini", "gan-2d", "dcgan");

    static Stream<String> smallTemplates() {
        return OnnxExportTest.smallTemplates();
    }

    static Stream<String> plainTemplates() {
        return PLAIN.stream();
    }

    @ParameterizedTest
    @MethodSource("smallTemplates")
    void exportedTemplateImportsWithSameParametersAndOutputs(String id) {
        roundTrip(id, false);
    }

    @Tag("slow")
    @ParameterizedTest
    @MethodSource("org.netwright.runner.export.OnnxExportTest#largeTemplates")
    void referenceArchitectureImportsWithSameParametersAndOutputs(String id) {
        roundTrip(id, false);
    }

    @ParameterizedTest
    @MethodSource("plainTemplates")
    void plainOperatorsImportWithoutOurMarks(String id) {
        roundTrip(id, true);
    }

    static void roundTrip(String id, boolean strip) {
        Graph graph = TemplateLibrary.find(id).orElseThrow().graph();
        byte[] checkpoint = OnnxHarness.seededCheckpoint(graph, 5);
        // One copy of the weights at a time: VGG-16's 138 M parameters are 553 MB in each form.
        long expected;
        byte[] bytes;
        {
            List<Tensor> tensors = Checkpoints.read(checkpoint);
            expected = tensors.stream().mapToLong(t -> t.values().length).sum();
            ModelProto model = OnnxWriter.toModel(graph, tensors);
            tensors = null;
            bytes = (strip ? stripped(model) : model).toByteArray();
        }
        OnnxImporter.Imported imported = OnnxImporter.importModel(OnnxModelReader.parse(bytes, "model.onnx"),
                OnnxModelReader.forFile(java.nio.file.Path.of("model.onnx")));
        bytes = null;
        assertEquals(expected, imported.parameters(), id + ": parameter count after import");

        GraphBlock before = GraphCompiler.compile(graph, null, null);
        List<float[]> inputs = OnnxHarness.inputs(graph, before, 3);
        Map<String, float[]> byPort = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            byPort.put(before.inputPorts().get(i), inputs.get(i));
        }
        GraphBlock after = GraphCompiler.compile(imported.graph(), null, null);
        List<float[]> reordered = new ArrayList<>();
        for (String port : after.inputPorts()) {
            float[] v = byPort.get(port);
            if (v == null) {
                // A plain import names a single-port input after the ONNX input, which is the node id.
                v = byPort.get(port.substring(0, port.lastIndexOf('.')) + ".out");
            }
            reordered.add(v);
        }
        List<float[]> ours = OnnxHarness.runDjl(graph, checkpoint, inputs);
        List<float[]> unordered = OnnxHarness.runDjl(imported.graph(), imported.checkpoint(), reordered);
        // Outputs are compared by name: the imported graph may list its output layers in another order.
        List<float[]> back = new ArrayList<>();
        for (String out : before.outputIds()) {
            int at = after.outputIds().indexOf(out);
            assertTrue(at >= 0, id + ": output " + out + " is missing after import: " + after.outputIds());
            back.add(unordered.get(at));
        }
        double diff = OnnxHarness.maxAbsDifference(ours, back);
        System.out.printf("ONNX round trip %s%s: %d parameters, max abs difference %.3g%n", id,
                strip ? " (plain operators)" : "", imported.parameters(), diff);
        assertTrue(diff <= 1e-4, id + ": imported model differs by " + diff);
    }

    /** The model without our layer marks, as an ONNX file from another tool would be. */
    static ModelProto stripped(ModelProto model) {
        ModelProto.Builder m = model.toBuilder().clearMetadataProps();
        var g = m.getGraphBuilder();
        for (NodeProto.Builder n : g.getNodeBuilderList()) {
            n.clearMetadataProps();
        }
        for (ValueInfoProto.Builder v : g.getInputBuilderList()) {
            v.clearMetadataProps();
        }
        return m.build();
    }
}
