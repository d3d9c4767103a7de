package org.netwright.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.store.RunRecord;
import org.netwright.runner.checkpoint.ResumePoint;
import org.netwright.runner.checkpoint.RunState;

/** A stored run judged for Resume from the project: its checkpoint read once per run, not once per edit. */
class StoredRunCheckTest {
    private static final Graph NET = Graph.empty()
            .withNode(new Node("in", "input", Map.of("shape", "2"), 0, 0))
            .withNode(new Node("dense", "dense", Map.of("units", 8), 100, 0))
            .connect(Edge.of("in", "out", "dense", "in"));

    private static RunRecord run(long id, String started) {
        return new RunRecord(id, "stopped", "cpu", started, started, "{\"epochs\":5}", "{}");
    }

    private static byte[] state(int epoch) {
        Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
        parts.put(RunState.WEIGHTS, new byte[0]);
        parts.put(ResumePoint.NETWORK, ResumePoint.networkPart(NET));
        return new RunState(epoch, epoch * 10L, parts).write();
    }

    @Test
    void aRunWithoutACheckpointIsRefusedAndAKeptOneIsReadOncePerRun() {
        List<RunRecord> runs = new ArrayList<>(List.of(run(1, "2026-01-01T00:00:00Z"), run(2, "2026-01-01T01:00:00Z")));
        List<Long> reads = new ArrayList<>();
        StoredRunCheck check = new StoredRunCheck(() -> runs, id -> {
            reads.add(id);
            return id == 1 ? Optional.empty() : Optional.of(state(2));
        });

        assertTrue(check.judge(1, 0, NET).why().orElseThrow().startsWith("Run 1 kept no checkpoint"));
        StoredRunCheck.Answer two = check.judge(2, 0, NET);
        assertEquals(Optional.empty(), two.why());
        assertEquals(2, two.epochsComplete());
        Graph narrower = NET.withNode(new Node("dense", "dense", Map.of("units", 4), 100, 0));
        assertTrue(check.judge(2, 0, narrower).why().orElseThrow().startsWith("The network changed since run 2"));
        assertEquals(List.of(1L, 2L), reads, "run 2's checkpoint read once for both networks");

        // Deleted and its id given to a new run: that run's own checkpoint is read.
        runs.set(1, run(2, "2026-01-02T00:00:00Z"));
        check.judge(2, 0, NET);
        assertEquals(List.of(1L, 2L, 2L), reads);
        assertEquals(Optional.of("There is no run 9 in the project any more."), check.judge(9, 0, NET).why());
    }

    @Test
    void aGanCheckpointFromBeforeTheDiscriminatorsOptimizerWasKeptIsRefusedBeforeTheClick() {
        Map<String, byte[]> kept = new java.util.LinkedHashMap<>();
        kept.put(RunState.WEIGHTS, new byte[0]);
        kept.put(ResumePoint.NETWORK, ResumePoint.networkPart(NET));
        byte[] older = new RunState(2, 20, kept).write();
        kept.put(ResumePoint.DISCRIMINATOR_OPTIMIZER, new byte[] {1});
        byte[] newer = new RunState(2, 20, kept).write();
        List<RunRecord> runs = List.of(run(1, "2026-01-01T00:00:00Z"), run(2, "2026-01-01T01:00:00Z"));
        StoredRunCheck check = new StoredRunCheck(() -> runs, id -> Optional.of(id == 1 ? older : newer));

        assertEquals(Optional.of("Run 1's checkpoint has no state of the discriminator's optimizer (it was saved by an"
                + " older version), so the GAN cannot go on from it exactly; start a new run."),
                check.judge(1, 0, NET, org.netwright.model.task.Task.GAN).why());
        assertEquals(Optional.empty(), check.judge(1, 0, NET, org.netwright.model.task.Task.PLAIN).why(),
                "only a GAN needs it");
        assertEquals(Optional.empty(), check.judge(1, 0, NET, null).why(), "the task not known: the runner says");
        assertEquals(Optional.empty(), check.judge(2, 0, NET, org.netwright.model.task.Task.GAN).why());
    }
}
