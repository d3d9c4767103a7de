package org.netwright.model.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.RunRecord;

class RunReachedTest {
    private static RunSummary run(long id, String status, String settings, String finalJson) {
        return RunSummary.of(new RunRecord(id, status, "cpu", "2026-01-02T10:00:00Z", "2026-01-02T10:01:00Z", settings,
                finalJson), Instant.parse("2026-01-02T11:00:00Z"));
    }

    private static MetricPoint p(int epoch, String key, double value) {
        return new MetricPoint(epoch * 10L, epoch, key, value, epoch);
    }

    /** Run 1 finished epoch 1 and died in epoch 2; run 2 went on from it and was stopped inside epoch 2. */
    private static final List<MetricPoint> FIRST = List.of(p(1, "train/loss", 0.9), p(1, "lr", 0.01),
            p(1, "validate/loss", 0.625), p(1, "validate/accuracy", 0.75), p(2, "train/loss", 0.5));
    private static final List<MetricPoint> SECOND = List.of(p(2, "train/loss", 0.4));

    @Test
    void anInterruptedRunReachedTheLastEpochItFinishedWithThatEpochsFigures() {
        RunReached r = RunReached.of(run(1, "interrupted", "{\"epochs\":3}", null), FIRST);
        assertEquals(new RunReached(1, 0.625, 0.75, Optional.of(
                "Run 1 was interrupted in epoch 2: these are the figures of epoch 1, the last it finished.")), r);
    }

    @Test
    void aRunEndedBeforeItsFirstEpochReachedNone() {
        RunReached r = RunReached.of(run(1, "failed", "{\"epochs\":3}", "{\"message\":\"NaN\"}"),
                List.of(p(1, "train/loss", 0.9)));
        assertEquals(new RunReached(0, null, null, Optional.of("Run 1 failed before it finished its first epoch.")), r);
    }

    @Test
    void aResumedRunStoppedBeforeAnEpochOfItsOwnShowsTheEpochItsCurveDrawsWithThoseFigures() {
        RunSummary first = run(1, "interrupted", "{\"epochs\":3}", null);
        RunSummary second = run(2, "stopped", "{\"epochs\":3,\"resumed_from\":1}", "{\"epochs\":1,\"steps\":3}");
        assertTrue(RunReached.needsPoints(second), "its final figures hold no validation figures");
        Map<Long, RunSummary> runs = Map.of(1L, first, 2L, second);
        Map<Long, List<MetricPoint>> points = Map.of(1L, FIRST, 2L, SECOND);
        List<MetricPoint> drawn = RunReached.withEarlierRuns(second, SECOND, id -> Optional.ofNullable(runs.get(id)),
                points::get);
        assertEquals(List.of(p(1, "train/loss", 0.9), p(1, "lr", 0.01), p(1, "validate/loss", 0.625),
                p(1, "validate/accuracy", 0.75), p(2, "train/loss", 0.4)), drawn, "run 1's epoch 1, then its own");
        assertEquals(new RunReached(1, 0.625, 0.75, Optional.of("Run 2 went on from run 1 and stopped before it"
                + " measured an epoch of its own: these are the figures of epoch 1, which run 1 finished.")),
                RunReached.of(second, drawn));
    }

    @Test
    void finalFiguresAreKeptAndARunningRunHasNoneYet() {
        RunSummary done = run(3, "completed", "{\"epochs\":2}", "{\"epochs\":2,\"val_loss\":0.4}");
        assertFalse(RunReached.needsPoints(done));
        assertEquals(new RunReached(2, 0.4, null, Optional.empty()), RunReached.of(done, FIRST));
        RunSummary noValidation = run(4, "completed", "{\"epochs\":2}", "{\"epochs\":2}");
        assertEquals(new RunReached(2, null, null, Optional.empty()), RunReached.of(noValidation, List.of()));
        RunSummary running = run(5, "running", "{\"epochs\":2}", null);
        assertFalse(RunReached.needsPoints(running));
        assertEquals(new RunReached(null, null, null, Optional.empty()), RunReached.of(running, FIRST));
    }

    @Test
    void aLoopOfResumedRunsInADamagedFileEnds() {
        RunSummary a = run(1, "stopped", "{\"resumed_from\":2}", "{\"epochs\":1}");
        RunSummary b = run(2, "stopped", "{\"resumed_from\":1}", "{\"epochs\":1}");
        Map<Long, RunSummary> runs = Map.of(1L, a, 2L, b);
        assertEquals(List.of(), RunReached.withEarlierRuns(a, List.of(), id -> Optional.ofNullable(runs.get(id)),
                id -> List.of()));
    }
}
