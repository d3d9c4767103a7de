package org.netwright.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netwright.model.run.RunEvent;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.RunRecord;

/** A stored run replays as its events; a long one hands the chart a few thousand steps that keep its spikes. */
class RunHistoryTest {
    private static final RunRecord RUN = new RunRecord(1, "completed", "cpu", "2026-01-01T00:00:00Z", null, "{}", "{}");

    private static List<RunEvent.Step> steps(List<RunEvent> events) {
        return events.stream().filter(e -> e instanceof RunEvent.Step).map(e -> (RunEvent.Step) e).toList();
    }

    @Test
    void aShortRunKeepsEveryStep() {
        List<MetricPoint> m = new ArrayList<>();
        for (int s = 1; s <= 100; s++) {
            m.add(new MetricPoint(s, 1 + (s - 1) / 50, "train/loss", 1.0 / s, s));
        }
        assertEquals(100, steps(RunHistory.replay(RUN, m)).size());
    }

    @Test
    void aLongRunIsThinnedToItsLowsAndHighsInOrder() {
        List<MetricPoint> m = new ArrayList<>();
        int n = 200_000;
        for (int s = 1; s <= n; s++) {
            // One spike in the middle of a falling curve.
            double loss = s == 123_457 ? 50 : 1.0 / Math.sqrt(s);
            m.add(new MetricPoint(s, 1 + (s - 1) / (n / 4), "train/loss", loss, s));
        }
        List<RunEvent.Step> kept = steps(RunHistory.replay(RUN, m));
        assertTrue(kept.size() <= RunHistory.MAX_STEPS + 8, "kept " + kept.size());
        assertTrue(kept.size() >= RunHistory.MAX_STEPS / 2, "kept " + kept.size());
        assertTrue(kept.stream().anyMatch(s -> s.trainLoss() == 50), "the spike was thinned away");
        assertEquals(1, kept.get(0).step());
        assertEquals(n, kept.get(kept.size() - 1).step(), "the last step was dropped");
        for (int i = 1; i < kept.size(); i++) {
            assertTrue(kept.get(i).step() > kept.get(i - 1).step(), "steps out of order at " + i);
        }
    }
}
