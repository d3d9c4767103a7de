package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.runner.export.OnnxExporter;
import org.netwright.runner.export.onnx.proto.Onnx.ModelProto;
import org.netwright.runner.export.onnx.proto.Onnx.StringStringEntryProto;
import org.netwright.runner.export.onnx.proto.Onnx.TensorProto;
import org.netwright.runner.run.TrainedRun;

/** {@code netwright import}: a PyTorch-made model becomes a project whose run exports again; bad files get one line. */
class CliImportTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/onnx/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }

    @Test
    void anImportedModelExportsAsPytorchSourceWithoutTrainingAndPredictSaysWhyItCannotRead() throws Exception {
        Path model = resource("torch_grouped.onnx");
        Path project = dir.resolve("grouped.nwproj");
        assertEquals(0, CliRunner.run("import", model.toString(), "--out", project.toString()).status());
        Path out = dir.resolve("grouped-pytorch");
        CliRunner r = CliRunner.run("export", project.toString(), "--format", "pytorch", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("model.py")) && Files.isRegularFile(out.resolve("predict.py")));
        assertFalse(Files.exists(out.resolve("train.py")), "no data to train on, so no train.py");
        assertTrue(Files.readString(out.resolve("README.md")).contains("There is no train.py: this run names no data"));
        Path input = Files.writeString(dir.resolve("x.csv"), "a\n1\n");
        CliRunner p = CliRunner.run("predict", project.toString(), "--input", input.toString(), "--json");
        assertEquals(2, p.status());
        assertEquals(1, p.errLines().size(), p.err());
        assertTrue(p.err().contains("names no data (an imported model)"), p.err());
        assertTrue(p.err().contains("--data PATH"), p.err());
        // The Insight window's Predict a file shows the same line: there it names the Import Data window's buttons.
        String was = System.getProperty(org.netwright.runner.data.DataOption.AUDIENCE_PROPERTY);
        System.setProperty(org.netwright.runner.data.DataOption.AUDIENCE_PROPERTY, "app");
        try {
            CliRunner app = CliRunner.run("predict", project.toString(), "--input", input.toString(), "--json");
            assertEquals(2, app.status());
            assertTrue(app.err().contains("train it on data first (choose them with Choose file… or Choose folder…"
                    + " in File > Import Data…, then Train)"), app.err());
            assertFalse(app.err().contains("--"), app.err());
        } finally {
            if (was == null) {
                System.clearProperty(org.netwright.runner.data.DataOption.AUDIENCE_PROPERTY);
            } else {
                System.setProperty(org.netwright.runner.data.DataOption.AUDIENCE_PROPERTY, was);
            }
        }
    }

    @Test
    void importedModelIsARunThatExportsToOnnxAgainWithPytorchsOutputs() throws Exception {
        Path model = resource("torch_cnn.onnx");
        Path project = dir.resolve("cnn.nwproj");
        CliRunner r = CliRunner.run("import", model.toString(), "--out", project.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode line = new ObjectMapper().readTree(r.out());
        assertEquals(537, line.get("parameters").asLong());

        TrainedRun run = TrainedRun.load(project, Optional.empty());
        Path out = Files.createDirectory(dir.resolve("export"));
        new OnnxExporter().write(run, project, out);

        JsonNode expected = new ObjectMapper().readTree(getClass().getResourceAsStream("/onnx/torch_cnn.json"));
        float[] input = floats(expected.get("input"));
        float[] want = floats(expected.get("output"));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(out.resolve("model.onnx").toString(), new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {2, 1, 8, 8});
             OrtSession.Result result = session.run(Map.of("x", x))) {
            FloatBuffer y = ((OnnxTensor) result.get("y").orElseThrow()).getFloatBuffer();
            double max = 0;
            for (float w : want) {
                max = Math.max(max, Math.abs(w - y.get()));
            }
            assertTrue(max <= 1e-4, "re-exported model differs from PyTorch by " + max);
        }
    }

    @Test
    void trainedRunExportsWithAReadmeNamingItsClasses() throws Exception {
        Path project = dir.resolve("moons.nwproj");
        CliRunner t = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--save",
                project.toString());
        assertEquals(0, t.status(), t.err());
        Path out = Files.createDirectory(dir.resolve("onnx"));
        new OnnxExporter().write(TrainedRun.load(project, Optional.empty()), project, out);
        String readme = Files.readString(out.resolve("README.md"));
        assertTrue(readme.contains("- `input`: float32 [batch, 2]"), readme);
        assertTrue(readme.contains("- `dense_3`: float32 [batch, 2]"), readme);
        assertTrue(Files.size(out.resolve("model.onnx")) > 354 * 4);
    }

    @Test
    void unsupportedOperatorsAreListedAndNothingIsWritten() throws Exception {
        Path project = dir.resolve("bad.nwproj");
        CliRunner r = CliRunner.run("import", resource("torch_unsupported.onnx").toString(), "--out",
                project.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("'/Softplus' (Softplus)") && r.err().contains("'/HardSwish' (HardSwish)"),
                r.err());
        assertFalse(Files.exists(project));
        assertEquals(1, Files.list(dir).count(), "only the model itself is in the folder");
    }

    @Test
    void malformedProtobufGetsOneLine() throws Exception {
        byte[] bytes = Files.readAllBytes(resource("torch_mlp.onnx"));
        Path broken = dir.resolve("broken.onnx");
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRunner r = CliRunner.run("import", broken.toString(), "--out", dir.resolve("b.nwproj").toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("netwright: broken.onnx is not a valid ONNX model"), r.err());
    }

    @Test
    void existingProjectIsNotOverwritten() throws Exception {
        Path project = Files.writeString(dir.resolve("taken.nwproj"), "mine");
        CliRunner r = CliRunner.run("import", resource("torch_mlp.onnx").toString(), "--out", project.toString());
        assertEquals(2, r.status());
        assertEquals("mine", Files.readString(project));
    }

    /** torch_mlp.onnx with its first weight moved to external data at {@code location}. */
    private Path withExternalWeight(String location, Path folder) throws Exception {
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(resource("torch_mlp.onnx")));
        ModelProto.Builder b = m.toBuilder();
        TensorProto t = b.getGraph().getInitializer(0);
        TensorProto.Builder moved = t.toBuilder().clearRawData().clearFloatData()
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location));
        b.getGraphBuilder().setInitializer(0, moved);
        Path file = folder.resolve("external.onnx");
        Files.write(file, b.build().toByteArray());
        return file;
    }

    @Test
    void externalDataOutsideTheModelsFolderIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("models"));
        Files.write(dir.resolve("secret.bin"), new byte[4096]);
        for (String location : new String[] {"../secret.bin", dir.resolve("secret.bin").toString()}) {
            Path model = withExternalWeight(location, folder);
            CliRunner r = CliRunner.run("import", model.toString(), "--out", dir.resolve("x.nwproj").toString());
            assertEquals(2, r.status(), location);
            assertTrue(r.err().contains("outside the model's folder"), r.err());
            assertFalse(Files.exists(dir.resolve("x.nwproj")));
        }
        Files.createSymbolicLink(folder.resolve("link.bin"), dir.resolve("secret.bin"));
        CliRunner r = CliRunner.run("import", withExternalWeight("link.bin", folder).toString(), "--out",
                dir.resolve("x.nwproj").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("not a plain file in the model's folder"), r.err());
    }

    @Test
    void externalDataInsideTheFolderIsRead() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("models"));
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(resource("torch_mlp.onnx")));
        ByteString raw = m.getGraph().getInitializer(0).getRawData();
        Files.write(folder.resolve("weights.bin"), raw.toByteArray());
        CliRunner r = CliRunner.run("import", withExternalWeight("weights.bin", folder).toString(), "--out",
                dir.resolve("ok.nwproj").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(dir.resolve("ok.nwproj")));
    }

    @Test
    void absurdTensorSizeIsRefusedBeforeAllocating() throws Exception {
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(resource("torch_mlp.onnx")));
        ModelProto.Builder b = m.toBuilder();
        TensorProto t = b.getGraph().getInitializer(0);
        b.getGraphBuilder().setInitializer(0, t.toBuilder().clearDims().addDims(1L << 40).addDims(1L << 40));
        Path file = dir.resolve("huge.onnx");
        Files.write(file, b.build().toByteArray());
        CliRunner r = CliRunner.run("import", file.toString(), "--out", dir.resolve("h.nwproj").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("refused before reading"), r.err());
    }
}
