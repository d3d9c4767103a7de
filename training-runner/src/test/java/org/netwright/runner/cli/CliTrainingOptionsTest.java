package org.netwright.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training options of {@code train}: each changes what the run does, and one that does not apply is refused. */
class CliTrainingOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> lines(CliRunner r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.outLines()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void cosineAnnealsTheRateOverTheRunsStepsAndEachEpochLineSaysTheRateOfItsLastStep() throws Exception {
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "4", "--lr", "0.01",
                "--schedule", "cosine", "--json");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> epochs = lines(r).subList(0, 4);
        // 600 training samples in batches of 32: 19 steps per epoch, 76 in all.
        int perEpoch = 19;
        int total = 4 * perEpoch;
        for (int e = 1; e <= 4; e++) {
            long lastStep = (long) e * perEpoch - 1;
            double expected = 0.5 * 0.01 * (1 + Math.cos(Math.PI * lastStep / total));
            assertEquals(expected, epochs.get(e - 1).get("lr").asDouble(), 1e-9, "epoch " + e);
            assertTrue(epochs.get(e - 1).has("epoch_seconds"));
        }
    }

    @Test
    void aStepScheduleHalvesTheRateEveryTwoEpochs() throws Exception {
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "4", "--lr", "0.02",
                "--schedule", "step:every=2,gamma=0.5", "--optimizer", "momentum", "--momentum", "0.8", "--json");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> l = lines(r);
        assertEquals(0.02, l.get(0).get("lr").asDouble(), 1e-12);
        assertEquals(0.02, l.get(1).get("lr").asDouble(), 1e-12);
        assertEquals(0.01, l.get(2).get("lr").asDouble(), 1e-12);
        assertEquals(0.01, l.get(3).get("lr").asDouble(), 1e-12);
    }

    @Test
    void momentumWithAdamIsRefusedWithTheReason() {
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--momentum", "0.9");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--momentum applies to the optimizers momentum and nesterov"), r.err());
    }

    @Test
    void aBadScheduleIsRefusedBeforeTheFirstStep() {
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--schedule", "sideways");
        assertEquals(2, r.status(), r.out());
        assertTrue(r.errLines().size() == 1 && r.err().contains("sideways"), r.err());
    }

    @Test
    void aLossThatDoesNotFitTheTaskIsRefusedWithTheReason() {
        CliRunner r = CliRunner.run("train", "--template", "regression-mlp", "--loss", "focal", "--epochs", "1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("compares class scores with class ids"), r.err());
    }

    @Test
    void theSplitFlagSetsTheFractions() throws Exception {
        CliRunner ok = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "1", "--split", "0.5,0.25,0.25",
                "--json");
        assertEquals(0, ok.status(), ok.err());
        // 1000 samples: 500 train in batches of 32 = 16 steps.
        assertEquals(16, lines(ok).get(1).get("final").get("steps").asInt());
        CliRunner bad = CliRunner.run("train", "--template", "two-moons-mlp", "--split", "0.5,0.6,0.1");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("add up to 1"), bad.err());
    }

    @Test
    void earlyStoppingWithRestoreBestNamesTheWeightsOfTheFinalMetrics() throws Exception {
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--epochs", "30", "--lr", "0.5",
                "--optimizer", "sgd", "--early-stopping", "2", "--restore-best", "--json");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> l = lines(r);
        JsonNode fin = l.get(l.size() - 1).get("final");
        String weights = fin.get("weights").asText();
        assertTrue(weights.equals("last") || weights.matches("best epoch \\d+"), weights);
        int epochs = fin.get("epochs").asInt();
        assertTrue(epochs <= 30);
        if (weights.startsWith("best")) {
            int best = Integer.parseInt(weights.substring("best epoch ".length()));
            double bestLoss = l.get(best - 1).get("val_loss").asDouble();
            assertEquals(bestLoss, fin.get("val_loss").asDouble(), 1e-12);
            for (int e = 0; e < epochs; e++) {
                assertTrue(l.get(e).get("val_loss").asDouble() >= bestLoss);
            }
        }
    }

    @Test
    void gpuIsRefusedWhereTheEngineSeesNone() {
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--device", "gpu", "--epochs", "1");
        if (r.status() == 0) {
            return; // a machine with a GPU trains on it
        }
        assertEquals(2, r.status());
        assertTrue(r.err().contains("sees no GPU"), r.err());
    }

    @Test
    void explainTaskPrintsTheBindingsWithoutTraining() throws Exception {
        CliRunner r = CliRunner.run("train", "--template", "regression-mlp", "--explain-task", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode task = JSON.readTree(r.outLines().get(0));
        assertEquals("plain", task.get("recipe").asText());
        assertEquals("features", task.get("inputs").get(0).get("field").asText());
        assertEquals("mse", task.get("objectives").get(0).get("loss").asText());
        CliRunner text = CliRunner.run("train", "--template", "two-moons-mlp", "--explain-task");
        assertTrue(text.out().contains("cross_entropy against 'label'"), text.out());
    }

    @Test
    void aTaskFileChangesTheLoss() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("task", ".json");
        java.nio.file.Files.writeString(file, "{\"recipe\":\"plain\",\"inputs\":[{\"node\":\"input\",\"field\":\"features\"}],"
                + "\"objectives\":[{\"output\":\"dense_3\",\"loss\":\"huber:delta=0.5\",\"target\":\"target\"}],"
                + "\"metrics\":[\"mae\"]}");
        CliRunner r = CliRunner.run("train", "--template", "regression-mlp", "--epochs", "2", "--task", file.toString(),
                "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode fin = lines(r).get(2).get("final");
        assertTrue(fin.has("test_mae"), fin.toString());
        assertTrue(!fin.has("test_r2"), "only the metrics the task names: " + fin);
    }

    @Test
    void earlyStoppingOnAMetricTheTaskDoesNotReportIsRefused() {
        CliRunner r = CliRunner.run("train", "--template", "regression-mlp", "--early-stopping", "3", "--monitor",
                "val_accuracy", "--epochs", "2");
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("val_accuracy, which this task does not report") && r.err().contains("val_r2"),
                r.err());
    }

    @Test
    void aLossForAGanIsRefused() {
        CliRunner r = CliRunner.run("train", "--template", "gan-2d", "--loss", "mse", "--epochs", "1");
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("does not apply to a GAN"), r.err());
    }

    @Test
    void aDeviceAsDataIsRefusedForWhatItIs() {
        CliRunner r = CliRunner.run("train", "--template", "two-moons-mlp", "--data", "/dev/zero");
        assertEquals(2, r.status());
        assertEquals(List.of("netwright: /dev/zero is not a regular file (a device, a pipe or a socket); --data takes"
                + " a data file or a folder of images"), r.errLines());
    }
}
