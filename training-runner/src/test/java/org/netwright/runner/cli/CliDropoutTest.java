package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.store.ProjectStore;

/** {@code train --dropout P}: the run's Dropout layers use P, the run's settings note it, a graph without any is refused. */
class CliDropoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theRateIsUsedAndNotedInTheRunsSettings() throws Exception {
        Path p = dir.resolve("gcn.nwproj");
        CliRunner r = CliRunner.run("train", "--template", "communities-gcn", "--epochs", "1", "--dropout", "0.3",
                "--save", p.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode run = JSON.readTree(CliRunner.run("runs", p.toString(), "--json").outLines().get(0)).get("runs").get(0);
        assertEquals(0.3, run.get("settings").get("dropout").asDouble());
        try (ProjectStore store = ProjectStore.openReadOnly(p)) {
            assertEquals(0.3, ((Number) store.loadGraph().nodes().get("dropout_1").params().get("rate")).doubleValue());
        }
    }

    @Test
    void aGraphWithoutDropoutOrABadRateIsRefused() {
        CliRunner none = CliRunner.run("train", "--template", "two-moons-mlp", "--dropout", "0.3");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("has none"), none.err());
        CliRunner bad = CliRunner.run("train", "--template", "communities-gcn", "--dropout", "1.5");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("from 0 to 0.99"), bad.err());
    }
}
