package org.netwright.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.RunRecord;

class RunsViewModelTest {
    private static final List<RunRecord> RUNS = List.of(
            new RunRecord(1, "completed", "cpu", "2026-01-02T10:00:00Z", "2026-01-02T10:00:30Z",
                    "{\"epochs\":2,\"learning_rate\":0.01}", "{\"val_loss\":0.4,\"epochs\":2}"),
            new RunRecord(2, "interrupted", "cpu", "2026-01-02T11:00:00Z", "2026-01-02T11:02:05Z",
                    "{\"epochs\":2,\"learning_rate\":0.05}", null));

    private static List<MetricPoint> metrics(long run) {
        return run == 1
                ? List.of(new MetricPoint(3, 1, "train/loss", 0.9, 1), new MetricPoint(3, 1, "validate/loss", 0.6, 1),
                        new MetricPoint(6, 2, "validate/loss", 0.4, 2))
                : List.of(new MetricPoint(1, 1, "train/loss", 1.0, 1), new MetricPoint(2, 1, "train/loss", 0.8, 1),
                        new MetricPoint(3, 2, "train/loss", 0.5, 2));
    }

    @Test
    void runsAreListedNewestFirstAndTwoChosenAreOverlaidAndCompared() {
        RunsViewModel m = new RunsViewModel(() -> RUNS, RunsViewModelTest::metrics);
        m.refresh();
        assertEquals(List.of(2L, 1L), m.rows().stream().map(r -> r.id()).toList());
        assertEquals("interrupted", m.rows().get(0).status());

        m.compare(List.of(1L, 2L));

        assertEquals(2, m.overlay().getSeriesCount());
        assertEquals(0.4, m.overlay().getSeries(0).getY(1).doubleValue(), 1e-12, "run 1's validation loss");
        assertEquals(0.9, m.overlay().getSeries(1).getY(0).doubleValue(), 1e-12, "run 2's mean training loss");
        assertEquals(List.of("learning_rate: 0.01 (run 1) vs 0.05 (run 2)"), m.differences());
        m.compare(List.of(1L));
        assertTrue(m.differences().isEmpty());
    }

    @Test
    void refreshReadsWhatEndedRunsReachedOffTheUiThreadAndShowsTheRowsAtOnceReadingEachEndedRunOnce() {
        List<RunRecord> stored = new java.util.ArrayList<>(List.of(RUNS.get(0)));
        List<Long> readOnUi = new java.util.ArrayList<>();
        List<Long> readBeside = new java.util.ArrayList<>();
        java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Runnable> ui = new java.util.ArrayDeque<>();
        RunsViewModel m = new RunsViewModel(() -> List.copyOf(stored), id -> {
            readOnUi.add(id);
            return metrics(id);
        });
        m.readRunsWith(background::add, ui::add, id -> {
            readBeside.add(id);
            return metrics(id);
        });
        m.refresh();
        assertTrue(m.readingProperty().get());
        assertTrue(m.rows().isEmpty(), "nothing is read where refresh is called");
        background.poll().run();
        assertTrue(m.rows().isEmpty(), "rows change on the UI thread only");
        ui.poll().run();
        assertEquals(List.of(1L), m.rows().stream().map(r -> r.id()).toList());
        assertTrue(!m.readingProperty().get());

        // An interrupted run arrives: the rows shown stay, whole, until its figures are read with it.
        stored.add(RUNS.get(1));
        List<List<Long>> shown = new java.util.ArrayList<>();
        m.rows().addListener((javafx.collections.ListChangeListener<org.netwright.model.run.RunSummary>) c ->
                shown.add(m.rows().stream().map(r -> r.id()).toList()));
        m.refresh();
        background.poll().run();
        assertEquals(List.of(1L), m.rows().stream().map(r -> r.id()).toList());
        assertEquals(List.of(2L), readBeside, "the interrupted run's epoch means, read beside the window");
        ui.poll().run();
        assertEquals(List.of(List.of(2L, 1L)), shown, "one change, with both runs");
        assertEquals(new RunsViewModel.Reached(RunsViewModel.NONE, null, null, java.util.Optional.of(
                "Run 2 was interrupted before it finished its first epoch.")), m.reached(m.rows().get(0)));

        // A slow read started earlier never replaces what a later one showed, and an ended run is read once.
        m.refresh();
        m.refresh();
        Runnable older = background.poll();
        background.poll().run();
        ui.poll().run();
        older.run();
        ui.poll().run();
        assertEquals(List.of(2L), readBeside, "run 2's figures no longer change: read once");
        assertEquals(List.of(), readOnUi, "refresh read nothing with the window's own reader");
        assertEquals(List.of(2L, 1L), m.rows().stream().map(r -> r.id()).toList());
    }

    @Test
    void aRunsCurveIsItsValidationLossOrElseItsMeanTrainingLossPerEpoch() {
        assertEquals(Map.of(1, 0.6, 2, 0.4), RunsViewModel.curve(metrics(1)));
        assertEquals(Map.of(1, 0.9, 2, 0.5), RunsViewModel.curve(metrics(2)));
        assertEquals("2:05", RunsViewModel.duration(125.0));
        assertEquals("30.0 s", RunsViewModel.duration(30.0));
    }

    @Test
    void aRunIsDeletedAfterItIsNamedAndARunningOneIsRefused() {
        List<RunRecord> stored = new java.util.ArrayList<>(RUNS);
        stored.add(new RunRecord(3, "running", "cpu", "2026-01-02T12:00:00Z", null, "{\"epochs\":2}", null));
        List<Long> deleted = new java.util.ArrayList<>();
        RunsViewModel m = new RunsViewModel(() -> stored, RunsViewModelTest::metrics, id -> {
            deleted.add(id);
            stored.removeIf(r -> r.id() == id);
        });
        m.refresh();
        var first = m.rows().stream().filter(r -> r.id() == 1).findFirst().orElseThrow();
        String question = RunsViewModel.deleteQuestion(first);
        assertTrue(question.startsWith("Delete run 1 (completed, 2 epochs, validation loss 0.4000)?"), question);
        var running = m.rows().stream().filter(r -> r.id() == 3).findFirst().orElseThrow();
        assertTrue(RunsViewModel.whyNotDelete(running).isPresent());
        assertEquals(false, m.delete(3));
        assertTrue(m.captionProperty().get().contains("still running"), m.captionProperty().get());
        assertTrue(m.delete(1));
        assertEquals(List.of(1L), deleted);
        assertEquals(List.of(3L, 2L), m.rows().stream().map(r -> r.id()).toList(), "the other runs stay");
        RunsViewModel refusing = new RunsViewModel(() -> RUNS, RunsViewModelTest::metrics, id -> {
            throw new IllegalStateException("the file is read-only");
        });
        refusing.refresh();
        assertEquals(false, refusing.delete(2));
        assertTrue(refusing.captionProperty().get().contains("read-only"), refusing.captionProperty().get());
    }

    @Test
    void aResumedRunsCurveBeginsWithTheEpochsOfTheRunItWentOnFrom() {
        // Run 5 stopped after epoch 2 of 4; run 6 resumed it and trained epochs 3 and 4; run 7 resumed run 6.
        List<RunRecord> stored = List.of(
                new RunRecord(5, "stopped", "cpu", "2026-01-02T10:00:00Z", "2026-01-02T10:00:30Z",
                        "{\"epochs\":4}", "{\"epochs\":2}"),
                new RunRecord(6, "completed", "cpu", "2026-01-02T11:00:00Z", "2026-01-02T11:00:30Z",
                        "{\"epochs\":4,\"resumed_from\":5}", "{\"epochs\":4}"),
                new RunRecord(7, "completed", "cpu", "2026-01-02T12:00:00Z", "2026-01-02T12:00:30Z",
                        "{\"epochs\":5,\"resumed_from\":6}", "{\"epochs\":5}"));
        Map<Long, List<MetricPoint>> points = Map.of(
                5L, List.of(new MetricPoint(3, 1, "validate/loss", 0.9, 1), new MetricPoint(6, 2, "validate/loss", 0.7, 2),
                        new MetricPoint(7, 3, "validate/loss", 0.65, 3)),
                6L, List.of(new MetricPoint(3, 3, "validate/loss", 0.6, 1), new MetricPoint(6, 4, "validate/loss", 0.5, 2)),
                7L, List.of(new MetricPoint(3, 5, "validate/loss", 0.45, 1)));
        RunsViewModel m = new RunsViewModel(() -> stored, id -> points.getOrDefault(id, List.of()));
        m.refresh();

        m.compare(List.of(6L, 7L, 5L));

        assertEquals(Map.of(1, 0.9, 2, 0.7, 3, 0.6, 4, 0.5), points(m, 0), "run 6 from run 5's first epoch");
        assertEquals(Map.of(1, 0.9, 2, 0.7, 3, 0.6, 4, 0.5, 5, 0.45), points(m, 1), "run 7 through runs 6 and 5");
        assertEquals(Map.of(1, 0.9, 2, 0.7, 3, 0.65), points(m, 2), "run 5 alone, as stored");
    }

    @Test
    void aRunThatEndedWithoutFinalFiguresShowsTheLastEpochItFinishedAndSaysSo() {
        List<RunRecord> stored = List.of(RUNS.get(0), RUNS.get(1),
                new RunRecord(8, "failed", "cpu", "2026-01-02T12:00:00Z", "2026-01-02T12:01:00Z", "{\"epochs\":5}",
                        "{\"message\":\"The loss is no longer a number.\"}"),
                new RunRecord(9, "stopped", "cpu", "2026-01-02T13:00:00Z", "2026-01-02T13:01:00Z", "{\"epochs\":5}",
                        "{\"epochs\":0,\"steps\":4}"));
        Map<Long, List<MetricPoint>> points = Map.of(
                1L, metrics(1), 2L, metrics(2),
                8L, List.of(new MetricPoint(3, 1, "train/loss", 0.9, 1), new MetricPoint(3, 1, "validate/loss", 0.8, 1),
                        new MetricPoint(3, 1, "validate/accuracy", 0.5, 1), new MetricPoint(3, 1, "lr", 0.01, 1),
                        new MetricPoint(6, 2, "train/loss", 0.7, 2), new MetricPoint(6, 2, "validate/loss", 0.6, 2),
                        new MetricPoint(6, 2, "validate/accuracy", 0.75, 2), new MetricPoint(6, 2, "lr", 0.01, 2),
                        new MetricPoint(8, 3, "train/loss", Double.NaN, 3)));
        RunsViewModel m = new RunsViewModel(() -> stored, id -> points.getOrDefault(id, List.of()));
        m.refresh();

        RunsViewModel.Reached failed = m.reached(row(m, 8));
        assertEquals(new RunsViewModel.Reached("2", 0.6, 0.75, java.util.Optional.of(
                "Run 8 failed in epoch 3: these are the figures of epoch 2, the last it finished.")), failed);
        RunsViewModel.Reached interrupted = m.reached(row(m, 2));
        assertEquals(new RunsViewModel.Reached(RunsViewModel.NONE, null, null, java.util.Optional.of(
                "Run 2 was interrupted before it finished its first epoch.")), interrupted,
                "its training losses of epoch 1 are not a finished epoch");
        assertEquals(new RunsViewModel.Reached("2", 0.4, null, java.util.Optional.empty()), m.reached(row(m, 1)),
                "a completed run shows its final figures");
        assertEquals(new RunsViewModel.Reached("0", null, null, java.util.Optional.empty()), m.reached(row(m, 9)),
                "a stopped run has final figures of its own");
    }

    /**
     * A run that went on from run 10 and was stopped inside an epoch of its own showed Epochs "1" with blank validation
     * cells while its curve had run 10's point at epoch 1: the table now shows that epoch's figures, and says whose.
     */
    @Test
    void aResumedRunStoppedBeforeAnEpochOfItsOwnShowsTheFiguresItsCurveDraws() {
        List<RunRecord> stored = List.of(
                new RunRecord(10, "interrupted", "cpu", "2026-01-02T10:00:00Z", "2026-01-02T10:00:30Z",
                        "{\"epochs\":3}", null),
                new RunRecord(11, "stopped", "cpu", "2026-01-02T11:00:00Z", "2026-01-02T11:00:10Z",
                        "{\"epochs\":3,\"resumed_from\":10}", "{\"epochs\":1,\"steps\":3}"));
        Map<Long, List<MetricPoint>> points = Map.of(
                10L, List.of(new MetricPoint(2, 1, "train/loss", 0.9, 1), new MetricPoint(2, 1, "lr", 0.01, 1),
                        new MetricPoint(2, 1, "validate/loss", 0.625, 1),
                        new MetricPoint(2, 1, "validate/accuracy", 0.75, 1), new MetricPoint(3, 2, "train/loss", 0.5, 2)),
                11L, List.of(new MetricPoint(3, 2, "train/loss", 0.4, 1)));
        RunsViewModel m = new RunsViewModel(() -> stored, id -> points.getOrDefault(id, List.of()));
        m.refresh();
        m.compare(List.of(11L));
        assertEquals(0.625, m.overlay().getSeries(0).getY(0).doubleValue(), 1e-12, "its curve's point at epoch 1");

        assertEquals(new RunsViewModel.Reached("1", 0.625, 0.75, java.util.Optional.of("Run 11 went on from run 10 and"
                + " stopped before it measured an epoch of its own: these are the figures of epoch 1, which run 10"
                + " finished.")), m.reached(row(m, 11)));
        assertEquals(new RunsViewModel.Reached("1", 0.625, 0.75, java.util.Optional.of("Run 10 was interrupted in"
                + " epoch 2: these are the figures of epoch 1, the last it finished.")), m.reached(row(m, 10)));
    }

    private static org.netwright.model.run.RunSummary row(RunsViewModel m, long id) {
        return m.rows().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private static Map<Integer, Double> points(RunsViewModel m, int series) {
        Map<Integer, Double> out = new java.util.TreeMap<>();
        var s = m.overlay().getSeries(series);
        for (int i = 0; i < s.getItemCount(); i++) {
            out.put(s.getX(i).intValue(), s.getY(i).doubleValue());
        }
        return out;
    }
}
