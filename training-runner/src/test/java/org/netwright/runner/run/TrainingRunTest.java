package org.netwright.runner.run;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Dataset;
import org.netwright.templates.data.Generators;

class TrainingRunTest {

    /** Records every event in order. */
    static final class Recorder implements RunListener {
        final List<RunEvent> events = new ArrayList<>();

        @Override
        public void on(RunEvent event) {
            events.add(event);
            RunListener.super.on(event);
        }

        <T extends RunEvent> List<T> of(Class<T> kind) {
            return events.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }

    static Dataset.Split split(Template t) {
        TrainingSettings s = t.settings();
        return Generators.generate(s.data(), s.seed()).split(s.validationSplit(), s.testSplit(), s.seed());
    }

    @Test
    void shapesCnnLossFallsInAFewEpochs() {
        Template t = TemplateLibrary.find("shapes-cnn").orElseThrow();
        Recorder r = new Recorder();
        RunResult result = new TrainingRun(t.graph(), t.settings().withEpochs(3), split(t)).addListener(r).run();
        assertEquals("completed", result.status(), result.message());
        List<RunEvent.Epoch> epochs = r.of(RunEvent.Epoch.class);
        assertEquals(3, epochs.size());
        assertTrue(epochs.get(2).trainLoss() < 0.7 * epochs.get(0).trainLoss(), epochs.toString());
        assertTrue(result.metrics().testAccuracy() > 0.6, result.metrics().toString());
    }

    @Test
    void eventsComeInOrderWithCountsThatAddUp() {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        Recorder r = new Recorder();
        RunResult result = new TrainingRun(t.graph(), t.settings().withEpochs(2), split(t)).withRunId(7)
                .addListener(r).run();
        RunEvent.Started started = assertInstanceOf(RunEvent.Started.class, r.events.get(0));
        assertEquals(new RunEvent.Started(7, "cpu", 2, 19), started);
        assertEquals(38, r.of(RunEvent.Step.class).size());
        assertEquals(2, r.of(RunEvent.Epoch.class).size());
        RunEvent.Finished finished = assertInstanceOf(RunEvent.Finished.class, r.events.get(r.events.size() - 1));
        assertEquals("completed", finished.status());
        assertEquals(result.metrics(), finished.metrics());
        assertEquals(38, finished.metrics().steps());
        assertNotNull(finished.metrics().testAccuracy());
    }

    @Test
    void stopEndsTheRunAfterTheCurrentStepAndKeepsWhatWasRecorded() {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        Recorder r = new Recorder();
        TrainingRun run = new TrainingRun(t.graph(), t.settings().withEpochs(50), split(t));
        run.addListener(r).addListener(new RunListener() {
            @Override
            public void step(RunEvent.Step e) {
                if (e.step() == 25) {
                    run.stop();
                }
            }
        });
        RunResult result = run.run();
        assertEquals("stopped", result.status());
        assertEquals(25, r.of(RunEvent.Step.class).size());
        assertEquals(1, result.epochs().size(), "the epoch finished before the stop is kept");
        assertEquals(1, result.metrics().epochs());
        assertNull(result.metrics().testLoss(), "a stopped run does not spend time on the test set");
    }

    @Test
    void divergingLossFailsNamingTheStep() {
        Graph deep = Graph.of(List.of(
                        new Node("input", "vector_input", Map.of("features", 2), 0, 0),
                        new Node("d1", "dense", Map.of("units", 64), 0, 0),
                        new Node("d2", "dense", Map.of("units", 64), 0, 0),
                        new Node("d3", "dense", Map.of("units", 2), 0, 0)),
                List.of(Edge.of("input", "out", "d1", "in"), Edge.of("d1", "out", "d2", "in"),
                        Edge.of("d2", "out", "d3", "in")));
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        TrainingSettings wild = new TrainingSettings(5, 32, 10.0, "sgd", "mse", 1, 0.2, 0.2, t.settings().data());
        Recorder r = new Recorder();
        RunResult result = new TrainingRun(deep, wild, split(t)).addListener(r).run();
        assertEquals("failed", result.status());
        RunEvent.Failed failed = assertInstanceOf(RunEvent.Failed.class, r.events.get(r.events.size() - 1));
        assertTrue(failed.message().matches("The loss became (NaN|Infinity) at step \\d+ .*"), failed.message());
    }

    @Test
    void dataThatDoesNotFitTheInputFailsNamingBothShapes() {
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        Template shapes = TemplateLibrary.find("shapes-cnn").orElseThrow();
        RunResult result = new TrainingRun(moons.graph(), moons.settings(), split(shapes)).run();
        assertEquals("failed", result.status());
        assertEquals("The data's samples are an image 1×16×16 but the input layer 'input' expects a vector of 2."
                + " To fix it, click 'input' and set its Features to 256 (each image read as one row of 256 numbers),"
                + " or use an Image input of 1×16×16 to keep the pictures' layout.", result.message());
    }

    @Test
    void openArraysDoNotGrowFromEpochTwoToEpochFive() {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        Map<Integer, Integer> live = new java.util.HashMap<>();
        TrainingRun run = new TrainingRun(t.graph(), t.settings().withEpochs(5), split(t));
        run.addListener(new RunListener() {
            @Override
            public void epoch(RunEvent.Epoch e) {
                live.put(e.epoch(), run.liveArrays());
            }
        });
        assertEquals("completed", run.run().status());
        assertTrue(live.get(2) > 0, live.toString());
        assertEquals(live.get(2), live.get(5), "arrays alive after epoch 2 vs epoch 5: " + live);
    }
}
