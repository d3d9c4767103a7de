package org.netwright.app.training;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.RunRecord;

/** The panel's state as events arrive; no UI thread needed, the model is plain observable state. */
class TrainingViewModelTest {
    private final TrainingViewModel model = new TrainingViewModel((p, s, e) -> {
        throw new AssertionError("not started in these tests");
    });

    @Test
    void stepsArePlottedAtFractionalEpochsAndEpochsAtWholeOnes() {
        List<RunEvent> events = new ArrayList<>(List.of(new RunEvent.Started(4, "cpu", 2, 4)));
        for (int step = 1; step <= 8; step++) {
            events.add(new RunEvent.Step(step, (step + 3) / 4, 1.0 / step, 0.01, step));
            if (step % 4 == 0) {
                events.add(new RunEvent.Epoch(step / 4, 0.5, 0.6 / step, java.util.Map.of("val_accuracy", 0.5 + step / 20.0), 0.01, step, 1));
            }
        }
        model.apply(events);

        XYSeries train = model.lossData().getSeries(0);
        XYSeries validation = model.lossData().getSeries(1);
        assertEquals("train loss", train.getKey());
        assertEquals("validation loss", validation.getKey());
        assertEquals(8, model.trainLossPointCount());
        assertEquals(0.25, train.getX(0).doubleValue(), 1e-9);
        assertEquals(2.0, train.getX(7).doubleValue(), 1e-9);
        assertEquals(List.of(1.0, 2.0), List.of(validation.getX(0).doubleValue(), validation.getX(1).doubleValue()));
        assertEquals("Training on CPU", model.deviceProperty().get());
        assertEquals("Epoch 2 / 2", model.epochTextProperty().get());
        assertEquals("Validation accuracy 90.0\u00a0%", model.accuracyProperty().get());
        assertEquals(1.0, model.progressProperty().get(), 1e-9);
    }

    @Test
    void aStoppedRunSaysOnceWhereItStoppedAndShowsOnlyTheCompleteEpochs() {
        model.apply(List.of(new RunEvent.Started(1, "cpu", 10, 4),
                new RunEvent.Step(1, 1, 0.9, 0.01, 1), new RunEvent.Step(4, 1, 0.8, 0.01, 2),
                new RunEvent.Epoch(1, 0.8, 0.8, Map.of(), 0.01, 2, 1),
                new RunEvent.Step(5, 2, 0.7, 0.01, 3),
                new RunEvent.Finished("stopped", new org.netwright.model.run.FinalMetrics(0.8, Map.of(), "last", "cpu", 1, 5))));

        assertEquals("Stopped during epoch 2 of 10 (1 epoch complete). What was recorded is kept in the project.",
                model.statusProperty().get());
        assertEquals("Ran on CPU", model.deviceProperty().get());
        assertEquals("", model.epochTextProperty().get());
        assertEquals(0.1, model.progressProperty().get(), 1e-9);
        assertFalse(model.failedProperty().get());
    }

    @Test
    void aRunStoppedInAProjectNotSavedYetDoesNotSayItIsKeptInIt() {
        model.setProjectNamed(false);
        model.apply(List.of(new RunEvent.Started(1, "cpu", 10, 4),
                new RunEvent.Step(1, 1, 0.9, 0.01, 1), new RunEvent.Epoch(1, 0.8, 0.8, Map.of(), 0.01, 2, 1),
                new RunEvent.Finished("stopped", new org.netwright.model.run.FinalMetrics(0.8, Map.of(), "last", "cpu", 1, 4))));

        assertEquals("Stopped after epoch 1 of 10. What was recorded stays with this project once it is saved"
                + " (File > Save\u2026).", model.statusProperty().get());
    }

    @Test
    void aCrashIsReportedWithItsExitCodeAndLastErrorLine() {
        model.apply(List.of(new RunEvent.Started(1, "cpu", 5, 10), new RunEvent.Crashed(137, "Killed")));

        assertEquals("The run crashed (exit code 137): Killed", model.statusProperty().get());
        assertEquals("Ran on CPU", model.deviceProperty().get());
        assertTrue(model.failedProperty().get());
        assertFalse(model.runningProperty().get());
    }

    @Test
    void aFailuresRedSentenceGoesOnceTheNetworkDataOrSettingsChange() {
        model.inputsChanged();
        assertEquals("No run yet.", model.statusProperty().get(), "nothing failed, nothing to clear");
        model.apply(List.of(new RunEvent.Started(1, "cpu", 5, 10),
                new RunEvent.Failed("The loss became NaN at step 3.", "dense_1")));
        assertTrue(model.failedProperty().get());
        assertTrue(model.statusProperty().get().startsWith("The run failed: "), model.statusProperty().get());

        model.inputsChanged();

        assertFalse(model.failedProperty().get(), "the sentence is no longer red");
        assertEquals(TrainingViewModel.STALE_FAILURE, model.statusProperty().get());
    }

    @Test
    void resumeIsJudgedBeforeItIsClickedOffTheUiThread() {
        java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
        List<Long> judged = new ArrayList<>();
        model.judgeResumeWith(id -> () -> {
            judged.add(id);
            return id == 1 ? java.util.Optional.of("Run 1 kept no checkpoint.") : java.util.Optional.empty();
        }, background::add, Runnable::run);
        assertEquals("", model.resumeBlockerProperty().get(), "no run offered, nothing to say");

        // Stopped before its first checkpoint: Resume says why before anyone clicks it.
        model.apply(List.of(new RunEvent.Started(1, "cpu", 5, 10), new RunEvent.Step(1, 1, 0.9, 0.01, 1),
                new RunEvent.Finished("stopped", new org.netwright.model.run.FinalMetrics(0.9, Map.of(), "last", "cpu",
                        0, 1))));
        assertEquals(1, model.resumableRunProperty().get());
        assertEquals("Checking whether run 1 can go on\u2026", model.resumeBlockerProperty().get());
        assertEquals(List.of(), judged, "not read where the event is applied");
        background.poll().run();
        assertEquals("Run 1 kept no checkpoint.", model.resumeBlockerProperty().get());

        RunRecord other = new RunRecord(2, "stopped", "cpu", "2026-01-02T10:00:00Z", "2026-01-02T10:01:00Z", "{}", "{}");
        model.showPast(other, List.of(new MetricPoint(1, 1, "train/loss", 0.5, 1)));
        assertEquals(2, model.resumableRunProperty().get());
        background.poll().run();
        assertEquals("", model.resumeBlockerProperty().get(), "run 2 can go on");
        assertEquals(List.of(1L, 2L), judged);
        // Judged again after an edit: the answer stands until the new one comes, then changes.
        model.rejudgeResume();
        assertEquals("", model.resumeBlockerProperty().get());
        background.poll().run();
        assertEquals(List.of(1L, 2L, 2L), judged);
    }

    @Test
    void aFinishedRunNamesItsTestAccuracy() {
        model.apply(List.of(new RunEvent.Started(1, "cpu", 1, 2), new RunEvent.Epoch(1, 0.3, 0.3, java.util.Map.of("val_accuracy", 0.9), 0.01, 1, 1),
                new RunEvent.Finished("completed", new org.netwright.model.run.FinalMetrics(0.3, Map.of("test_accuracy", 0.925), "last", "cpu", 1, 2))));

        assertEquals("Finished 1 epoch. Test accuracy 92.5\u00a0%. The run is saved in the project.",
                model.statusProperty().get());
    }

    @Test
    void aStoredRunIsShownAsTheLastRun() {
        List<MetricPoint> metrics = new ArrayList<>();
        for (int step = 1; step <= 6; step++) {
            metrics.add(new MetricPoint(step, (step + 2) / 3, "train/loss", 1.0 / step, step));
            if (step % 3 == 0) {
                metrics.add(new MetricPoint(step, step / 3, "validate/loss", 0.4, step));
                metrics.add(new MetricPoint(step, step / 3, "validate/accuracy", 0.8, step));
                metrics.add(new MetricPoint(step, step / 3, "lr", 0.01, step));
            }
        }
        RunRecord run = new RunRecord(3, "stopped", "cpu", "2026-01-02T10:00:00Z", "2026-01-02T10:01:00Z", "{}", "{}");

        model.showPast(run, metrics);

        assertEquals(6, model.trainLossPointCount());
        assertEquals(2, model.validationLossPointCount());
        assertEquals(2.0, model.lossData().getSeries(0).getX(5).doubleValue(), 1e-9);
        assertTrue(model.statusProperty().get().startsWith("Showing the last run from 2 Jan 2026"),
                model.statusProperty().get());
        assertTrue(model.statusProperty().get().endsWith("(stopped, 2 epochs)."), model.statusProperty().get());
        assertEquals("", model.deviceProperty().get());
        assertFalse(model.runningProperty().get());
    }

    /** Two epochs a run of 10 was set to train, then stopped inside the third (its steps recorded). */
    private static List<MetricPoint> twoEpochsAndAPartThird() {
        List<MetricPoint> metrics = new ArrayList<>();
        for (int step = 1; step <= 8; step++) {
            metrics.add(new MetricPoint(step, (step + 2) / 3, "train/loss", 1.0 / step, step));
            if (step % 3 == 0) {
                metrics.add(new MetricPoint(step, step / 3, "validate/loss", 0.4, step));
            }
        }
        return metrics;
    }

    @Test
    void aReopenedStoppedRunsBarAndLineCountTheEpochsItWasSetToTrain() {
        // Found under Xvfb: a project reopened after a stop at 15 of 40 showed a full bar beside "(stopped, 15 epochs)".
        RunRecord run = new RunRecord(4, "stopped", "cpu", "2026-01-02T10:00:00Z", "2026-01-02T10:01:00Z",
                "{\"epochs\":10}", "{}");

        model.showPast(run, twoEpochsAndAPartThird());

        assertEquals(0.2, model.progressProperty().get(), 1e-9, "2 of the 10 epochs, not 2 of the 3 begun");
        assertTrue(model.statusProperty().get().endsWith("(stopped, 2 of 10 epochs)."), model.statusProperty().get());
    }

    @Test
    void aReopenedCompletedRunsBarIsFull() {
        RunRecord run = new RunRecord(5, "completed", "cpu", "2026-01-02T10:00:00Z", "2026-01-02T10:01:00Z",
                "{\"epochs\":2}", "{}");
        List<MetricPoint> metrics = twoEpochsAndAPartThird().stream().filter(m -> m.step() <= 6).toList();

        model.showPast(run, metrics);

        assertEquals(1.0, model.progressProperty().get(), 1e-9);
        assertTrue(model.statusProperty().get().endsWith("(completed, 2 epochs)."), model.statusProperty().get());
    }

    @Test
    void anEpochsWarningsBecomeAChartMarkerAndALine() {
        model.apply(List.of(new RunEvent.Started(1, "cpu", 3, 2),
                new RunEvent.Epoch(1, 0.5, 0.5, Map.of(), 0.01, 1, 1),
                new RunEvent.Epoch(2, 0.4, 0.6, Map.of(), 0.01, 2, 1, Map.of("d1", 1e-9, "d2", 1e-9, "d3", 1.0), Map.of(),
                        List.of(new org.netwright.model.run.RunWarning("vanishing_gradients", "d1", "d1 barely learns."),
                                new org.netwright.model.run.RunWarning("vanishing_gradients", "d2", "d2 barely learns."),
                                new org.netwright.model.run.RunWarning("overfitting", null, "Rising.")))));

        assertEquals(1, model.warningMarkers().size());
        WarningMarker m = model.warningMarkers().get(0);
        assertEquals(2, m.epoch());
        assertEquals("vanishing gradients (2 layers), overfitting", m.label());
        assertEquals("\u26a0 Epoch 2: vanishing gradients (2 layers), overfitting", model.warningTextProperty().get());
        assertEquals("d1 barely learns.\nd2 barely learns.\nRising.", model.warningDetailsProperty().get());
        assertEquals(Map.of("d1", "vanishing gradients", "d2", "vanishing gradients"), model.nodeWarnings());
        model.keepWarningsOn(java.util.Set.of("d2", "block"));
        assertEquals(Map.of("d2", "vanishing gradients"), model.nodeWarnings(), "d1 was deleted: its warning goes too");
        // By the layer's path: the editor names it on its block's card and marks its own card inside the block.
        model.apply(List.of(new RunEvent.Failed("NaN.", "block/d3")));
        assertEquals("the first output that was not finite", model.nodeWarnings().get("block/d3"));
        model.keepWarningsOn(java.util.Set.of("block"));
        assertEquals(Map.of("block/d3", "the first output that was not finite"), model.nodeWarnings(),
                "a layer inside a block stays while the block's card does");
    }

    @Test
    void aGpuBuildThatFellBackToTheCpuSaysWhyInItsStatus() {
        model.apply(List.of(new RunEvent.Started(1, "cpu", 2, 4,
                "Training on the CPU: this is the GPU build, but the engine sees no GPU here.")));
        assertEquals("Training on CPU", model.deviceProperty().get());
        assertEquals("Training on the CPU: this is the GPU build, but the engine sees no GPU here.",
                model.statusProperty().get());
    }

    /** An epoch whose norms are {@code dense_1}'s {@code first} and {@code dense_2}'s 0.5. */
    private static RunEvent.Epoch epochWithNorms(int epoch, double first) {
        Map<String, Double> norms = new java.util.LinkedHashMap<>();
        norms.put("dense_1", first);
        norms.put("dense_2", 0.5);
        return new RunEvent.Epoch(epoch, 0.5, 0.5, Map.of(), 0.01, epoch, 1).withHealth(norms, Map.of(), List.of());
    }

    @Test
    void eachEpochsGradientNormsGrowTheHeatMapAndAVanishingLayerIsMarked() {
        assertEquals(null, model.gradientsProperty().get());
        model.apply(List.of(new RunEvent.Started(7, "cpu", 3, 1), epochWithNorms(1, 0.2)));
        org.netwright.app.insight.GradientHeatMap map = model.gradientsProperty().get();
        assertEquals(7, map.run());
        assertEquals(List.of("dense_1", "dense_2"), map.layers());
        assertEquals(List.of(1), map.epochs());
        assertEquals("Gradients", model.gradientsTitleProperty().get());

        // dense_1 falls below 1e-4 of dense_2's norm at epoch 2: marked there, and the view's title warns.
        model.apply(List.of(epochWithNorms(2, 1e-9)));
        map = model.gradientsProperty().get();
        assertEquals(List.of(1, 2), map.epochs());
        assertEquals(1e-9, map.norm(0, 1), 0);
        assertEquals(org.netwright.app.insight.GradientHeatMap.Health.HEALTHY, map.health(0, 0));
        assertEquals(org.netwright.app.insight.GradientHeatMap.Health.VANISHING, map.health(0, 1));
        assertEquals(List.of("dense_1"), map.layersMarked(org.netwright.app.insight.GradientHeatMap.Health.VANISHING));
        assertEquals("Gradients \u26a0", model.gradientsTitleProperty().get());

        // An epoch without norms (none measured) leaves the map as it was.
        model.apply(List.of(new RunEvent.Epoch(3, 0.5, 0.5, Map.of(), 0.01, 3, 1)));
        assertEquals(map, model.gradientsProperty().get());
        model.forgetPast();
        assertEquals(null, model.gradientsProperty().get());
        assertEquals("Gradients", model.gradientsTitleProperty().get());
    }

    @Test
    void aReopenedGanSaysItsSamplesWereNotKeptAndWhereToSeeThemAndAClassifierDoesNot() {
        RunRecord gan = new RunRecord(7, "completed", "cpu", "2026-01-02T10:00:00Z", "2026-01-02T10:01:00Z", "{}", "{}");
        model.showPast(gan, List.of(new MetricPoint(1, 1, "train/loss", 1.4, 1),
                new MetricPoint(1, 1, "train/d_loss", 1.2, 1), new MetricPoint(1, 1, "train/g_loss", 0.9, 1)));
        assertEquals(7, model.samplesNotKeptProperty().get());
        assertTrue(model.samplesCaptionProperty().get().contains("Look Inside draws run 7's samples"),
                model.samplesCaptionProperty().get());

        RunRecord classifier = new RunRecord(8, "completed", "cpu", "2026-01-02T10:00:00Z", "2026-01-02T10:01:00Z",
                "{}", "{}");
        model.showPast(classifier, List.of(new MetricPoint(1, 1, "train/loss", 0.5, 1),
                new MetricPoint(1, 1, "validate/accuracy", 0.9, 1)));
        assertEquals(0, model.samplesNotKeptProperty().get());
        model.showPast(gan, List.of(new MetricPoint(1, 1, "train/loss", 1.4, 1), new MetricPoint(1, 1, "train/kl", 0.2, 1)));
        assertEquals(7, model.samplesNotKeptProperty().get(), "a VAE's KL term marks it generative too");
        model.forgetPast();
        assertEquals(0, model.samplesNotKeptProperty().get());
    }

    @Test
    void aStoredRunShowsItsGradientNormsFromItsMetrics() {
        RunRecord run = new RunRecord(5, "completed", "cpu", "2026-01-02T10:00:00Z", "2026-01-02T10:01:00Z", "{}", "{}");
        List<MetricPoint> metrics = List.of(new MetricPoint(1, 1, "train/loss", 0.9, 1),
                new MetricPoint(1, 1, "grad_norm/dense_1", 0.3, 1), new MetricPoint(1, 1, "grad_norm/dense_2", 0.6, 1),
                new MetricPoint(2, 2, "train/loss", 0.8, 2),
                new MetricPoint(2, 2, "grad_norm/dense_1", 1e-8, 2), new MetricPoint(2, 2, "grad_norm/dense_2", 0.7, 2));
        assertTrue(RunHistory.KEYS_DRAWN.stream().anyMatch("grad_norm/dense_1"::startsWith),
                "the window reads the stored norms");
        model.showPast(run, metrics);

        org.netwright.app.insight.GradientHeatMap map = model.gradientsProperty().get();
        assertEquals(5, map.run());
        assertEquals(List.of("dense_1", "dense_2"), map.layers());
        assertEquals(List.of(1, 2), map.epochs());
        assertEquals(List.of("dense_1"), map.layersMarked(org.netwright.app.insight.GradientHeatMap.Health.VANISHING));
        // The same verdict as the insight window reads from the same metrics.
        assertEquals(org.netwright.app.insight.GradientHeatMap.of(5, metrics).summary(), map.summary());
        assertTrue(model.statusProperty().get().endsWith("(completed, 2 epochs)."), model.statusProperty().get());
    }

    @Test
    void theLatestEpochsActivationStatisticsAreListedAndAStuckLayerIsSaid() {
        Map<String, org.netwright.model.run.ActivationStats> stats = new java.util.LinkedHashMap<>();
        stats.put("dense_1", new org.netwright.model.run.ActivationStats(0.5, 1.25, 0.0));
        stats.put("relu_1", new org.netwright.model.run.ActivationStats(0.01, 0.05, 0.97));
        model.apply(List.of(new RunEvent.Started(2, "cpu", 2, 1),
                new RunEvent.Epoch(1, 0.5, 0.5, Map.of(), 0.01, 1, 1).withActivations(stats)));

        assertEquals(List.of(new ActivationRow("dense_1", "0.500", "1.25", "0.0 %", ""),
                new ActivationRow("relu_1", "0.0100", "0.0500", "97.0 %", "mostly zero (97 %)")), model.activations());
        assertEquals("Layer outputs on a training batch after epoch 1 \u2014 1 layer looks stuck",
                model.activationsCaptionProperty().get());
        // A constant layer is stuck too; an epoch without statistics keeps the last ones.
        model.apply(List.of(new RunEvent.Epoch(2, 0.5, 0.5, Map.of(), 0.01, 2, 1).withActivations(
                Map.of("dense_1", new org.netwright.model.run.ActivationStats(0.5, 0.0, 0.0)))));
        assertEquals("constant", model.activations().get(0).problem());
        model.apply(List.of(new RunEvent.Epoch(3, 0.5, 0.5, Map.of(), 0.01, 3, 1)));
        assertEquals(1, model.activations().size());
        model.forgetPast();
        assertTrue(model.activations().isEmpty());
        assertEquals("", model.activationsCaptionProperty().get());
    }

    @Test
    void aResumedRunDrawsTheStoredEpochsFirstAndGoesOnAfterThem() {
        List<String> asked = new ArrayList<>();
        TrainingViewModel resuming = new TrainingViewModel(new RunStarter() {
            @Override
            public RunProcess start(java.nio.file.Path project, org.netwright.model.settings.TrainingSettings settings,
                                    java.util.function.Consumer<RunEvent> events) {
                throw new AssertionError("Train was not pressed");
            }

            @Override
            public RunProcess resume(java.nio.file.Path project, long runId, int epochs,
                                     java.util.function.Consumer<RunEvent> events) {
                asked.add(project + " " + runId + " " + epochs);
                return null;
            }
        });
        List<RunEvent> before = new ArrayList<>(List.of(new RunEvent.Started(1, "cpu", 1, 4)));
        for (int step = 1; step <= 4; step++) {
            before.add(new RunEvent.Step(step, 1, 1.0 / step, 0.01, step));
        }
        before.add(new RunEvent.Epoch(1, 0.5, 0.6, Map.of(), 0.01, 4, 1));
        resuming.resume(java.nio.file.Path.of("p.nwproj"), 1, 0, before);
        assertEquals(List.of("p.nwproj 1 0"), asked);
        assertTrue(resuming.runningProperty().get());
        assertEquals(4, resuming.trainLossPointCount());
        assertEquals(1, resuming.validationLossPointCount());
        assertEquals("Resuming run 1 (a few seconds)…", resuming.statusProperty().get());

        // Run 1 had stopped at step 5, inside epoch 2: the new run trains epoch 2 again from its start.
        resuming.apply(List.of(new RunEvent.Started(2, "cpu", 3, 4)));
        assertEquals("Epoch 2 / 3", resuming.epochTextProperty().get());
        resuming.apply(List.of(new RunEvent.Step(6, 2, 0.3, 0.01, 1), new RunEvent.Step(9, 2, 0.2, 0.01, 2),
                new RunEvent.Epoch(2, 0.25, 0.4, Map.of(), 0.01, 2, 1),
                new RunEvent.Finished("stopped", new org.netwright.model.run.FinalMetrics(0.25, Map.of(), "last",
                        "cpu", 2, 9))));
        assertEquals(1.25, resuming.trainLossCurve().x(4), 1e-9, "the first new step sits at the start of epoch 2");
        assertEquals(2.0, resuming.trainLossCurve().x(5), 1e-9);
        assertEquals(2, resuming.validationLossPointCount());
        assertEquals(2L, resuming.resumableRunProperty().get(), "the new run, stopped, can go on in its turn");
    }
}
