package org.netwright.runner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Graph;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.Tensor;
import org.netwright.runner.run.TrainedRun;
import org.netwright.templates.TemplateLibrary;

/** The onnx format as the export command uses it: the file, its input and output names, refusals before writing. */
class OnnxExporterTest {
    @TempDir
    Path dir;

    @Test
    void registeredUnderItsFormatName() {
        assertTrue(Exporters.of("onnx").orElseThrow() instanceof OnnxExporter);
    }

    @Test
    void writesModelOnnxNamedAfterTheInputAndOutputLayers() throws Exception {
        Graph graph = TemplateLibrary.find("cgan").orElseThrow().graph();
        TrainedRun run = new TrainedRun(1, graph, null, OnnxHarness.seededCheckpoint(graph, 2), null);
        new OnnxExporter().write(run, dir.resolve("p.nwproj"), dir);
        try (var files = Files.list(dir)) {
            assertEquals(Set.of(dir.resolve("model.onnx"), dir.resolve("README.md")), Set.copyOf(files.toList()));
        }
        String readme = Files.readString(dir.resolve("README.md"));
        assertTrue(readme.contains("- `noise`: float32 [batch, 8]"), readme);
        assertTrue(readme.contains("- `score`: float32 [batch, 1]"), readme);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(dir.resolve("model.onnx").toString(), new OrtSession.SessionOptions())) {
            assertEquals(Set.of("noise", "g_label", "point", "d_label"), s.getInputNames());
            assertEquals(Set.of("sample", "score"), s.getOutputNames());
        }
    }

    @Test
    void missingWeightsAreRefusedNamingTheLayerBeforeWriting() throws Exception {
        Graph graph = TemplateLibrary.find(TemplateLibrary.TWO_MOONS_MLP).orElseThrow().graph();
        List<Tensor> all = Checkpoints.read(OnnxHarness.seededCheckpoint(graph, 2));
        byte[] partial = Checkpoints.write(all.stream().filter(t -> !t.nodeId().equals("dense_2")).toList());
        TrainedRun run = new TrainedRun(1, graph, null, partial, null);
        ExportException e = assertThrows(ExportException.class, () -> new OnnxExporter().write(run, dir, dir));
        assertTrue(e.getMessage().contains("'dense_2'"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
