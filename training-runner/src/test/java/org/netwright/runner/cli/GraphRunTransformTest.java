package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.json.GraphJson;
import org.netwright.model.task.FieldTransform;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.run.TrainedRun;
import org.netwright.templates.data.GraphDataset;

/**
 * A stored run on a graph with node features keeps the features' standardization as a {@link FieldTransform}: the
 * reopened run applies it to the raw node table and gets the very features training used, and an export says it.
 */
class GraphRunTransformTest {
    @TempDir
    Path dir;

    @Test
    void aStoredGraphRunReproducesTheTrainingTimeStandardization() throws IOException {
        StringBuilder nodes = new StringBuilder("id,mass,label,split\n");
        StringBuilder edges = new StringBuilder("source,target\n");
        float[] raw = new float[12];
        for (int i = 0; i < 12; i++) {
            raw[i] = 3 * i + (i % 2 == 0 ? 0.5f : 7);
            String split = i < 8 ? "train" : i < 10 ? "val" : "test";
            nodes.append('n').append(i).append(',').append(raw[i]).append(',').append(i % 2 == 0 ? "even" : "odd")
                    .append(',').append(split).append('\n');
            edges.append('n').append(i).append(",n").append((i + 2) % 12).append('\n');
        }
        Files.writeString(dir.resolve("w_nodes.csv"), nodes);
        Path edgeFile = Files.writeString(dir.resolve("w_edges.csv"), edges);
        Graph g = Graph.of(List.of(new Node("g", "graph_input", Map.of("nodes", 12, "features", 1), 0, 0),
                        new Node("gcn1", "gcn", Map.of("units", 8), 0, 0), new Node("act", "relu", Map.of(), 0, 0),
                        new Node("gcn2", "gcn", Map.of("units", 2), 0, 0)),
                List.of(Edge.of("g", "features", "gcn1", "features"), Edge.of("g", "adjacency", "gcn1", "adjacency"),
                        Edge.of("gcn1", "out", "act", "in"), Edge.of("act", "out", "gcn2", "features"),
                        Edge.of("g", "adjacency", "gcn2", "adjacency")));
        Path graphFile = Files.writeString(dir.resolve("gcn.json"), GraphJson.write(g));
        Path project = dir.resolve("w.nwproj");
        CliRunner r = CliRunner.run("train", graphFile.toString(), "--data", edgeFile.toString(), "--epochs", "2",
                "--save", project.toString(), "--json");
        assertEquals(0, r.status(), r.err());

        TrainedRun run = TrainedRun.load(project, Optional.empty());
        FieldTransform t = run.graphTransforms(project).get(GraphDataset.NODE_FEATURES);
        // The training nodes 0..7 alone give the statistics (population deviation).
        double mean = 0;
        for (int i = 0; i < 8; i++) {
            mean += raw[i] / 8.0;
        }
        double var = 0;
        for (int i = 0; i < 8; i++) {
            var += (raw[i] - mean) * (raw[i] - mean) / 8.0;
        }
        assertEquals(mean, t.offset()[0], 1e-5);
        assertEquals(Math.sqrt(var), t.scale()[0], 1e-5);
        assertEquals("mass", t.options().get("columns"));
        float[] again = raw.clone();
        t.apply(again);
        float[] trained = DataSources.loadNodeSplit(run.settings(), dir).graph().features();
        assertArrayEquals(trained, again, 0f, "the stored transform gives the features the weights were trained on");

        Path out = dir.resolve("export");
        CliRunner e = CliRunner.run("export", project.toString(), "--format", "djl", "--out", out.toString());
        assertEquals(0, e.status(), e.err());
        JsonNode input = new ObjectMapper().readTree(out.resolve("preprocessing.json").toFile()).get("inputs").get(0);
        assertEquals("g.features", input.get("port").asText());
        assertEquals("node_features", input.get("field").asText());
        assertEquals(mean, input.get("offset").get(0).asDouble(), 1e-5);
        assertEquals(Math.sqrt(var), input.get("scale").get(0).asDouble(), 1e-5);
        assertTrue(input.get("options").get("columns").asText().equals("mass"), input.toString());
        // train.py's data are the run's own: the split column's parts and the same standardized features.
        CliRunner p = CliRunner.run("export", project.toString(), "--format", "pytorch", "--out",
                dir.resolve("torch").toString());
        assertEquals(0, p.status(), p.err());
        assertTrue(Files.size(dir.resolve("torch").resolve("data.npz")) > 0);
    }
}
