package org.netwright.runner.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.run.FinalMetrics;

/** The parts of a sweep that need no child process: flags, the cores' split and the best trial. */
class SweepTest {

    @Test
    void aTrialsValuesBecomeTrainFlags() {
        Map<String, Number> v = new LinkedHashMap<>();
        v.put("lr", 0.003);
        v.put("batch_size", 32L);
        v.put("dropout", 0.25);
        assertEquals(List.of("--lr", "0.003", "--batch-size", "32", "--dropout", "0.25"), Sweep.flags(v));
    }

    @Test
    void coresAreSharedBetweenTrialsSideBySide() {
        assertEquals(8, Sweep.threadsPerTrial(16, 2));
        assertEquals(1, Sweep.threadsPerTrial(2, 4));
        assertEquals(2, Sweep.threadsPerTrial(2, 1));
    }

    @Test
    void theBestTrialIsTheLowestLossOrTheHighestAccuracy() {
        List<TrialResult> r = List.of(result(1, 0.5, 0.8), result(2, 0.3, 0.7), result(3, Double.NaN, 0.9),
                new TrialResult(4, Map.of(), 0, "failed", null, "diverged"));
        assertEquals(2, Sweep.best(r, "val_loss").orElseThrow().trial());
        assertEquals(3, Sweep.best(r, "val_accuracy").orElseThrow().trial());
        assertEquals(true, Sweep.best(r, "val_r2").isEmpty());
    }

    @Test
    void aTrialRunsTheSameJavaWithItsShareOfThreads() {
        List<String> cmd = TrialProcess.command(Path.of("/tmp/p.nwproj"), 3, List.of("--lr", "0.1"));
        assertEquals(List.of("org.netwright.runner.cli.Cli", "train", "/tmp/p.nwproj", "--events", "--lr", "0.1"),
                cmd.subList(cmd.size() - 6, cmd.size()));
        assertEquals(true, cmd.contains("-Dai.djl.pytorch.num_threads=3"));
        assertEquals(true, cmd.contains("-Dai.djl.offline=true"));
    }

    private static TrialResult result(int k, double valLoss, double acc) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (!Double.isNaN(valLoss)) {
            values.put("val_loss", valLoss);
        }
        values.put("val_accuracy", acc);
        return new TrialResult(k, Map.of("lr", 0.01), k, "completed",
                new FinalMetrics(0.1, values, "last", "cpu", 1, 10), null);
    }
}
