package org.netwright.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDeletionTest {
    @TempDir
    Path dir;

    @Test
    void deletingARunRemovesItsMetricsAndCheckpointsAndNothingElse() {
        Path file = dir.resolve("p.nwproj");
        long keep;
        long drop;
        try (ProjectStore store = ProjectStore.create(file)) {
            keep = store.startRun("{}", "cpu");
            drop = store.startRun("{}", "cpu");
            for (long run : List.of(keep, drop)) {
                store.appendMetrics(run, List.of(new MetricPoint(1, 1, "train/loss", 0.5, 0.1)));
                store.saveCheckpoint(run, 1, new byte[] {1, 2});
                store.finishRun(run, "completed", "{}");
            }
            store.deleteRun(drop);
            assertEquals(List.of(keep), store.runs().stream().map(RunRecord::id).toList());
            assertEquals(1, store.metrics(keep).size());
            assertEquals(1, store.checkpointCount(keep));
            assertEquals(0, store.checkpointCount(drop));
        }
        assertEquals(List.of("1"), Projects.query(file, "SELECT COUNT(*) FROM metrics"));
        assertEquals(List.of(keep + ""), Projects.query(file, "SELECT run_id FROM step_blocks"),
                "the deleted run's packed losses go with its rows");
        assertEquals(List.of("1"), Projects.query(file, "SELECT COUNT(*) FROM checkpoints"));
    }

    @Test
    void aLiveRunAndAnUnknownIdAreRefusedInASentence() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("q.nwproj"))) {
            long live = store.startRun("{}", "cpu");
            ProjectFileException running = assertThrows(ProjectFileException.class, () -> store.deleteRun(live));
            assertTrue(running.getMessage().contains("is still running"), running.getMessage());
            ProjectFileException unknown = assertThrows(ProjectFileException.class, () -> store.deleteRun(99));
            assertTrue(unknown.getMessage().startsWith("There is no run 99 in "), unknown.getMessage());
            assertEquals(1, store.runs().size());
        }
    }
}
