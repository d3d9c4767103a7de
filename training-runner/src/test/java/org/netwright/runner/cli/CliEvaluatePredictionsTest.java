package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --predictions}: a regression's true and predicted values per test sample, agreeing with its MAE. */
@Tag("training")
class CliEvaluatePredictionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void aRegressionListsItsTestValuesAndTheyGiveItsMeanAbsoluteError() throws IOException {
        Path project = dir.resolve("regression.nwproj");
        CliRunner t = CliRunner.run("train", "--template", "regression-mlp", "--epochs", "3", "--save",
                project.toString(), "--json");
        assertEquals(0, t.status(), t.err());
        CliRunner r = CliRunner.run("evaluate", project.toString(), "--predictions", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.outLines().size(), r.out());
        JsonNode e = JSON.readTree(r.outLines().get(0));
        JsonNode p = e.get("predictions");
        int width = p.get("width").asInt();
        int n = e.get("samples").asInt();
        assertEquals(Math.min(n, EvaluateCommand.MAX_LISTED), p.get("listed").asInt());
        assertEquals((long) p.get("listed").asInt() * width, p.get("true").size());
        assertEquals(p.get("true").size(), p.get("predicted").size());
        double sum = 0;
        for (int i = 0; i < p.get("true").size(); i++) {
            sum += Math.abs(p.get("predicted").get(i).asDouble() - p.get("true").get(i).asDouble());
        }
        assertEquals(e.get("mae").asDouble(), sum / p.get("true").size(), 1e-3 * Math.max(1, e.get("mae").asDouble()),
                "the listed values are the ones the MAE was computed on");
        JsonNode plain = JSON.readTree(CliRunner.run("evaluate", project.toString(), "--json").outLines().get(0));
        assertFalse(plain.has("predictions"), "the values are listed only when asked");
    }

    @Test
    void aClassifierListsNoValues() throws IOException {
        Path project = dir.resolve("moons.nwproj");
        assertEquals(0, CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--save",
                project.toString()).status());
        CliRunner r = CliRunner.run("evaluate", project.toString(), "--predictions", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode e = JSON.readTree(r.outLines().get(0));
        assertTrue(e.has("confusion"));
        assertFalse(e.has("predictions"));
    }
}
