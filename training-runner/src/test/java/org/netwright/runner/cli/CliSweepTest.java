package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep}: trials in child processes, one line each, the best marked, every trial kept as a run. */
class CliSweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Tag("training")
    void threeTrialsTwoAtATimeAreEachARunAndTheBestHasTheLowestValidationLoss() throws Exception {
        Path p = dir.resolve("moons.nwproj");
        assertEquals(0, CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--save", p.toString(),
                "--json").status());

        CliRunner r = CliRunner.run("sweep", p.toString(), "--trials", "3", "--param", "lr=log:1e-3..1e-1",
                "--param", "batch_size=16,32,64", "--epochs", "2", "--parallel", "2", "--json");

        assertEquals(0, r.status(), r.err());
        List<String> lines = r.outLines();
        assertEquals(4, lines.size(), lines.toString());
        List<JsonNode> trials = new ArrayList<>();
        for (String line : lines.subList(0, 3)) {
            trials.add(JSON.readTree(line));
        }
        Set<Integer> numbers = new HashSet<>();
        Set<Long> runIds = new HashSet<>();
        JsonNode lowest = null;
        for (JsonNode t : trials) {
            numbers.add(t.get("trial").asInt());
            runIds.add(t.get("run_id").asLong());
            double lr = t.get("params").get("lr").asDouble();
            assertTrue(lr >= 1e-3 && lr <= 1e-1, t.toString());
            assertTrue(Set.of(16, 32, 64).contains(t.get("params").get("batch_size").asInt()), t.toString());
            assertEquals("completed", t.get("status").asText(), t.toString());
            assertEquals(2, t.get("final").get("epochs").asInt(), t.toString());
            if (lowest == null || t.get("final").get("val_loss").asDouble() < lowest.get("final").get("val_loss").asDouble()) {
                lowest = t;
            }
        }
        assertEquals(Set.of(1, 2, 3), numbers);
        assertEquals(3, runIds.size());
        JsonNode best = JSON.readTree(lines.get(3));
        assertEquals(lowest.get("trial").asInt(), best.get("best").asInt(), best.toString());
        assertEquals("val_loss", best.get("metric").asText());

        JsonNode runs = JSON.readTree(CliRunner.run("runs", p.toString(), "--json").outLines().get(0)).get("runs");
        assertEquals(4, runs.size(), "the first training run and one run per trial");
        for (JsonNode run : runs) {
            assertEquals("completed", run.get("status").asText(), run.toString());
        }
        for (JsonNode t : trials) {
            JsonNode run = runs.get((int) t.get("run_id").asLong() - 1);
            assertEquals(t.get("params").get("lr").asDouble(), run.get("settings").get("learning_rate").asDouble(), 0);
            assertEquals(t.get("params").get("batch_size").asInt(), run.get("settings").get("batch_size").asInt());
        }
    }

    @Test
    void aSweepWithoutParamsOrTrialsIsRefused() {
        CliRunner none = CliRunner.run("sweep", dir.resolve("x.nwproj").toString(), "--trials", "2", "--param",
                "lr=0.1");
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("netwright: there is no file"), none.err());
        CliRunner bad = CliRunner.run("sweep", "x.nwproj", "--param", "lr=0.1");
        assertEquals(2, bad.status());
    }
}
