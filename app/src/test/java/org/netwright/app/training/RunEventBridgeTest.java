package org.netwright.app.training;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunEventBridgeTest {

    @Test
    void manyFastEventsArriveInOrderInFewHandOvers() throws Exception {
        List<List<RunEvent>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        RunEventBridge bridge = new RunEventBridge(batch -> {
            batches.add(batch);
            if (batch.get(batch.size() - 1).isTerminal()) {
                done.countDown();
            }
        }, Runnable::run, Duration.ofMillis(50));

        long start = System.nanoTime();
        for (int i = 1; i <= 3000; i++) {
            bridge.accept(new RunEvent.Step(i, 1, 1.0 / i, 0.01, 0));
            if (i % 300 == 0) {
                Thread.sleep(20);
            }
        }
        bridge.accept(new RunEvent.Finished("completed", new org.netwright.model.run.FinalMetrics(Double.NaN, java.util.Map.of(), "last", "cpu", 0, 0)));
        assertTrue(done.await(5, TimeUnit.SECONDS));
        double elapsedMs = (System.nanoTime() - start) / 1e6;

        List<RunEvent> all = new ArrayList<>();
        batches.forEach(all::addAll);
        assertEquals(3001, all.size());
        for (int i = 0; i < 3000; i++) {
            assertEquals(i + 1, ((RunEvent.Step) all.get(i)).step());
        }
        // At most one hand-over per 50 ms, plus the first and the final one.
        assertTrue(batches.size() <= elapsedMs / 50 + 2,
                batches.size() + " hand-overs in " + elapsedMs + " ms");
    }

    @Test
    void aLoneEventIsHandedOverPromptly() throws Exception {
        CountDownLatch got = new CountDownLatch(1);
        RunEventBridge bridge = new RunEventBridge(b -> got.countDown(), Runnable::run, Duration.ofMillis(50));
        bridge.accept(new RunEvent.Started(1, "cpu", 2, 10));
        assertTrue(got.await(1, TimeUnit.SECONDS));
    }
}
