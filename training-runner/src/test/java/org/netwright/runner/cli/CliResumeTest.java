package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.store.ProjectStore;
import org.netwright.runner.checkpoint.ResumePoint;

/**
 * {@code train PROJECT --resume RUN}: the new run counts its epochs on from the checkpoint and names the run it went
 * on from; a checkpoint keeps its network, and a changed network is refused in a sentence before any run is recorded.
 */
class CliResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aResumedRunCountsOnAndAChangedNetworkIsRefusedBeforeItIsRecorded() throws Exception {
        Path p = dir.resolve("moons.nwproj");
        CliRunner first = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--save",
                p.toString(), "--json");
        assertEquals(0, first.status(), first.err());
        Graph trained;
        try (ProjectStore store = ProjectStore.openReadOnly(p)) {
            trained = store.loadGraph();
            ResumePoint point = ResumePoint.of(store.latestCheckpoint(1).orElseThrow()).orElseThrow();
            assertEquals(1, point.epochsComplete());
            assertTrue(point.network().isPresent(), "the checkpoint keeps the network it trained");
            assertTrue(point.whyNotWith(trained, 1).isEmpty());
        }

        CliRunner more = CliRunner.run("train", p.toString(), "--resume", "1", "--epochs", "2", "--json");
        assertEquals(0, more.status(), more.err());
        JsonNode runs = JSON.readTree(CliRunner.run("runs", p.toString(), "--json").outLines().get(0)).get("runs");
        assertEquals(2, runs.size());
        JsonNode second = runs.get(1);
        assertEquals("completed", second.get("status").asText());
        assertEquals(2, second.get("final").get("epochs").asInt(), second.toString());
        assertEquals(1, second.get("settings").get("resumed_from").asLong(), second.toString());

        String id = trained.nodes().values().stream().filter(n -> n.type().equals("dense")).findFirst().orElseThrow()
                .id();
        try (ProjectStore store = ProjectStore.open(p)) {
            Node dense = trained.require(id);
            store.saveGraph(trained.withNode(new Node(id, "dense", Map.of("units", 7), dense.x(), dense.y())),
                    "narrower");
        }
        CliRunner refused = CliRunner.run("train", p.toString(), "--resume", "2", "--epochs", "3");
        assertEquals(2, refused.status(), refused.err());
        assertTrue(refused.err().contains("The network changed since run 2 trained (layer '" + id + "' has units 7 now"),
                refused.err());
        try (ProjectStore store = ProjectStore.openReadOnly(p)) {
            assertEquals(2, store.runs().size(), "a refused resume records no run");
        }
    }
}
