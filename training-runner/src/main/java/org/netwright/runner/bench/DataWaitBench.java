package org.netwright.runner.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.NetworkEnds;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.run.DataWait;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.data.Samples;

/**
 * How long the training thread waits for its batches with and without prefetching, on the user's data: the same run
 * (graph fitted to the data, seed, epochs) twice, once with the recipe option {@value TrainingRun#PREFETCH}{@code
 * =false}, and the wait per step of each ({@link TrainingRun#dataWait}). The data are read once per run, as a run
 * reads them (a folder larger than its cache lazily).
 */
public final class DataWaitBench {
    private DataWaitBench() {
    }

    /**
     * One run's figures per step: time on the batch in all and blocked for its data (see {@link DataWait}), a whole
     * step, and the steps counted.
     */
    public record Result(boolean prefetch, double waitMsPerStep, double blockedMsPerStep, double stepMs, long steps,
                         long prefetched, String status) {
    }

    /** Runs {@code graph} on {@code settings}' data without and with prefetching, the first {@code rounds} times each. */
    public static Map<String, Result> run(Graph graph, TrainingSettings settings, Path baseDir, int rounds) {
        Map<String, Result> out = new LinkedHashMap<>();
        for (int r = 1; r <= rounds; r++) {
            for (boolean prefetch : new boolean[] {false, true}) {
                out.put((prefetch ? "prefetch" : "no prefetch") + (rounds > 1 ? " #" + r : ""),
                        once(graph, settings, baseDir, prefetch));
            }
        }
        return out;
    }

    private static Result once(Graph graph, TrainingSettings settings, Path baseDir, boolean prefetch) {
        TrainingSettings s = TrainingRun.withPrefetch(settings, prefetch);
        Samples.Split split = DataSources.loadSplit(s, baseDir, NetworkEnds.of(graph), notice -> { });
        TrainingRun run = new TrainingRun(graph, s, split);
        // A step's time is the gap between two step events of one epoch: validation passes do not count.
        long[] last = {0};
        int[] lastEpoch = {-1};
        double[] gaps = {0};
        long[] counted = {0};
        run.addListener(new org.netwright.runner.run.RunListener() {
            @Override
            public void step(org.netwright.model.run.RunEvent.Step e) {
                long now = System.nanoTime();
                if (e.epoch() == lastEpoch[0]) {
                    gaps[0] += (now - last[0]) / 1e6;
                    counted[0]++;
                }
                last[0] = now;
                lastEpoch[0] = e.epoch();
            }
        });
        RunResult result = run.run();
        DataWait wait = run.dataWait();
        double stepMs = counted[0] == 0 ? Double.NaN : gaps[0] / counted[0];
        return new Result(prefetch, wait.msPerStep(), wait.blockedMsPerStep(), stepMs, wait.steps(), wait.prefetched(), result.status());
    }
}
