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

    @Test
    void aStoredRunsActivationStatisticsComeBackWithItsEpochs() {
        java.util.Map<String, org.netwright.model.run.ActivationStats> stats = new java.util.LinkedHashMap<>();
        stats.put("dense_1", new org.netwright.model.run.ActivationStats(0.5, 1.0, 0.0));
        stats.put("relu_1", new org.netwright.model.run.ActivationStats(0.0, 0.0, 1.0));
        List<MetricPoint> m = new ArrayList<>();
        m.add(new MetricPoint(1, 1, "train/loss", 0.9, 1));
        m.add(new MetricPoint(1, 1, "grad_norm/dense_1", 0.25, 1));
        m.addAll(org.netwright.model.run.ActivationRecords.points(2, 2, 2, stats));
        List<RunEvent.Epoch> epochs = RunHistory.replay(RUN, m).stream().filter(e -> e instanceof RunEvent.Epoch)
                .map(e -> (RunEvent.Epoch) e).toList();
        assertEquals(2, epochs.size());
        assertTrue(epochs.get(0).activations().isEmpty());
        assertEquals(stats, epochs.get(1).activations());

        TrainingViewModel model = new TrainingViewModel((project, settings, listener) -> {
            throw new java.io.IOException("not started");
        });
        model.showPast(RUN, m);
        assertEquals(List.of("dense_1", "relu_1"), model.activations().stream().map(ActivationRow::layer).toList());
        assertTrue(model.activations().get(1).isProblem());
        assertTrue(model.activationsCaptionProperty().get().contains("after epoch 2"),
                model.activationsCaptionProperty().get());
    }

    @Test
    void aReopenedLongRunsCurveKeepsEveryStepForItsCsv() {
        List<MetricPoint> m = new ArrayList<>();
        int n = 200_000;
        for (int s = 1; s <= n; s++) {
            m.add(new MetricPoint(s, 1 + (s - 1) / (n / 4), "train/loss", 1.0 / Math.sqrt(s), s));
        }
        RunHistory.Replay replay = RunHistory.read(RUN, m);
        assertTrue(steps(replay.events()).size() <= RunHistory.MAX_STEPS + 8, "the events stay thinned");
        assertEquals(n, replay.losses().size());
        TrainingViewModel model = new TrainingViewModel((project, settings, listener) -> {
            throw new java.io.IOException("not started");
        });
        model.showReplayed(RUN, replay);
        assertEquals(n, model.trainLossPointCount(), "every step is in the curve");
        org.netwright.app.charts.DecimatedSeries curve = model.trainLossCurve();
        assertEquals(4.0, curve.x(n - 1), 1e-12, "the last step sits at the end of epoch 4, as a live step would");
        assertEquals(1.0 / Math.sqrt(n), curve.y(n - 1), 1e-15);
        org.jfree.chart.JFreeChart chart = org.jfree.chart.ChartFactory.createXYLineChart(null, "epoch", "loss",
                model.lossData());
        long trainRows = org.netwright.app.charts.ChartExport.csv(chart, List.of(curve)).lines()
                .filter(l -> l.startsWith("train loss,")).count();
        assertEquals(n, trainRows);
        assertTrue(curve.shown().getItemCount() < n / 10, "the chart draws far fewer: " + curve.shown().getItemCount());
    }

    /**
     * A reopened run is drawn with one redraw of the chart: the chart draws at each change notice of its data, and the
     * replay clears, fills and refreshes both curves (three draws before, a tenth of a second each the first time).
     * A step without a finite loss is left out of the curve, as a live one is.
     */
    @Test
    void aReopenedRunRedrawsTheChartOnceAndLeavesOutLossesThatAreNotNumbers() {
        List<MetricPoint> m = new ArrayList<>();
        for (int s = 1; s <= 40; s++) {
            m.add(new MetricPoint(s, 1 + (s - 1) / 10, "train/loss", s == 7 ? Double.NaN : 1.0 / s, s));
        }
        for (int e = 1; e <= 4; e++) {
            m.add(new MetricPoint(10L * e, e, "validate/loss", 0.5 / e, 10.0 * e));
        }
        RunHistory.Replay replay = RunHistory.read(RUN, m);
        assertEquals(39, replay.curveX().length);
        assertEquals(39, replay.curveY().length);
        TrainingViewModel model = new TrainingViewModel((project, settings, listener) -> {
            throw new java.io.IOException("not started");
        });
        int[] notices = new int[1];
        model.lossData().addChangeListener(event -> notices[0]++);
        model.showReplayed(RUN, replay);
        assertEquals(1, notices[0], "one change notice for the whole replay");
        assertEquals(39, model.trainLossPointCount());
        assertEquals(0.9, model.trainLossCurve().x(7), 1e-12, "step 9 of 10 per epoch, after the step left out");
        assertEquals(4, model.lossData().getSeries(1).getItemCount(), "each epoch's validation loss");
    }

    /**
     * The window reads a stored run as its losses' columns and the rest's points (two queries); it must replay exactly
     * as every point read as one list did, thinned steps and epoch values alike.
     */
    @Test
    void aRunReadAsColumnsReplaysAsItsPointsDo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.util.Map<String, org.netwright.model.run.ActivationStats> stats =
                java.util.Map.of("dense_1", new org.netwright.model.run.ActivationStats(0.5, 1.0, 0.0));
        try (org.netwright.model.store.ProjectStore store =
                     org.netwright.model.store.ProjectStore.create(dir.resolve("r.nwproj"))) {
            long id = store.startRun("{}", "cpu");
            List<MetricPoint> m = new ArrayList<>();
            int n = 30_000;
            for (int s = 1; s <= n; s++) {
                int epoch = 1 + (s - 1) / (n / 3);
                m.add(new MetricPoint(s, epoch, "train/loss", s == 777 ? 40 : 1.0 / Math.sqrt(s), s * 0.01));
                if (s % (n / 3) == 0) {
                    m.add(new MetricPoint(s, epoch, "validate/loss", 0.5 / epoch, s * 0.01));
                    m.add(new MetricPoint(s, epoch, "validate/accuracy", 0.3 * epoch, s * 0.01));
                    m.add(new MetricPoint(s, epoch, "lr", 0.01, s * 0.01));
                    m.add(new MetricPoint(s, epoch, "grad_norm/dense_1", 0.1 * epoch, s * 0.01));
                    m.addAll(org.netwright.model.run.ActivationRecords.points(s, epoch, s * 0.01, stats));
                }
            }
            store.appendMetrics(id, m);
            RunRecord run = store.runs().get(0);
            RunHistory.Replay asList = RunHistory.read(run, store.metrics(id, RunHistory.KEYS_DRAWN));
            RunHistory.Replay asColumns = RunHistory.read(run, RunHistory.Stored.read(store, id));
            // The window reads every step's loss without its seconds (ProjectStore.curve: no view shows a step's
            // time), so the steps' seconds are the one thing the columns leave out.
            assertEquals(withoutStepSeconds(asList.events()), asColumns.events());
            assertTrue(steps(asColumns.events()).stream().anyMatch(s -> s.trainLoss() == 40), "the spike is kept");
            assertEquals(n, asColumns.losses().size());
            assertEquals(m.stream().filter(p -> RunHistory.KEYS_DRAWN.stream().anyMatch(p.key()::startsWith))
                            .map(p -> p.key().equals("train/loss")
                                    ? new MetricPoint(p.step(), p.epoch(), p.key(), p.value(), Double.NaN) : p)
                            .toList(),
                    RunHistory.Stored.read(store, id).points(), "the points in the order written");
            assertEquals(3, RunHistory.replay(run, RunHistory.Stored.read(store, id).upTo(2)).stream()
                    .filter(e -> e instanceof RunEvent.Started || e instanceof RunEvent.Epoch).count(),
                    "started and epochs 1-2");
        }
    }

    /** Run 1 stopped inside epoch 3 (2 complete, 4 steps an epoch); run 2 resumed it and trained epochs 3 and 4. */
    @Test
    void aResumedRunIsDrawnAfterTheEpochsOfTheRunItWentOnFrom() {
        RunRecord parent = new RunRecord(1, "stopped", "cpu", "2026-01-01T00:00:00Z", null, "{\"epochs\":4}", "{}");
        RunRecord child = new RunRecord(2, "completed", "cpu", "2026-01-01T01:00:00Z", null,
                "{\"epochs\":4,\"resumed_from\":1}", "{}");
        List<MetricPoint> before = new ArrayList<>();
        for (int s = 1; s <= 10; s++) {
            int epoch = 1 + (s - 1) / 4;
            before.add(new MetricPoint(s, epoch, "train/loss", 1.0 / s, s));
            if (s % 4 == 0) {
                before.add(new MetricPoint(s, epoch, "validate/loss", 0.5 / epoch, s));
            }
        }
        // The checkpoint held 10 steps: the new run's steps count on from 11, though epoch 3 starts again.
        List<MetricPoint> own = new ArrayList<>();
        for (int s = 11; s <= 18; s++) {
            int epoch = 3 + (s - 11) / 4;
            own.add(new MetricPoint(s, epoch, "train/loss", 0.05, s));
            if ((s - 10) % 4 == 0) {
                own.add(new MetricPoint(s, epoch, "validate/loss", 0.1 / epoch, s));
            }
        }
        var runs = java.util.Map.of(1L, parent, 2L, child);
        List<MetricPoint> all = RunHistory.withEarlierRuns(child, own,
                id -> java.util.Optional.ofNullable(runs.get(id)), id -> id == 1 ? before : List.of());

        List<RunEvent> events = RunHistory.replay(child, all);
        List<RunEvent.Epoch> epochs = events.stream().filter(e -> e instanceof RunEvent.Epoch)
                .map(e -> (RunEvent.Epoch) e).toList();
        assertEquals(List.of(1, 2, 3, 4), epochs.stream().map(RunEvent.Epoch::epoch).toList(),
                "the parent's two epochs, then the run's own");
        assertEquals(0.5, epochs.get(0).valLoss(), 1e-12);
        assertEquals(0.1 / 4, epochs.get(3).valLoss(), 1e-12);
        List<RunEvent.Step> steps = steps(events);
        assertEquals(16, steps.size(), "8 steps of the parent's complete epochs (its partial epoch 3 left out), 8 new");
        assertEquals(List.of(8L, 9L), List.of(steps.get(7).step(), steps.get(8).step()),
                "the new epoch 3 begins right after the parent's epoch 2");
        assertEquals(3, steps.get(8).epoch());

        // Run 1 stopped inside its first epoch (no complete epoch); run 3 resumed it at step 6 and trained epochs 1-2.
        RunRecord early = new RunRecord(3, "completed", "cpu", "2026-01-01T02:00:00Z", null,
                "{\"epochs\":2,\"resumed_from\":4}", "{}");
        RunRecord stoppedInFirst = new RunRecord(4, "stopped", "cpu", "2026-01-01T00:00:00Z", null, "{}", "{}");
        List<MetricPoint> partial = List.of(new MetricPoint(5, 1, "train/loss", 0.9, 1));
        List<MetricPoint> fromStep6 = new ArrayList<>();
        for (int s = 6; s <= 13; s++) {
            fromStep6.add(new MetricPoint(s, 1 + (s - 6) / 4, "train/loss", 0.5, s));
        }
        var chain = java.util.Map.of(3L, early, 4L, stoppedInFirst);
        List<MetricPoint> drawn = RunHistory.withEarlierRuns(early, fromStep6,
                id -> java.util.Optional.ofNullable(chain.get(id)), id -> id == 4 ? partial : List.of());
        assertEquals(8, drawn.size(), "the earlier run's unfinished epoch is trained again, so it is not drawn");
        assertEquals(1, drawn.get(0).step(), "the first step sits at the start of epoch 1, not half-way into it");
        assertEquals(5, drawn.get(4).step());

        // A run that did not resume, or whose earlier run was deleted, is drawn as it is.
        assertEquals(before, RunHistory.withEarlierRuns(parent, before, id -> java.util.Optional.empty(),
                id -> List.of()));
        assertEquals(own, RunHistory.withEarlierRuns(child, own, id -> java.util.Optional.empty(), id -> List.of()));
    }

    /**
     * Run 2 resumed run 1 and failed before its first step: it is drawn with run 1's epochs, the epochs the runs list
     * says it reached (RunReached), where it was once drawn empty.
     */
    @Test
    void aResumedRunWithoutAStepOfItsOwnIsDrawnWithTheEpochsOfTheRunItWentOnFrom() {
        RunRecord parent = new RunRecord(1, "stopped", "cpu", "2026-01-01T00:00:00Z", null, "{\"epochs\":4}", "{}");
        RunRecord child = new RunRecord(2, "failed", "cpu", "2026-01-01T01:00:00Z", null,
                "{\"epochs\":4,\"resumed_from\":1}", "{}");
        List<MetricPoint> before = List.of(new MetricPoint(1, 1, "train/loss", 0.9, 1),
                new MetricPoint(2, 1, "train/loss", 0.8, 2), new MetricPoint(2, 1, "validate/loss", 0.7, 2));
        var runs = java.util.Map.of(1L, parent, 2L, child);
        List<MetricPoint> drawn = RunHistory.withEarlierRuns(child, List.of(),
                id -> java.util.Optional.ofNullable(runs.get(id)), id -> id == 1 ? before : List.of());
        assertEquals(before, drawn);
        var summaries = java.util.Map.of(1L, org.netwright.model.run.RunSummary.of(parent, java.time.Instant.now()),
                2L, org.netwright.model.run.RunSummary.of(child, java.time.Instant.now()));
        assertEquals(drawn, org.netwright.model.run.RunReached.withEarlierRuns(summaries.get(2L), List.of(),
                id -> java.util.Optional.ofNullable(summaries.get(id)), id -> id == 1 ? before : List.of()),
                "the curve and the runs list read the same epochs");
    }

    private static List<RunEvent> withoutStepSeconds(List<RunEvent> events) {
        return events.stream().map(e -> e instanceof RunEvent.Step st
                ? new RunEvent.Step(st.step(), st.epoch(), st.trainLoss(), st.lr(), Double.NaN)
                : e).toList();
    }
}
