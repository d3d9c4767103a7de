package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-overfit} and {@code lr-find} on a project: one JSON line each, and the project file left as it was. */
@Tag("training")
class CliChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void bothChecksAnswerInOneLineAndLeaveTheProjectAlone() throws Exception {
        Path p = dir.resolve("moons.nwproj");
        CliRunner train = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--save", p.toString(),
                "--json");
        assertEquals(0, train.status(), train.err());
        byte[] before = Files.readAllBytes(p);

        CliRunner overfit = CliRunner.run("check-overfit", p.toString(), "--steps", "150", "--json");
        assertEquals(0, overfit.status(), overfit.err());
        assertEquals(1, overfit.outLines().size());
        JsonNode o = JSON.readTree(overfit.outLines().get(0));
        assertTrue(o.get("healthy").asBoolean(), o.toString());
        assertEquals(150, o.get("losses").size());
        assertTrue(o.get("final_loss").asDouble() < 0.05 * o.get("first_loss").asDouble(), o.toString());
        assertTrue(o.get("verdict").asText().startsWith("Healthy"), o.toString());

        CliRunner find = CliRunner.run("lr-find", p.toString(), "--from", "1e-5", "--to", "1", "--steps", "60",
                "--json");
        assertEquals(0, find.status(), find.err());
        assertEquals(1, find.outLines().size());
        JsonNode f = JSON.readTree(find.outLines().get(0));
        assertEquals(f.get("rates").size(), f.get("losses").size());
        assertEquals(f.get("rates").size(), f.get("smoothed").size());
        assertEquals(1e-5, f.get("rates").get(0).asDouble(), 1e-12);
        assertTrue(f.get("suggested").isNumber(), f.toString());
        assertTrue(f.get("message").asText().contains("Suggested learning rate"), f.toString());

        assertArrayEquals(before, Files.readAllBytes(p), "the checks changed the project file");
        CliRunner runs = CliRunner.run("runs", p.toString(), "--json");
        assertEquals(1, JSON.readTree(runs.outLines().get(0)).get("runs").size());

        CliRunner bad = CliRunner.run("lr-find", p.toString(), "--from", "0.1", "--to", "0.01");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("0 < from < to"), bad.err());
        CliRunner gan = CliRunner.run("check-overfit", "--template", "gan-2d");
        assertEquals(2, gan.status());
        assertTrue(gan.err().contains("does not apply to a GAN"), gan.err());
    }
}
