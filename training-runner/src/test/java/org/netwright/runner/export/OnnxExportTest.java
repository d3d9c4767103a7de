package org.netwright.runner.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.graph.Graph;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.runner.export.onnx.OnnxWriter;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/** Every template exported to ONNX and run in ONNX Runtime gives our block's outputs within 1e-4. */
class OnnxExportTest {
    /** The reference architectures at 224×224 take long on two cores; they run with the slow tests. */
    static final List<String> LARGE = List.of(TemplateLibrary.ALEXNET, TemplateLibrary.VGG16, TemplateLibrary.RESNET18);

    static Stream<String> smallTemplates() {
        return TemplateLibrary.all().stream().map(Template::id).filter(id -> !LARGE.contains(id));
    }

    static Stream<String> largeTemplates() {
        return LARGE.stream();
    }

    @ParameterizedTest
    @MethodSource("smallTemplates")
    void smallTemplateRunsInOnnxRuntimeAsInDjl(String id) throws Exception {
        check(id);
    }

    @Tag("slow")
    @ParameterizedTest
    @MethodSource("largeTemplates")
    void referenceArchitectureRunsInOnnxRuntimeAsInDjl(String id) throws Exception {
        check(id);
    }

    static void check(String id) throws Exception {
        Graph graph = TemplateLibrary.find(id).orElseThrow().graph();
        byte[] checkpoint = OnnxHarness.seededCheckpoint(graph, 7);
        byte[] model = OnnxWriter.toModel(graph, Checkpoints.read(checkpoint)).toByteArray();
        GraphBlock block = GraphCompiler.compile(graph, null, null);
        List<float[]> inputs = OnnxHarness.inputs(graph, block, 11);
        List<float[]> ours = OnnxHarness.runDjl(graph, checkpoint, inputs);
        List<float[]> theirs = OnnxHarness.runOnnx(model, block, inputs);
        double diff = OnnxHarness.maxAbsDifference(ours, theirs);
        System.out.printf("ONNX %s: %d output(s), max abs difference %.3g%n", id, ours.size(), diff);
        assertTrue(diff <= 1e-4, id + ": ONNX Runtime differs from DJL by " + diff);
    }
}
