package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.json.GraphJson;
import org.netwright.model.store.ProjectStore;

/** {@code train FILE.json}: a graph written outside the app trains on a file or a built-in generator. */
class CliGraphFileTrainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A small CNN for 1×12×12 images and three classes, written the way another tool would write it. */
    private Path cnnFile() throws IOException {
        Graph g = Graph.of(List.of(
                        new Node("img", "image_input", Map.of("channels", 1, "height", 12, "width", 12), 0, 0),
                        new Node("conv", "conv2d", Map.of("filters", 4, "kernel", 3), 200, 0),
                        new Node("act", "relu", Map.of(), 400, 0),
                        new Node("pool", "max_pool2d", Map.of("kernel", 2, "stride", 2), 600, 0),
                        new Node("flat", "flatten", Map.of(), 800, 0),
                        new Node("head", "dense", Map.of("units", 3), 1000, 0)),
                List.of(Edge.of("img", "out", "conv", "in"), Edge.of("conv", "out", "act", "in"),
                        Edge.of("act", "out", "pool", "in"), Edge.of("pool", "out", "flat", "in"),
                        Edge.of("flat", "out", "head", "in")));
        return Files.writeString(dir.resolve("cnn.json"), GraphJson.write(g));
    }

    @Test
    void aGraphFileTrainsForTwoEpochsOnAGenerator() throws IOException {
        Path file = cnnFile();
        Path project = dir.resolve("cnn.nwproj");
        CliRunner r = CliRunner.run("train", file.toString(), "--data", "gen:shapes:size=12,samples=240", "--epochs",
                "2", "--json", "--save", project.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.outLines();
        assertEquals(3, lines.size(), r.out());
        JsonNode last = JSON.readTree(lines.get(2)).get("final");
        assertEquals("completed", last.get("status").asText());
        assertTrue(Double.isFinite(JSON.readTree(lines.get(1)).get("train_loss").asDouble()), r.out());
        try (ProjectStore store = ProjectStore.open(project)) {
            var settings = store.loadSettings().orElseThrow();
            assertEquals(2, settings.epochs());
            assertEquals(TrainCommand.GRAPH_FILE_DEFAULTS.batchSize(), settings.batchSize());
            assertEquals(TrainCommand.GRAPH_FILE_DEFAULTS.learningRate(), settings.learningRate());
            assertEquals(Map.of("name", "shapes", "size", 12, "samples", 240), settings.data().options());
        }
    }

    @Test
    void aGraphFileWithoutDataIsToldToNameSome() throws IOException {
        CliRunner r = CliRunner.run("train", cnnFile().toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("cnn.json is a graph without training settings; say what to train on with --data"),
                r.err());
        assertTrue(r.err().contains("two_moons, shapes"), r.err());
    }

    @Test
    void generatedDataOfTheWrongShapeNamesBothShapes() throws IOException {
        CliRunner r = CliRunner.run("train", cnnFile().toString(), "--data", "gen:shapes", "--epochs", "1");
        assertEquals(2, r.status(), r.out());
        assertEquals(List.of("netwright: The data's samples are an image 1×16×16 but the input layer 'img' expects an "
                + "image 1×12×12. To fix it, click 'img' and set its Channels to 1, Height to 16 and Width to 16, or"
                + " choose data of 1×12×12 images."), r.errLines());
    }

    @Test
    void theGeneratorsOwnClassCountMustMatchTheHead() throws IOException {
        CliRunner r = CliRunner.run("train", cnnFile().toString(), "--data", "gen:segment_digits:size=12,samples=50");
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("The data has 10 classes, so the output layer 'head' must give a vector of 10"),
                r.err());
    }
}
