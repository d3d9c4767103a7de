package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
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
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.RunRecord;
import org.netwright.templates.TemplateLibrary;

class CliTrainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<JsonNode> json(List<String> lines) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    /** The shared digits data: system property netwright.data, else ../../shared/data seen from the module. */
    static Path digits() {
        String configured = System.getProperty("netwright.data");
        Path base = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        return base.resolve("digits");
    }

    @Test
    void twoMoonsLearnsInTenEpochs() throws IOException {
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "10", "--json");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> lines = json(r.outLines());
        assertEquals(11, lines.size(), r.out());
        double first = lines.get(0).get("train_loss").asDouble();
        double last = lines.get(9).get("train_loss").asDouble();
        JsonNode fin = lines.get(10).get("final");
        assertTrue(last < first / 2, "train loss " + first + " -> " + last);
        assertTrue(fin.get("test_accuracy").asDouble() >= 0.95, fin.toString());
        assertEquals("cpu", fin.get("device").asText());
        for (String key : List.of("epoch", "train_loss", "val_loss", "val_accuracy", "lr", "seconds")) {
            assertTrue(lines.get(0).has(key), key + " in " + lines.get(0));
        }
        assertEquals(0.01, lines.get(0).get("lr").asDouble());
    }

    @Test
    void digitsMlpFromAProjectFileReachesNinetyPercentAndIsRecorded() throws IOException {
        Path csv = digits().resolve("digits.csv");
        assumeTrue(Files.isRegularFile(csv), "no digits data at " + csv.toAbsolutePath());
        Graph mlp = Graph.of(List.of(
                        new Node("input", "vector_input", Map.of("features", 64), 40, 200),
                        new Node("dense_1", "dense", Map.of("units", 64), 240, 200),
                        new Node("relu_1", "relu", Map.of(), 440, 200),
                        new Node("dense_2", "dense", Map.of("units", 10), 640, 200)),
                List.of(Edge.of("input", "out", "dense_1", "in"), Edge.of("dense_1", "out", "relu_1", "in"),
                        Edge.of("relu_1", "out", "dense_2", "in")));
        Path project = dir.resolve("digits.nwproj");
        try (ProjectStore store = ProjectStore.create(project)) {
            store.saveGraph(mlp, "digits MLP");
            store.saveSettings(new TrainingSettings(15, 32, 0.005, "adam", "cross_entropy", 7, 0.15, 0.2,
                    DataRecipe.file("csv", csv.toAbsolutePath().toString())));
        }
        CliRunner r = CliRunner.run("train", project.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> lines = json(r.outLines());
        JsonNode fin = lines.get(lines.size() - 1).get("final");
        assertTrue(fin.get("test_accuracy").asDouble() >= 0.90, fin.toString());

        try (ProjectStore store = ProjectStore.open(project)) {
            List<RunRecord> runs = store.runs();
            assertEquals(1, runs.size());
            assertEquals("completed", runs.get(0).status());
            List<MetricPoint> metrics = store.metrics(runs.get(0).id());
            assertEquals(15, metrics.stream().filter(p -> p.key().equals("validate/accuracy")).count());
            assertTrue(metrics.stream().anyMatch(p -> p.key().equals("test/accuracy")
                    && p.value() == fin.get("test_accuracy").asDouble()));
            assertTrue(store.latestCheckpoint(runs.get(0).id()).isPresent());
        }
    }

    @Test
    void saveWritesANewProjectWithTheGraphSettingsAndRun() throws IOException {
        Path project = dir.resolve("moons.nwproj");
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "2", "--save", project.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("epoch 2/2"), r.out());
        try (ProjectStore store = ProjectStore.open(project)) {
            assertEquals(TemplateLibrary.find("two-moons-mlp").orElseThrow().graph(), store.loadGraph());
            assertEquals(2, store.loadSettings().orElseThrow().epochs());
            RunRecord run = store.runs().get(0);
            assertEquals("completed", run.status());
            assertTrue(run.finalJson().contains("test_accuracy"), run.finalJson());
            assertEquals(38, store.metrics(run.id()).stream().filter(p -> p.key().equals("train/loss")).count());
        }
        CliRunner again = CliRunner.run("train", "--template", "two-moons-mlp", "--save", project.toString());
        assertEquals(2, again.status());
    }

    @Test
    void shapesCnnTrainsFromTheCommandLine() throws IOException {
        CliRunner r = CliRunner.run("train", "--template", "shapes-cnn", "--epochs", "3", "--json");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> lines = json(r.outLines());
        assertTrue(lines.get(2).get("train_loss").asDouble() < lines.get(0).get("train_loss").asDouble(), r.out());
    }

    @Test
    void idxDigitsFitTheShapesCnnTemplateToTheirSizeAndClasses() throws IOException {
        Path images = digits().resolve("train-images-idx3-ubyte");
        assumeTrue(Files.isRegularFile(images), "no digits data at " + images.toAbsolutePath());
        CliRunner r = CliRunner.run("train", "--template", "shapes-cnn", "--data", images.toString(), "--epochs", "1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("fitted shapes-cnn to the data: input: image size 16×16 -> 8×8")
                && r.err().contains("output width (one score per class) 3 -> 10"), r.err());
    }

    /** LeNet-5 on its own generator; fewer samples than the template's 1,500 keep the test to a few seconds. */
    @Test
    void lenet5TrainsOnItsGeneratedDigits() throws IOException {
        CliRunner r = CliRunner.run("train", "--template", "lenet5", "--epochs", "1", "--json", "--data",
                "gen:segment_digits:samples=400");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> lines = json(r.outLines());
        assertEquals(2, lines.size(), r.out());
        assertTrue(Double.isFinite(lines.get(0).get("train_loss").asDouble()), r.out());
        assertEquals("completed", lines.get(1).get("final").get("status").asText());
    }

    @Test
    void eventsModeStreamsEveryEventAndStopsOnTheStopLine() throws Exception {
        PipedOutputStream toStdin = new PipedOutputStream();
        InputStream stdin = new PipedInputStream(toStdin);
        // The run reads stdin on its own thread; a side thread sends "stop" a moment after training starts.
        Thread sender = new Thread(() -> {
            try {
                Thread.sleep(300);
                toStdin.write("stop\n".getBytes(StandardCharsets.UTF_8));
                toStdin.flush();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sender.start();
        CliRunner r = CliRunner.run(stdin, "train", "--template", "two-moons-mlp", "--epochs", "100000", "--events");
        sender.join();
        toStdin.close();
        assertEquals(0, r.status(), r.err());
        List<JsonNode> events = json(r.outLines());
        assertEquals("started", events.get(0).get("type").asText());
        assertEquals(100000, events.get(0).get("epochs").asInt());
        JsonNode last = events.get(events.size() - 1);
        assertEquals("finished", last.get("type").asText());
        assertEquals("stopped", last.get("status").asText());
        assertTrue(events.stream().anyMatch(e -> e.get("type").asText().equals("step")));
        assertFalse(last.get("final").has("test_loss"));
    }

    @Test
    void eventsModeStopsWhenStdinCloses() throws IOException {
        CliRunner r = CliRunner.run(InputStream.nullInputStream(), "train", "--template", "two-moons-mlp", "--epochs",
                "100000", "--events");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> events = json(r.outLines());
        assertEquals("stopped", events.get(events.size() - 1).get("status").asText());
    }

    @Test
    void templatesListsIdAndDescription() {
        CliRunner r = CliRunner.run("templates");
        assertEquals(0, r.status());
        var all = org.netwright.templates.TemplateLibrary.all();
        assertEquals(all.size(), r.outLines().size());
        for (int i = 0; i < all.size(); i++) {
            // Each line: the id, padding to one column, then the description.
            assertTrue(r.outLines().get(i).matches(java.util.regex.Pattern.quote(all.get(i).id()) + " {2,}\\S.*"),
                    r.outLines().get(i));
        }
        assertTrue(r.outLines().get(0).contains("Separates"), r.outLines().get(0));
        assertTrue(r.outLines().get(6).contains("He et al."), r.outLines().get(6));
    }

    @Test
    void summaryJsonListsNodesAndTotal() throws IOException {
        CliRunner r = CliRunner.run("summary", "--template", "two-moons-mlp", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(354, root.get("total_params").asInt());
        JsonNode dense1 = root.get("nodes").get(1);
        assertEquals("dense_1", dense1.get("id").asText());
        assertEquals("dense", dense1.get("type").asText());
        assertEquals("[16]", dense1.get("output_shape").toString());
        assertEquals(48, dense1.get("params").asInt());
    }

    @Test
    void summaryTableHasKerasColumnsAndTotal() {
        CliRunner r = CliRunner.run("summary", "--template", "shapes-cnn");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Layer (type)"), r.out());
        assertTrue(r.out().matches("(?s).*conv2d_2 \\(conv2d\\) +\\(None, 16, 8, 8\\) +1,168 +73,728\\n.*"), r.out());
        assertTrue(r.out().contains("Total params: 9,571"), r.out());
    }
}
