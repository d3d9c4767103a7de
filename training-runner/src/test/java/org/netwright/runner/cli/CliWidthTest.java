package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.store.ProjectStore;

/**
 * {@code train --width N} sets the hidden Dense layers' units (the output layer keeps its size) and notes it in the
 * run's settings; {@code sweep --param width=...} varies it across trials.
 */
class CliWidthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theWidthIsUsedForHiddenLayersAndNoted() throws Exception {
        Path p = dir.resolve("moons.nwproj");
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--width", "8", "--save",
                p.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode run = JSON.readTree(CliRunner.run("runs", p.toString(), "--json").outLines().get(0)).get("runs").get(0);
        assertEquals(8, run.get("settings").get("width").asInt());
        // The saved graph has the width: 2·8+8 + 8·8+8 + 8·2+2 = 114 parameters instead of 354.
        try (ProjectStore store = ProjectStore.openReadOnly(p)) {
            assertEquals(114, org.netwright.model.shape.ShapeInference.infer(store.loadGraph()).totalParams());
        }
        CliRunner none = CliRunner.run("train", "--template", "shapes-cnn", "--width", "0");
        assertEquals(2, none.status());
    }

    @Test
    @Tag("training")
    void aSweepVariesTheWidth() throws Exception {
        Path p = dir.resolve("moons.nwproj");
        assertEquals(0, CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--save", p.toString(),
                "--json").status());
        CliRunner r = CliRunner.run("sweep", p.toString(), "--trials", "3", "--param", "width=4,8,32", "--epochs", "1",
                "--parallel", "1", "--json");
        assertEquals(0, r.status(), r.err());
        Set<Integer> widths = new HashSet<>();
        for (String line : r.outLines().subList(0, 3)) {
            JsonNode t = JSON.readTree(line);
            int w = t.get("params").get("width").asInt();
            assertTrue(Set.of(4, 8, 32).contains(w), t.toString());
            assertEquals("completed", t.get("status").asText(), t.toString());
            widths.add(w);
        }
        JsonNode runs = JSON.readTree(CliRunner.run("runs", p.toString(), "--json").outLines().get(0)).get("runs");
        assertEquals(4, runs.size());
        for (int i = 1; i < 4; i++) {
            assertTrue(runs.get(i).get("settings").get("width").isInt(), runs.get(i).toString());
        }
    }
}
