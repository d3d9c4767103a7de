package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.netwright.model.json.GraphJson;

/** {@code train} on graph data: node classification through the same command, events and reports as samples. */
class CliNodeClassificationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path sharedGraphData() {
        String configured = System.getProperty("netwright.data");
        return (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data")).resolve("graph");
    }

    /** graph_input (N nodes, F features) -> {@code hidden} -> relu -> dropout -> {@code head} of {@code classes}. */
    private Path graphFile(String name, int n, int f, Node hidden, Node head) {
        Graph g = Graph.of(List.of(new Node("g", "graph_input", Map.of("nodes", n, "features", f), 40, 340),
                        hidden, new Node("act", "relu", Map.of(), 520, 265),
                        new Node("drop", "dropout", Map.of("rate", 0.5), 760, 265), head),
                List.of(Edge.of("g", "features", hidden.id(), "features"),
                        Edge.of("g", "adjacency", hidden.id(), "adjacency"), Edge.of(hidden.id(), "out", "act", "in"),
                        Edge.of("act", "out", "drop", "in"), Edge.of("drop", "out", head.id(), "features"),
                        Edge.of("g", "adjacency", head.id(), "adjacency")));
        try {
            return Files.writeString(dir.resolve(name), GraphJson.write(g));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path twoLayerGcn(int n, int f, int classes) {
        return graphFile("gcn.json", n, f, new Node("gcn1", "gcn", Map.of("units", 16), 280, 200),
                new Node("gcn2", "gcn", Map.of("units", classes), 1000, 340));
    }

    private static List<JsonNode> json(CliRunner r) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.outLines()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static JsonNode finalLine(CliRunner r) throws IOException {
        List<JsonNode> lines = json(r);
        return lines.get(lines.size() - 1).get("final");
    }

    @Test
    void theCommunitiesTemplateFindsTheCommunitiesOfItsTestNodes() throws IOException {
        CliRunner r = CliRunner.run("train", "--template", "communities-gcn", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode last = finalLine(r);
        System.out.println("communities-gcn: " + last);
        assertEquals("completed", last.get("status").asText());
        assertTrue(last.get("test_accuracy").asDouble() >= 0.9, last.toString());
    }

    @Test
    void aTwoLayerGcnLearnsTheKarateClubFromItsCsvFiles() throws IOException {
        Path edges = sharedGraphData().resolve("karate_edges.csv");
        assumeTrue(Files.isRegularFile(edges), "karate club data not found at " + edges);
        CliRunner r = CliRunner.run("train", twoLayerGcn(34, 34, 2).toString(), "--data", edges.toString(),
                "--epochs", "100", "--lr", "0.01", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode last = finalLine(r);
        System.out.println("karate GCN: " + last);
        assertTrue(last.get("test_accuracy").asDouble() >= 0.8, last.toString());
    }

    private void assertLossFalls(Path graph) throws IOException {
        CliRunner r = CliRunner.run("train", graph.toString(), "--data", "gen:communities:nodes=60,communities=3",
                "--epochs", "30", "--lr", "0.01", "--json");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> lines = json(r);
        double first = lines.get(0).get("train_loss").asDouble();
        double last = lines.get(lines.size() - 2).get("train_loss").asDouble();
        System.out.println(graph.getFileName() + ": train loss " + first + " -> " + last + ", " + finalLine(r));
        assertTrue(last < 0.5 * first, "train loss " + first + " -> " + last);
    }

    @Test
    void aGatGraphTrainsOnCommunities() throws IOException {
        assertLossFalls(graphFile("gat.json", 60, 60,
                new Node("att1", "gat", Map.of("units", 8, "heads", 2), 280, 200),
                new Node("att2", "gat", Map.of("units", 3, "heads", 1, "combine", "mean"), 1000, 340)));
    }

    @Test
    void aMessagePassingGraphTrainsOnCommunities() throws IOException {
        assertLossFalls(graphFile("mp.json", 60, 60,
                new Node("mp1", "message_passing", Map.of("units", 16, "activation", "none"), 280, 200),
                new Node("mp2", "message_passing", Map.of("units", 3, "activation", "none"), 1000, 340)));
    }

    @Test
    void theEventStreamStopsWhenStdinCloses() throws IOException {
        CliRunner r = CliRunner.run(InputStream.nullInputStream(), "train", "--template", "communities-gcn", "--epochs",
                "100000", "--events");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> events = json(r);
        assertEquals("started", events.get(0).get("type").asText());
        assertEquals(1, events.get(0).get("steps_per_epoch").asInt(), "batch 128 covers the 60 training nodes");
        assertEquals("stopped", events.get(events.size() - 1).get("status").asText());
    }

    private static void assertOneLineError(CliRunner r, String expected) {
        assertEquals(2, r.status(), r.err());
        assertEquals(List.of("netwright: " + expected), r.errLines());
    }

    @Test
    void anEdgeListWithoutItsNodeTableIsRefused() throws IOException {
        Path edges = Files.writeString(dir.resolve("club_edges.csv"), "source,target\n0,1\n1,2\n");
        CliRunner r = CliRunner.run("train", twoLayerGcn(3, 3, 2).toString(), "--data", edges.toString());
        assertOneLineError(r, edges.toAbsolutePath() + " is an edge list (source,target), but its node table"
                + " club_nodes.csv (node id, features, label) is not beside it.");
    }

    @Test
    void aGraphOfOtherSizeIsRefusedNamingBothSizes() {
        CliRunner r = CliRunner.run("train", "--template", "communities-gcn", "--data", "gen:communities:nodes=60");
        assertOneLineError(r, "The graph has 60 nodes with 60 features each, but the graph input 'input' expects 100"
                + " nodes with 100 features each. To fix it, click 'input' and set its Nodes N to 60 and Features F to 60.");
    }

    @Test
    void samplesAndGraphsDoNotMix() {
        assertOneLineError(CliRunner.run("train", "--template", "two-moons-mlp", "--data", "gen:communities"),
                "The data is one graph of 100 nodes for node classification, so the network must start with a graph"
                        + " input; its input layer 'input' gives a vector of 2.");
        assertOneLineError(CliRunner.run("train", "--template", "communities-gcn", "--data", "gen:two_moons"),
                "The input layer 'input' is a graph input, which trains on one graph (an edge table NAME_edges.csv"
                        + " with its node table, or the communities generator); these data are samples, each a vector of 2.");
    }
}
