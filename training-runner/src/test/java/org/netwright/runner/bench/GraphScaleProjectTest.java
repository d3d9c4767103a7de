package org.netwright.runner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.store.ProjectStore;

/** bench-graph's project rows time the real thing: the project it writes opens whole and its curve reads every step. */
class GraphScaleProjectTest {
    @TempDir
    Path dir;

    @Test
    void theProjectIsWrittenAsTheRunnerWritesAndReadWhole() {
        Path file = dir.resolve("p.nwproj");
        GraphScale.writeProject(file, 31, 5_000);
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            long run = store.runs().get(0).id();
            assertEquals(5_000, store.steps(run, "train/loss").size());
            assertEquals(50, store.metrics(run, List.of("validate/", "lr", "grad_norm/")).size(), "five each epoch");
            assertEquals("completed", store.runs().get(0).status());
            // What a window shows of it must read as a run could: no loss below 0, no accuracy above 100 %.
            for (var m : store.metrics(run, List.of("train/loss", "validate/"))) {
                assertTrue(m.value() >= 0, m.toString());
                assertTrue(!m.key().endsWith("accuracy") || m.value() <= 1, m.toString());
            }
        }
        GraphScale.Timing open = GraphScale.openProject(file, 2);
        assertEquals(31, open.nodes());
        assertTrue(open.medianMs() > 0);
        GraphScale.Timing curve = GraphScale.readCurve(file, 2);
        assertEquals("read its run's curve (5,000 steps)", curve.what());
        assertEquals(31, curve.nodes());
    }

    @Test
    void theProjectRowsLeaveNoFileBehind() throws Exception {
        List<GraphScale.Timing> rows = GraphScale.project(31, 2_000, 1);
        assertEquals(2, rows.size());
        try (var left = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("netwright-bench-")
                    && java.nio.file.Files.exists(p.resolve("large.nwproj"))), "the benchmark's project was left");
        }
    }
}
