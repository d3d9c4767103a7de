package org.netwright.runner.run;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;

/** A run stopped after an epoch and resumed from its checkpoint gives the losses of an uninterrupted run. */
class ResumeTest {

    /** Keeps every checkpoint a run saves. */
    static final class Saved implements RunListener {
        final List<byte[]> checkpoints = new ArrayList<>();

        @Override
        public void checkpoint(int epoch, byte[] weights) {
            checkpoints.add(weights);
        }
    }

    private static double[] trainLosses(RunResult r) {
        return r.epochs().stream().mapToDouble(RunEvent.Epoch::trainLoss).toArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "momentum", "rmsprop", "adamw"})
    void resumingAfterEpochTwoRepeatsTheUninterruptedLosses(String optimizer) {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        TrainingSettings four = t.settings().withEpochs(4).withOptimizer(optimizer)
                .withOptions(t.settings().options().withSchedule("cosine"));
        RunResult whole = new TrainingRun(t.graph(), four, TrainingRunTest.split(t)).run();
        assertEquals("completed", whole.status(), whole.message());

        // Stopped after epoch two (the schedule spans the settings' four epochs), then resumed from its checkpoint.
        Saved savedStopped = new Saved();
        TrainingRun stopping = new TrainingRun(t.graph(), four, TrainingRunTest.split(t));
        stopping.addListener(savedStopped).addListener(new RunListener() {
            @Override
            public void epoch(RunEvent.Epoch e) {
                if (e.epoch() == 2) {
                    stopping.stop();
                }
            }
        });
        RunResult stopped = stopping.run();
        assertEquals("stopped", stopped.status());
        RunResult rest = new TrainingRun(t.graph(), four, TrainingRunTest.split(t))
                .resumingFrom(savedStopped.checkpoints.get(1)).run();
        assertEquals("completed", rest.status(), rest.message());
        double[] all = trainLosses(whole);
        assertArrayEquals(new double[] {all[2], all[3]}, trainLosses(rest), 0.0, optimizer);
        assertEquals(whole.metrics().testLoss(), rest.metrics().testLoss(), 0.0);
        assertEquals(3, rest.epochs().get(0).epoch());
    }

    @ParameterizedTest
    @ValueSource(strings = {"two-moons-mlp"})
    void aWeightsOnlyCheckpointIsRefusedForResumingButStillLoadsAsWeights(String id) {
        Template t = TemplateLibrary.find(id).orElseThrow();
        Saved saved = new Saved();
        new TrainingRun(t.graph(), t.settings().withEpochs(1), TrainingRunTest.split(t)).addListener(saved).run();
        byte[] weightsOnly = Checkpoints.write(Checkpoints.read(saved.checkpoints.get(0)));
        assertThrows(IllegalArgumentException.class, () -> new TrainingRun(t.graph(), t.settings(),
                TrainingRunTest.split(t)).resumingFrom(weightsOnly));
        RunResult warm = new TrainingRun(t.graph(), t.settings().withEpochs(1), TrainingRunTest.split(t))
                .startingFrom(saved.checkpoints.get(0)).run();
        assertEquals("completed", warm.status(), warm.message());
    }
}
