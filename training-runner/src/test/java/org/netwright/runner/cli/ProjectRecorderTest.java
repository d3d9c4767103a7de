package org.netwright.runner.cli;

import org.netwright.model.run.FinalMetrics;
import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;

/** An epoch and a run's end are in the project file when the recorder hands them on to the listeners that print. */
class ProjectRecorderTest {
    @TempDir
    Path dir;

    @Test
    void anEpochIsCommittedBeforeTheRecorderReturns() {
        Path file = dir.resolve("p.nwproj");
        ProjectStore.create(file).close();
        try (ProjectStore store = ProjectStore.open(file)) {
            ProjectRecorder recorder = new ProjectRecorder(store, "{}", "cpu");
            recorder.on(new RunEvent.Step(1, 1, 0.9, 0.01, 0.1));
            recorder.on(new RunEvent.Epoch(1, 0.9, 0.8, java.util.Map.of("val_accuracy", 0.5), 0.01, 0.2, 0.1));
            // Read at once, from another connection as a second process would: nothing waits for the writer's timer.
            try (ProjectStore other = ProjectStore.openReadOnly(file)) {
                List<String> keys = other.metrics(recorder.runId()).stream().map(MetricPoint::key).toList();
                assertTrue(keys.containsAll(List.of("train/loss", "validate/loss", "validate/accuracy", "lr")), keys.toString());
            }
            recorder.on(new RunEvent.Finished(RunEvent.Finished.COMPLETED,
                    new FinalMetrics(0.9, java.util.Map.of("val_loss", 0.8, "val_accuracy", 0.5, "test_loss", 0.7,
                            "test_accuracy", 0.6), "last", "cpu", 1, 1)));
            try (ProjectStore other = ProjectStore.openReadOnly(file)) {
                assertEquals("completed", other.runs().get(0).status());
                assertTrue(other.metrics(recorder.runId()).stream().anyMatch(m -> m.key().equals("test/accuracy")));
            }
            recorder.close();
        }
    }

    @Test
    void anEpochsActivationStatisticsAreKeptWithTheRun() {
        Path file = dir.resolve("a.nwproj");
        ProjectStore.create(file).close();
        java.util.Map<String, org.netwright.model.run.ActivationStats> stats = new java.util.LinkedHashMap<>();
        stats.put("dense_1", new org.netwright.model.run.ActivationStats(0.125, 0.5, 0.0));
        stats.put("relu_1", new org.netwright.model.run.ActivationStats(0.0625, 0.25, 0.75));
        try (ProjectStore store = ProjectStore.open(file)) {
            ProjectRecorder recorder = new ProjectRecorder(store, "{}", "cpu");
            recorder.on(new RunEvent.Step(1, 1, 0.9, 0.01, 0.1));
            recorder.on(new RunEvent.Epoch(1, 0.9, 0.8, java.util.Map.of(), 0.01, 0.2, 0.1)
                    .withHealth(java.util.Map.of("dense_1", 0.5), java.util.Map.of("relu_1", 0.75), List.of())
                    .withActivations(stats));
            try (ProjectStore other = ProjectStore.openReadOnly(file)) {
                var kept = org.netwright.model.run.ActivationRecords.byEpoch(other.metrics(recorder.runId()));
                assertEquals(java.util.Map.of(1, stats), kept);
            }
            recorder.close();
        }
    }
}
