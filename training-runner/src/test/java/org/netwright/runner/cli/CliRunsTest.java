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
}
