package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runs}: the list with status and results, the settings two runs differ in, and deleting a run. */
class CliRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void runsAreListedComparedAndDeleted() throws Exception {
        Path p = dir.resolve("moons.nwproj");
        CliRunner first = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--save", p.toString(),
                "--json");
        assertEquals(0, first.status(), first.err());
        JsonNode epoch = JSON.readTree(first.outLines().get(0));
        assertTrue(epoch.get("grad_norms").size() > 0, epoch.toString());
        assertTrue(epoch.get("warnings").isArray(), epoch.toString());
        CliRunner second = CliRunner.run("train", p.toString(), "--epochs", "1", "--lr", "0.05", "--json");
        assertEquals(0, second.status(), second.err());

        CliRunner list = CliRunner.run("runs", p.toString(), "--json");
        assertEquals(0, list.status(), list.err());
        assertEquals(1, list.outLines().size());
        JsonNode runs = JSON.readTree(list.outLines().get(0)).get("runs");
        assertEquals(2, runs.size());
        for (JsonNode run : runs) {
            assertEquals("completed", run.get("status").asText());
            assertEquals("cpu", run.get("device").asText());
            assertTrue(run.get("final").get("val_loss").isNumber(), run.toString());
            assertTrue(run.get("duration_seconds").asDouble() > 0, run.toString());
        }
        assertEquals(0.05, runs.get(1).get("settings").get("learning_rate").asDouble());

        CliRunner diff = CliRunner.run("runs", p.toString(), "--diff", "1", "2", "--json");
        assertEquals(0, diff.status(), diff.err());
        JsonNode d = JSON.readTree(diff.outLines().get(0));
        assertEquals("learning_rate", d.get("differences").get(0).get("setting").asText(), d.toString());
        assertEquals(0.05, d.get("differences").get(0).get("b").asDouble());
        assertEquals(1, d.get("differences").size(), d.toString());

        // A run whose process died without recording an end reads as interrupted, though the file is only read.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement s = c.createStatement()) {
            s.execute("UPDATE runs SET status = 'running', owner = '999999999@nohost@x' WHERE id = 2");
        }
        JsonNode after = JSON.readTree(CliRunner.run("runs", p.toString(), "--json").outLines().get(0)).get("runs");
        assertEquals("interrupted", after.get(1).get("status").asText());

        CliRunner delete = CliRunner.run("runs", p.toString(), "--delete", "1", "--json");
        assertEquals(0, delete.status(), delete.err());
        assertEquals(1, JSON.readTree(delete.outLines().get(0)).get("deleted").asLong());
        JsonNode left = JSON.readTree(CliRunner.run("runs", p.toString(), "--json").outLines().get(0)).get("runs");
        assertEquals(1, left.size());
        assertEquals(2, left.get(0).get("id").asLong());

        CliRunner unknown = CliRunner.run("runs", p.toString(), "--diff", "2", "7");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("netwright: there is no run 7 in "), unknown.err());
    }
    /**
     * The Runs window's reading of what a run reached (model.run.RunReached): an interrupted run that finished epoch 1
     * printed "-" epochs and no figures here while the window showed 1 with its validation figures; a run that went on
     * from it and stopped inside epoch 2 shows epoch 1 with the figures its curve draws there, from run 1.
     */
    @Test
    void anInterruptedRunAndARunResumedFromItShowTheEpochTheyReachedWithItsFigures() throws Exception {
        Path p = dir.resolve("reached.nwproj");
        try (org.netwright.model.store.ProjectStore store = org.netwright.model.store.ProjectStore.create(p)) {
            long first = store.startRun("{\"epochs\":3}", "cpu");
            store.appendMetrics(first, java.util.List.of(point(1, 1, "train/loss", 0.9), point(2, 1, "lr", 0.01),
                    point(2, 1, "validate/loss", 0.625), point(2, 1, "validate/accuracy", 0.75),
                    point(3, 2, "train/loss", 0.5)));
            long second = store.startRun("{\"epochs\":3,\"resumed_from\":" + first + "}", "cpu");
            store.appendMetrics(second, java.util.List.of(point(3, 2, "train/loss", 0.4)));
            store.finishRun(second, "stopped", "{\"epochs\":1,\"steps\":3}");
        }
        // Run 1's process died without recording its end.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement s = c.createStatement()) {
            s.execute("UPDATE runs SET status = 'running', owner = '999999999@nohost@x' WHERE id = 1");
        }

        CliRunner table = CliRunner.run("runs", p.toString());
        assertEquals(0, table.status(), table.err());
        java.util.List<String> lines = table.outLines();
        assertTrue(lines.get(1).matches("1\\s+interrupted\\s+1\\s+0\\.6250\\s+0\\.7500\\s.*"), lines.toString());
        assertTrue(lines.get(2).matches("2\\s+stopped\\s+1\\s+0\\.6250\\s+0\\.7500\\s.*"), lines.toString());
        assertTrue(lines.contains("Run 1 was interrupted in epoch 2: these are the figures of epoch 1, the last it"
                + " finished."), lines.toString());
        assertTrue(lines.contains("Run 2 went on from run 1 and stopped before it measured an epoch of its own: these"
                + " are the figures of epoch 1, which run 1 finished."), lines.toString());

        JsonNode runs = JSON.readTree(CliRunner.run("runs", p.toString(), "--json").outLines().get(0)).get("runs");
        assertEquals(1, runs.get(0).get("reached").get("epochs").asInt());
        assertEquals(0.625, runs.get(1).get("reached").get("val_loss").asDouble(), 1e-9);
    }

    private static org.netwright.model.store.MetricPoint point(long step, int epoch, String key, double value) {
        return new org.netwright.model.store.MetricPoint(step, epoch, key, value, step);
    }
}
