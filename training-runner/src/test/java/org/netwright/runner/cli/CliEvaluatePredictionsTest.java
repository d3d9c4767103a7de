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

/**
 * {@code evaluate --predictions}: a regression's true and predicted values per test sample, agreeing with its MAE; a
 * classifier's true and predicted class per sample with their probabilities, agreeing with its confusion matrix.
 */
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
    void aClassifierListsEachSamplesAnswerAndTheyMakeItsConfusionMatrix() throws IOException {
        Path project = dir.resolve("moons.nwproj");
        assertEquals(0, CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--save",
                project.toString()).status());
        CliRunner r = CliRunner.run("evaluate", project.toString(), "--predictions", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode e = JSON.readTree(r.outLines().get(0));
        JsonNode p = e.get("predictions");
        int n = e.get("samples").asInt();
        assertEquals(Math.min(n, EvaluateCommand.MAX_LISTED), p.get("listed").asInt());
        int k = e.get("classes").size();
        long[][] counted = new long[k][k];
        for (int i = 0; i < p.get("listed").asInt(); i++) {
            int truth = p.get("true").get(i).asInt();
            int predicted = p.get("predicted").get(i).asInt();
            counted[truth][predicted]++;
            double probability = p.get("probability").get(i).asDouble();
            double ofTruth = p.get("true_probability").get(i).asDouble();
            assertTrue(probability >= 1.0 / k - 1e-6 && probability <= 1 + 1e-6, "the predicted class is the likeliest");
            assertTrue(ofTruth <= probability + 1e-6, "no class is likelier than the predicted one");
            if (truth == predicted) {
                assertEquals(probability, ofTruth, 1e-9);
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                assertEquals(e.get("confusion").get(i).get(j).asLong(), counted[i][j], "cell " + i + "," + j);
            }
        }
        JsonNode plain = JSON.readTree(CliRunner.run("evaluate", project.toString(), "--json").outLines().get(0));
        assertFalse(plain.has("predictions"), "the answers are listed only when asked");
    }
}
