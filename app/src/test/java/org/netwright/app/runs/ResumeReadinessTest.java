package org.netwright.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** When Resume is offered for a stored run, and the one sentence that says why not. */
class ResumeReadinessTest {
    private static final Graph NET = Graph.empty()
            .withNode(new Node("in", "input", Map.of("shape", "2"), 0, 0))
            .withNode(new Node("dense", "dense", Map.of("units", 8), 100, 0))
            .connect(Edge.of("in", "out", "dense", "in"));

    private static ResumeReadiness.Checkpoint at(int epoch, boolean partial) {
        return ResumeReadiness.Checkpoint.at(new ResumePoint(epoch, partial, Optional.of(NET)));
    }

    private static Optional<String> why(String status, int target, ResumeReadiness.Checkpoint c, Graph now) {
        return ResumeReadiness.whyNot(3, status, 10, target, c, now);
    }

    @Test
    void stoppedInterruptedAndFailedRunsWithACheckpointCanGoOn() {
        assertEquals(Optional.empty(), why("stopped", 10, at(4, false), NET));
        assertEquals(Optional.empty(), why("interrupted", 10, at(4, true), NET));
        assertEquals(Optional.empty(), why("failed", 10, at(7, false), NET));
        Graph moved = NET.withNode(new Node("dense", "dense", Map.of("units", 8), 400, 300));
        assertEquals(Optional.empty(), why("stopped", 10, at(4, false), moved), "moving cards changes nothing");
    }

    @Test
    void eachRefusalSaysWhy() {
        assertEquals(Optional.of("Run 3 is still running."), why("running", 10, at(4, false), NET));
        assertEquals(Optional.of("Run 3 kept no checkpoint (it ended before its first epoch was complete), so there is"
                + " nothing to go on from; start a new run."), why("stopped", 10, ResumeReadiness.Checkpoint.NONE, NET));
        assertEquals(Optional.of("Run 3's checkpoint holds weights only (it was saved before runs could be resumed);"
                + " start a new run."), why("stopped", 10, ResumeReadiness.Checkpoint.WEIGHTS_ONLY, NET));
        assertEquals(Optional.of("Run 3 completed all 10 epochs; set more epochs than 10 to go on with it."),
                why("completed", 10, at(10, false), NET));
        assertEquals(Optional.of("Run 3 stopped early after 6 epochs of 10; set more epochs than 6 to go on with it."),
                why("completed", 6, at(6, false), NET));
        Graph narrower = NET.withNode(new Node("dense", "dense", Map.of("units", 4), 100, 0));
        assertEquals(Optional.of("The network changed since run 3 trained (layer 'dense' has units 4 now, 8 then);"
                + " undo that change to go on with the run, or start a new run."),
                why("stopped", 10, at(4, false), narrower));
    }

    @Test
    void aCompletedRunGoesOnWhenMoreEpochsAreAskedFor() {
        assertEquals(Optional.empty(), why("completed", 15, at(10, false), NET));
        // A stop inside epoch 5 left epoch 5 to be trained again: 4 are complete.
        assertTrue(why("stopped", 5, at(5, true), NET).isEmpty());
        assertEquals(Optional.of("Run 3 has trained 4 epochs; set more epochs than 4 to go on with it."),
                why("stopped", 4, at(5, true), NET));
    }

    @Test
    void theRunsViewModelOffersResumeForOneChosenRunAndPassesMoreEpochs() {
        byte[] stoppedAt2 = state(2);
        byte[] completed = state(3);
        List<RunRecord> runs = List.of(
                run(1, "stopped"), run(2, "completed"), run(3, "stopped"));
        Map<Long, Optional<byte[]>> checkpoints = new LinkedHashMap<>();
        checkpoints.put(1L, Optional.of(stoppedAt2));
        checkpoints.put(2L, Optional.of(completed));
        checkpoints.put(3L, Optional.empty());
        List<String> started = new ArrayList<>();
        RunsViewModel model = new RunsViewModel(() -> runs, id -> List.of());
        model.allowResume(checkpoints::get, () -> NET, (id, epochs) -> {
            started.add(id + ":" + epochs);
            return started.size() < 3 ? Optional.empty() : Optional.of("A run is going.");
        });
        model.refresh();

        model.compare(List.of());
        assertFalse(model.resumableProperty().get());
        assertEquals("Choose one run to go on with it.", model.resumeReasonProperty().get());

        model.compare(List.of(1L));
        assertTrue(model.resumableProperty().get());
        assertEquals("Run 1 can go on from epoch 3 to epoch 3.", model.resumeReasonProperty().get());
        assertTrue(model.resume());
        assertEquals(List.of("1:0"), started, "its own epochs: no --epochs");

        model.compare(List.of(2L));
        assertFalse(model.resumableProperty().get());
        assertEquals("Run 2 completed all 3 epochs; set more epochs than 3 to go on with it.",
                model.resumeReasonProperty().get());
        assertFalse(model.resume());
        model.resumeEpochsProperty().set(5);
        assertTrue(model.resumableProperty().get(), model.resumeReasonProperty().get());
        assertTrue(model.resume());
        assertEquals(List.of("1:0", "2:5"), started);

        model.compare(List.of(1L));
        assertFalse(model.resume(), "the app refused: another run is going");
        assertEquals("A run is going.", model.captionProperty().get());

        model.compare(List.of(3L));
        assertTrue(model.resumeReasonProperty().get().startsWith("Run 3 kept no checkpoint"));
        model.compare(List.of(1L, 2L));
        assertFalse(model.resumableProperty().get());
    }

    @Test
    void theChosenRunsCheckpointIsReadOffTheUiThreadAndResumeWaitsForIt() {
        List<RunRecord> runs = List.of(run(1, "stopped"), run(2, "stopped"));
        List<Long> read = new ArrayList<>();
        java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Runnable> ui = new java.util.ArrayDeque<>();
        RunsViewModel model = new RunsViewModel(() -> runs, id -> List.of());
        model.allowResume(id -> {
            read.add(id);
            return Optional.of(state(2));
        }, () -> NET, (id, epochs) -> Optional.empty());
        model.readCheckpointsWith(background::add, ui::add);
        model.refresh();

        model.compare(List.of(1L));
        assertEquals(List.of(), read, "nothing is read where the choice is made");
        assertFalse(model.resumableProperty().get());
        assertEquals("Checking run 1's checkpoint\u2026", model.resumeReasonProperty().get());
        assertFalse(model.resume(), "Resume waits for the checkpoint");

        // The user chooses run 2 before run 1's checkpoint is known: run 1's answer must not judge run 2.
        model.compare(List.of(2L));
        background.poll().run();
        ui.poll().run();
        assertEquals(List.of(1L), read);
        assertEquals("Checking run 2's checkpoint\u2026", model.resumeReasonProperty().get());
        assertFalse(model.resumableProperty().get());
        background.poll().run();
        assertFalse(model.resumableProperty().get(), "judged on the UI thread only");
        ui.poll().run();
        assertTrue(model.resumableProperty().get(), model.resumeReasonProperty().get());
        assertEquals("Run 2 can go on from epoch 3 to epoch 3.", model.resumeReasonProperty().get());
    }

    private static byte[] state(int epoch) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(RunState.WEIGHTS, new byte[0]);
        parts.put(ResumePoint.NETWORK, ResumePoint.networkPart(NET));
        return new RunState(epoch, epoch * 10L, parts).write();
    }

    private static RunRecord run(long id, String status) {
        String now = Instant.now().toString();
        return new RunRecord(id, status, "cpu", now, now,
                org.netwright.model.json.SettingsJson.write(org.netwright.templates.TemplateLibrary.find("two-moons-mlp").orElseThrow().settings()
                        .withEpochs(3)), "{\"epochs\":" + (status.equals("completed") ? 3 : 2) + "}");
    }
}
