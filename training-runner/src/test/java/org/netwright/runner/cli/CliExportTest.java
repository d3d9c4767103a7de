package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.runner.export.DebianTorch;
import org.netwright.runner.run.TrainedRun;

/** {@code export}: a project trained for one epoch, written as DJL and PyTorch folders, and what the command refuses. */
class CliExportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path project;

    @BeforeAll
    static void train() {
        project = dir.resolve("moons.nwproj");
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--save",
                project.toString());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void pytorchWritesTheSourceWeightsScriptsAndAReadme() throws Exception {
        Path out = dir.resolve("pt");
        CliRunner r = CliRunner.run("export", project.toString(), "--format", "pytorch", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.outLines().size(), r.out());
        assertTrue(r.out().startsWith("exported run 1 of moons.nwproj as pytorch to "), r.out());
        for (String f : List.of("model.py", "weights.npz", "preprocessing.json", "preprocess.py", "predict.py",
                "train.py", "run.json", "data.npz", "README.md")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String readme = Files.readString(out.resolve("README.md"));
        assertTrue(readme.contains("| `input.out` | features | values | 2 |"), readme);
        assertTrue(readme.contains("| 0, 1 |"), readme);
        assertTrue(readme.contains("python3 predict.py"), readme);
    }

    @Test
    void jsonIsOneObjectNamingTheFiles() throws Exception {
        Path out = dir.resolve("djl-json");
        CliRunner r = CliRunner.run("export", project.toString(), "--format", "djl", "--out", out.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.outLines().size(), r.out());
        JsonNode o = MAPPER.readTree(r.out());
        assertEquals(1, o.get("run").asInt());
        assertEquals("djl", o.get("format").asText());
        assertEquals(List.of("README.md", "graph.json", "model-0000.params", "preprocessing.json"),
                MAPPER.convertValue(o.get("files"), List.class));
        assertTrue(Files.readString(out.resolve("README.md")).contains("model.load(dir, \"model\");"));
    }

    @Test
    void aFolderWithFilesIsRefusedUnlessForcedAndNothingThereChanges() throws Exception {
        Path out = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliRunner r = CliRunner.run("export", project.toString(), "--format", "pytorch", "--out", out.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("already holds files") && r.err().contains("--force"), r.err());
        assertFalse(Files.exists(out.resolve("model.py")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void forceReplacesALinkInTheFolderInsteadOfWritingThroughIt() throws Exception {
        Path out = Files.createDirectories(dir.resolve("linked"));
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep me");
        Files.createSymbolicLink(out.resolve("model.py"), outside);
        CliRunner r = CliRunner.run("export", project.toString(), "--format", "pytorch", "--out", out.toString(),
                "--force");
        assertEquals(0, r.status(), r.err());
        assertEquals("keep me", Files.readString(outside));
        assertFalse(Files.isSymbolicLink(out.resolve("model.py")));
        assertTrue(Files.readString(out.resolve("model.py")).contains("class Model(nn.Module)"));
        try (var s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".netwright-export-")));
        }
    }

    @Test
    void anUnknownOrMissingFormatListsTheFormats() {
        CliRunner r = CliRunner.run("export", project.toString(), "--format", "keras", "--out",
                dir.resolve("k").toString());
        assertEquals(2, r.status());
        assertEquals("netwright: there is no export format 'keras'; the formats are: onnx, djl, pytorch",
                r.err().strip());
        r = CliRunner.run("export", project.toString(), "--out", dir.resolve("k").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("export needs --format, one of: onnx, djl, pytorch"), r.err());
        assertFalse(Files.exists(dir.resolve("k")));
    }

    @Test
    void predictPyPrintsTheSoftmaxOfOurBlocksScoresSortedAsJson() throws Exception {
        DebianTorch.require();
        Path out = dir.resolve("predict");
        assertEquals(0, CliRunner.run("export", project.toString(), "--format", "pytorch", "--out", out.toString())
                .status());
        Path sample = Files.writeString(dir.resolve("sample.csv"), "x,y\n0.4,-0.3\n");
        DebianTorch.Result p = DebianTorch.run(dir.resolve("sample.csv").getParent(), 300, DebianTorch.PYTHON,
                out.resolve("predict.py").toString(), sample.toString());
        assertEquals(0, p.exit(), p.err());
        assertEquals(1, p.out().strip().split("\n").length, p.out());
        JsonNode predictions = MAPPER.readTree(p.out()).get("predictions");
        assertEquals(2, predictions.size());
        assertTrue(predictions.get(0).get("probability").asDouble() >= predictions.get(1).get("probability").asDouble());
        float[] ours = ourProbabilities(new float[] {0.4f, -0.3f});
        for (JsonNode pr : predictions) {
            int id = Integer.parseInt(pr.get("class").asText());
            assertEquals(ours[id], pr.get("probability").asDouble(), 1e-5, p.out());
        }
    }

    @Test
    void aFormatThatWritesNoReadmeGetsOneSayingWhatIsThereAndHowToRunIt() throws Exception {
        Path out = Files.createDirectories(dir.resolve("onnx-like"));
        Files.write(out.resolve("model.onnx"), new byte[] {1, 2, 3});
        org.netwright.runner.export.ExportReadmes.writeIfMissing("onnx", TrainedRun.load(project, Optional.empty()),
                project, out);
        String readme = Files.readString(out.resolve("README.md"));
        assertTrue(readme.contains("- `model.onnx`: the network in ONNX"), readme);
        assertTrue(readme.contains("| `input.out` | features | values | 2 |"), readme);
        assertTrue(readme.contains("session.run(None, {\"input\": np.zeros((1, 2), np.float32)})"), readme);
        assertTrue(Files.isRegularFile(out.resolve("preprocessing.json")));
        Files.writeString(out.resolve("README.md"), "the format's own");
        org.netwright.runner.export.ExportReadmes.writeIfMissing("onnx", TrainedRun.load(project, Optional.empty()),
                project, out);
        assertEquals("the format's own", Files.readString(out.resolve("README.md")));
    }

    private static float[] ourProbabilities(float[] x) {
        TrainedRun run = TrainedRun.load(project, Optional.empty());
        GraphBlock block = GraphCompiler.compile(run.graph(), true);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            Checkpoints.load(block, run.weights());
            // The template ends in raw scores (no softmax layer): their softmax gives the probabilities.
            NDList out = block.predict(new ParameterStore(m, false), new NDList(m.create(x, new Shape(1, 2))));
            return out.get(0).softmax(-1).toFloatArray();
        }
    }
}
