package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochMeansTest {
    @TempDir
    Path dir;

    @Test
    void eachEpochOfEachKeyIsTheMeanOfItsFiniteValues() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("m.nwproj"))) {
            long run = store.startRun("{}", "cpu");
            store.appendMetrics(run, List.of(
                    new MetricPoint(1, 1, "train/loss", 1.0, 0.1),
                    new MetricPoint(2, 1, "train/loss", 3.0, 0.2),
                    new MetricPoint(3, 1, "train/loss", Double.NaN, 0.3),
                    new MetricPoint(3, 1, "validate/loss", 0.9, 0.35),
                    new MetricPoint(3, 1, "train/accuracy", 0.5, 0.35),
                    new MetricPoint(4, 2, "train/loss", 0.5, 0.4),
                    new MetricPoint(5, 3, "train/loss", Double.NaN, 0.5)));
            List<MetricPoint> means = store.epochMeans(run, List.of("train/loss", "validate/loss"));
            assertEquals(List.of(
                    new MetricPoint(3, 1, "train/loss", 2.0, 0.3),
                    new MetricPoint(3, 1, "validate/loss", 0.9, 0.35),
                    new MetricPoint(4, 2, "train/loss", 0.5, 0.4)), means, "NaN is left out; an all-NaN epoch too");
            assertEquals(List.of(), store.epochMeans(run, List.of()));
            assertEquals(List.of(), store.epochMeans(run + 1, List.of("train/loss")));
        }
    }
}
