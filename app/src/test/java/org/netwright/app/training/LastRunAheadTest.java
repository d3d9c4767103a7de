package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Graph;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.RunRecord;

/**
 * The last run read ahead, while the project opens, is what the window would read itself, handed over once and only
 * for the run the window shows; a run that may still be written is left for the window to read.
 */
class LastRunAheadTest {
    @TempDir
    Path dir;

    private static List<MetricPoint> points(int steps) {
        List<MetricPoint> m = new ArrayList<>();
        for (int s = 1; s <= steps; s++) {
            m.add(new MetricPoint(s, 1 + (s - 1) / 100, "train/loss", 1.0 / s, s));
            if (s % 100 == 0) {
                m.add(new MetricPoint(s, s / 100, "validate/loss", 0.5, s));
            }
        }
        return m;
    }

    private Path project(boolean finished) {
        Path file = dir.resolve(finished ? "done.nwproj" : "running.nwproj");
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveGraph(Graph.empty(), "empty");
            long first = store.startRun("{}", "cpu");
            store.appendMetrics(first, points(50));
            store.finishRun(first, "completed", "{}");
            long last = store.startRun("{}", "cpu");
            store.appendMetrics(last, points(300));
            if (finished) {
                store.finishRun(last, "completed", "{}");
            }
        }
        return file;
    }

    private static RunRecord lastRun(Path file) {
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            List<RunRecord> runs = store.runs();
            return runs.get(runs.size() - 1);
        }
    }

    @Test
    void theLastRunReadAheadIsWhatTheWindowWouldReadAndIsHandedOverOnce() throws Exception {
        Path file = project(true);
        RunRecord last = lastRun(file);
        LastRunAhead ahead = LastRunAhead.begin(file);
        Optional<RunHistory.Stored> taken = ahead.take(last).get();
        assertTrue(taken.isPresent());
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            assertEquals(RunHistory.Stored.read(store, last.id()).points(), taken.get().points());
        }
        assertEquals(300, taken.get().losses().size());
        assertEquals(Optional.empty(), ahead.take(last).get(), "handed over once; the window reads again after");
    }

    @Test
    void aReadOfAnotherRunIsNotHandedOver() throws Exception {
        Path file = project(true);
        RunRecord last = lastRun(file);
        RunRecord other = new RunRecord(last.id() - 1, "completed", "cpu", last.startedAt(), null, "{}", "{}");
        assertEquals(Optional.empty(), LastRunAhead.begin(file).take(other).get());
    }

    @Test
    void aRunStillRunningOrAProjectOpenElsewhereIsLeftToTheWindow() throws Exception {
        // This process started the run and is alive: the run is running, and may be written to still.
        Path file = project(false);
        RunRecord last = lastRun(file);
        assertEquals("running", last.status());
        assertEquals(Optional.empty(), LastRunAhead.begin(file).take(last).get());

        Path done = project(true);
        try (ProjectStore editing = ProjectStore.openForEditing(done)) {
            assertEquals(Optional.empty(), LastRunAhead.begin(done).take(lastRun(done)).get(),
                    "a project with its log beside it is not read ahead");
        }
        assertEquals(Optional.empty(), LastRunAhead.none().take(last).get());
    }

    /** Found when a stale jar lacked a method: the read's error reached the window instead of the window reading. */
    @Test
    void aReadAheadThatFailedLeavesTheRunToTheWindow() throws Exception {
        RunRecord run = new RunRecord(1, "completed", "cpu", "2026-01-01T00:00:00Z", null, "{}", "{}");
        LastRunAhead failed = new LastRunAhead(java.util.concurrent.CompletableFuture.failedFuture(
                new NoSuchMethodError("ProjectStore.openReadingAhead")));
        assertEquals(Optional.empty(), failed.take(run).get());
    }
}
